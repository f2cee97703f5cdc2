import { act, render as rtlRender, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from '../../i18n/I18nProvider.tsx';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { parseSkbQuery } from './params.ts';
import { SkbLab } from './SkbLab.tsx';
import { SkbProvider, createSkbStore } from './store.ts';

const render = (ui: ReactElement) => rtlRender(ui, { wrapper: I18nProvider });

function renderLab(query?: string) {
  const store = createSkbStore();
  if (query) store.getState().load(parseSkbQuery(query));
  render(
    <SkbProvider value={store}>
      <SkbLab />
    </SkbProvider>,
  );
  return store;
}

/** The "sk_buff fields" row of the buffer as { column: text }. */
function fields(): Record<string, string> {
  const table = screen.getByRole('table', { name: /^sk_buff fields/ });
  const heads = within(table)
    .getAllByRole('columnheader')
    .map((th) => th.textContent ?? '');
  const row = within(table).getAllByRole('row')[1]!;
  const cells = [...row.querySelectorAll('th, td')].map((c) => c.firstChild?.textContent ?? '');
  return Object.fromEntries(heads.map((h, i) => [h, cells[i] ?? '']));
}

describe('<SkbLab>', () => {
  it('reads the sk_buff fields table: reserve 32, put 100, push 8 → data 24, len 108', () => {
    renderLab('ops=reserve:32,put:100,push:8');
    expect(fields()).toMatchObject({
      head: '0',
      data: '24',
      tail: '132',
      end: '1,728',
      len: '108',
      data_len: '0',
      headroom: '24',
      tailroom: '1,596',
      nr_frags: '0',
    });
  });

  it('applies an operation from its button and lists it in the history', async () => {
    const store = renderLab('ops=reserve:32');
    const bytes = screen.getByRole('textbox', { name: 'Bytes' });
    await userEvent.clear(bytes);
    await userEvent.type(bytes, '100');
    await userEvent.click(screen.getByRole('button', { name: /^skb_put\(100\)/ }));
    expect(store.getState().ops.at(-1)).toEqual({ op: 'put', n: 100, kind: 'udp' });
    expect(fields()).toMatchObject({ len: '100', tail: '132' });
    const history = within(screen.getByRole('list', { name: 'Operation history' }));
    expect(history.getAllByRole('button')).toHaveLength(3);
    expect(history.getAllByRole('link')[2]).toHaveAttribute(
      'href',
      'https://elixir.bootlin.com/linux/v6.18/source/net/core/skbuff.c',
    );
  });

  it('an underflow shows the panic message and the unchanged buffer; undo takes it back', async () => {
    const store = renderLab('alloc=128&ops=put:64:payload');
    const before = fields();
    const bytes = screen.getByRole('textbox', { name: 'Bytes' });
    await userEvent.clear(bytes);
    await userEvent.type(bytes, '8');
    await userEvent.click(screen.getByRole('button', { name: /^skb_push\(8\)/ }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('skb_under_panic');
    expect(alert).toHaveTextContent(/len:72 put:8/); // skb_push moves len before skb_under_panic prints it
    expect(fields()).toEqual(before);
    // The kernel is gone: no more operations until the panic is undone or a new buffer starts.
    expect(alert).toHaveTextContent(/machine is gone/);
    for (const b of within(screen.getByRole('group', { name: 'Apply an operation' })).getAllByRole('button'))
      expect(b).toBeDisabled();
    expect(within(alert).getByRole('button', { name: /New buffer of 128 bytes/ })).toBeEnabled();
    await userEvent.click(screen.getByRole('button', { name: '↶ Undo' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: /^skb_push\(8\)/ })).toBeEnabled();
    await userEvent.click(screen.getByRole('button', { name: /Redo/ }));
    expect(screen.getByRole('alert')).toHaveTextContent('skb_under_panic');
    await userEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: /Undo the panic/ }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(store.getState().ops).toEqual([{ op: 'put', n: 64, kind: 'payload' }]);
  });

  it('a bad URL is explained in a status banner and the last good buffer stays', () => {
    renderLab('ops=reserve:32,shove:9');
    expect(screen.getByRole('status')).toHaveTextContent('"shove:9" is not an operation');
    expect(fields()).toMatchObject({ data: '2', len: '142' }); // the UDP send the store started with
  });

  it('the fragmented send replays the Fragmentation trace with its sk_buffs', async () => {
    renderLab();
    await userEvent.click(screen.getByRole('button', { name: 'Fragmented send' }));
    const steps = within(screen.getByRole('list', { name: 'Kernel steps' }));
    expect(steps.getAllByRole('button').length).toBeGreaterThan(10);
    await userEvent.click(steps.getAllByRole('button')[5]!);
    expect(screen.getByRole('heading', { name: /sk_buff at step 6: __ip_make_skb/ })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /^sk_buff fields/ });
    expect(within(table).getAllByRole('row')).toHaveLength(4); // the head and its frag_list of 2
    await userEvent.click(screen.getByRole('button', { name: /Back to your buffer/ }));
    expect(screen.getByRole('list', { name: 'Operation history' })).toBeInTheDocument();
  });
});

describe('a call’s argument is code', () => {
  it('skb_put(5000), never skb_put(5,000): in the steps, the heading and the panic card', () => {
    renderLab('ops=reserve:32,put:5000');
    const text = document.body.textContent ?? '';
    expect(text).toContain('skb_put(5000)');
    expect(text).not.toMatch(/[a-z_]+\(\d{1,3},\d{3}\)/);
  });
});

describe('the preset note says what the page does', () => {
  it('the first visit shows the UDP send’s last step, and says so; a picked preset starts at step 1', () => {
    const store = renderLab();
    const s = store.getState();
    expect(s.step).toBe(s.run.trace.length - 1);
    expect(document.body.textContent).toContain('The page opens on the last step of a UDP send');
    act(() => store.getState().loadPreset('udpSend'));
    expect(store.getState().step).toBe(0);
  });
});
