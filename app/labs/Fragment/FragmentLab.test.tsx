import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from '@testing-library/react';
import { flushLater } from '../../lab-kit/useLater.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider.tsx';
import { useLocaleStore } from '../../i18n/locale.ts';
import { EmbedControlsProvider, EmbedViewProvider, parseEmbedView } from '../../lab-kit/index.ts';
import type { EmbedView } from '../../lab-kit/index.ts';
import { FragmentLab } from './FragmentLab.tsx';
import { fragmentLab } from './lab.ts';
import { FragmentProvider, createFragmentStore } from './store.ts';
import { plainKey } from './words.tsx';

function renderLab(view?: EmbedView) {
  const store = createFragmentStore();
  const lab = (
    <FragmentProvider value={store}>
      <FragmentLab />
    </FragmentProvider>
  );
  render(
    <I18nProvider>
      {view ? (
        <EmbedViewProvider value={view}>
          <EmbedControlsProvider value={fragmentLab.embedControls}>{lab}</EmbedControlsProvider>
        </EmbedViewProvider>
      ) : (
        lab
      )}
    </I18nProvider>,
  );
  return store;
}

afterEach(() => useLocaleStore.setState({ locale: 'en' }));

const bodyRows = () =>
  within(screen.getByRole('table', { name: /^Wire packets/ }))
    .getAllByRole('row')
    .slice(1);

describe('<FragmentLab>', () => {
  it('reads the Wire packets table of the default send', () => {
    const store = renderLab();
    const table = screen.getByRole('table', { name: /^Wire packets/ });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual(['#', 'offset', 'payload length', 'total length', 'MF', 'DF', 'options']);
    const wire = store.getState().result!.wire;
    expect(bodyRows()).toHaveLength(wire.length);
    const first = within(bodyRows()[0]!).getAllByRole('cell');
    expect(first[0]).toHaveTextContent('0');
    // Each row's MF and DF cells name the flag and its state in their titles (made once per title).
    const titles = bodyRows().map((row) =>
      within(row)
        .getAllByRole('cell')
        .slice(3, 5)
        .map((c) => c.querySelector('[title]')?.getAttribute('title')),
    );
    expect(titles).toEqual(
      wire.map((p) =>
        p.family === 'inet' ? [`MF ${p.mf ? 'set' : 'clear'}`, `DF ${p.df ? 'set' : 'clear'}`] : [],
      ),
    );
    expect(new Set(titles.flat()).size).toBeGreaterThan(1);
  });

  it('typing a bad MTU shows the message next to the field and keeps the table', async () => {
    renderLab();
    const before = bodyRows().length;
    const mtu = screen.getByRole('combobox', { name: 'MTU (bytes)' });
    await userEvent.clear(mtu);
    await userEvent.type(mtu, '20');
    expect(mtu).toHaveAttribute('aria-invalid', 'true');
    expect(mtu).toHaveAccessibleDescription(/MTU/);
    expect(screen.getByRole('status')).toHaveTextContent(/last good result/);
    expect(bodyRows()).toHaveLength(before);
  });

  it('in Chinese, a refused MTU is explained next to the field in Chinese, kernel names kept', async () => {
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    renderLab();
    const mtu = screen.getByRole('combobox', { name: 'MTU（字节）' });
    await userEvent.clear(mtu);
    await userEvent.type(mtu, '40');
    expect(mtu).toHaveAttribute('aria-invalid', 'true');
    expect(mtu).toHaveAccessibleDescription(/IPv4 的 MTU 必须是 68 到 65,536 之间的整数.*IPV4_MIN_MTU/);
  });

  it('shows the errno card for a failed send', async () => {
    const store = renderLab();
    store.getState().setFields({ len: '4000', pmtu: 'do' });
    const result = store.getState().result!;
    if (result.ok) return; // the stub core does not model DF yet
    const card = await screen.findByRole('alert');
    expect(card).toHaveTextContent(result.errno);
    expect(within(card).getByRole('link')).toHaveTextContent(result.fn);
  });

  it('lists the trace steps with links to elixir.bootlin.com', () => {
    const store = renderLab();
    const steps = within(screen.getByRole('list', { name: 'Kernel steps' }));
    const trace = store.getState().result!.trace;
    expect(steps.getAllByRole('button')).toHaveLength(trace.length);
    expect(steps.getAllByRole('link')[0]).toHaveAttribute(
      'href',
      `https://elixir.bootlin.com/linux/v6.18/source/${trace[0]!.file}`,
    );
  });

  it('marks the first step back up the receiver, in the reader’s language (data-up-note)', () => {
    // The step list's items, in order: [index, note] of the ones that carry a note.
    const notes = () =>
      [...document.querySelectorAll('li.step')].flatMap((li, i) =>
        li.hasAttribute('data-up-note') ? [[i, li.getAttribute('data-up-note')]] : [],
      );
    const store = renderLab();
    const trace = store.getState().result!.trace;
    const firstUp = trace.findIndex((st, i) => st.dir === 'up' && trace[i - 1]?.dir !== 'up');
    expect(firstUp).toBeGreaterThan(0);
    expect(notes()).toEqual([[firstUp, '↑ back up the receiver’s stack (loopback)']]);
    cleanup();
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    renderLab();
    expect(notes()).toEqual([[firstUp, '↑ 沿接收方协议栈向上返回（回环）']]);
  });

  it("gives strerror(3) in the page's language, as glibc's zh_CN locale words it", () => {
    const store = renderLab();
    act(() => store.getState().setFields({ len: '4000', mtu: '1500', pmtu: 'do' }));
    expect(document.querySelector('.errno-number')).toHaveTextContent('errno 90 · Message too long');
    cleanup();
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    const zh = renderLab();
    act(() => zh.getState().setFields({ len: '4000', mtu: '1500', pmtu: 'do' }));
    expect(document.querySelector('.errno-number')).toHaveTextContent('90 · 消息过长');
  });

  it('speaks Chinese: title, labels, the result and the table', () => {
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    renderLab();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('IP 分片');
    expect(screen.getByRole('textbox', { name: '载荷长度（字节）' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'MTU（字节）' })).toBeInTheDocument();
    expect(document.querySelector('.summary-line')).toHaveTextContent(/以 3 个数据包发出（快速路径）/);
    const table = screen.getByRole('table', { name: /^线路上的数据包/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['#', '偏移', '载荷长度', '总长度', 'MF', 'DF', '选项']);
  });

  it('an edit reaches every part: the table, the counters and the steps follow the summary (issue 17)', () => {
    const store = renderLab();
    act(() => store.getState().selectStep(3));
    act(() => store.getState().setFields({ len: '11560', mtu: '76' }));
    act(() => store.getState().setField('mtu', '68'));
    const result = store.getState().result!;
    expect(result.wire).toHaveLength(241);
    expect(document.querySelector('.summary-line')).toHaveTextContent(/241 packets/);
    // The parts below follow once the edit has painted (useLater).
    act(() => flushLater());
    // The table's caption counts the new packets, the steps are the new trace's.
    expect(screen.getByRole('table', { name: /^Wire packets/ })).toHaveTextContent(/241 packets/);
    expect(bodyRows()).toHaveLength(50);
    const steps = within(screen.getByRole('list', { name: 'Kernel steps' })).getAllByRole('button');
    expect(steps).toHaveLength(result.trace.length);
    const on = store.getState().step ?? 0;
    expect(steps[on]).toHaveAttribute('aria-current', 'step');
    // A step selected is shown at once.
    act(() => store.getState().selectStep(1));
    expect(
      within(screen.getByRole('list', { name: 'Kernel steps' })).getAllByRole('button')[1],
    ).toHaveAttribute('aria-current', 'step');
  });

  it('formats a message with plain values once per language (plainKey)', () => {
    const d = { id: 'lab.fragment.cap.one' };
    expect(plainKey('t', d, { n: '3', size: 48 })).toBe(plainKey('t', d, { n: '3', size: 48 }));
    expect(plainKey('t', d, { n: '3', size: 48 })).not.toBe(plainKey('t', d, { n: '3', size: 40 }));
    // A number and its digits as text are not the same value; t and r are not the same output.
    expect(plainKey('t', d, { size: 48 })).not.toBe(plainKey('t', d, { size: '48' }));
    expect(plainKey('t', d)).not.toBe(plainKey('r', d));
    // A node or a function among the values: not cached.
    expect(plainKey('r', d, { n: <strong>3</strong> })).toBeNull();
  });

  /** The parts an embed view may keep or leave out, each found or null. */
  const part = {
    diagram: () => screen.queryByRole('img', { name: /^Fragment boundaries/ }),
    result: () => screen.queryByText(/returned/),
    len: () => screen.queryByRole('textbox', { name: 'Payload length (bytes)' }),
    mtu: () => screen.queryByRole('combobox', { name: 'MTU (bytes)' }),
    pmtu: () => screen.queryByRole('combobox', { name: 'Path MTU discovery' }),
    table: () => screen.queryByRole('table'),
    steps: () => screen.queryByRole('list', { name: 'Kernel steps' }),
    presets: () => screen.queryByRole('heading', { name: 'Presets' }),
  };
  it.each<[string, string, (keyof typeof part)[], (keyof typeof part)[]]>([
    // compact: the result, the diagram and the key inputs only
    ['compact', 'view=compact', ['diagram', 'result', 'len', 'mtu'], ['pmtu', 'table', 'steps', 'presets']],
    // diagram: the diagram and only the inputs controls= names
    ['diagram', 'view=diagram&controls=mtu', ['diagram', 'mtu'], ['result', 'len']],
  ])('the %s embed view (%s) keeps only its parts', (_, query, kept, left) => {
    renderLab(parseEmbedView(query));
    for (const k of kept) expect(part[k](), k).toBeInTheDocument();
    for (const k of left) expect(part[k](), k).toBeNull();
  });

  it.each(['40', '99999999', 'abc'])(
    'an MTU of %s: one message whose range is the hint’s (68..65,536 for IPv4)',
    async (typed) => {
      renderLab();
      const mtu = screen.getByRole('combobox', { name: 'MTU (bytes)' });
      await userEvent.clear(mtu);
      await userEvent.type(mtu, typed);
      expect(mtu).toHaveAccessibleDescription(
        /^MTU must be a whole number from 68 to 65,536 for IPv4 .*Device MTU, 68\.\.65,536 for IPv4\.$/,
      );
    },
  );

  it('the payload length’s hint gives the range its error gives (0..1,048,576)', async () => {
    renderLab();
    const len = screen.getByRole('textbox', { name: 'Payload length (bytes)' });
    await userEvent.clear(len);
    await userEvent.type(len, '99999999');
    expect(len).toHaveAccessibleDescription(/from 0 to 1,048,576.*0\.\.1,048,576/);
  });
});
