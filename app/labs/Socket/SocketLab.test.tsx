import { act, render as rtlRender, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from '../../i18n/I18nProvider.tsx';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { useLocaleStore } from '../../i18n/locale.ts';
import { SocketLab } from './SocketLab.tsx';
import { SocketProvider, createSocketStore } from './store.ts';

const render = (ui: ReactElement) => rtlRender(ui, { wrapper: I18nProvider });

function renderLab() {
  const store = createSocketStore();
  render(
    <SocketProvider value={store}>
      <SocketLab />
    </SocketProvider>,
  );
  return store;
}

const region = () => screen.getByRole('region', { name: 'Socket result' });

describe('<SocketLab>', () => {
  it('states the created UDP socket in words', () => {
    renderLab();
    const r = region();
    expect(r).toHaveTextContent('socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)');
    expect(r).toHaveTextContent(/sock->ops = inet_dgram_ops/);
    expect(r).toHaveTextContent(/sk->sk_prot = udp_prot/);
    expect(r).toHaveTextContent(/protocol 17 \(IPPROTO_UDP\)/);
  });

  it('states the errno, its number, strerror, function and why', () => {
    const store = renderLab();
    act(() => store.getState().setFields({ type: 'SOCK_RAW', protocol: '0' }));
    const r = region();
    expect(r).toHaveTextContent('-EPROTONOSUPPORT');
    expect(r).toHaveTextContent('errno 93');
    expect(r).toHaveTextContent('Protocol not supported');
    expect(within(r).getByRole('link', { name: 'inet_create()' })).toHaveAttribute(
      'href',
      'https://elixir.bootlin.com/linux/v6.18/source/net/ipv4/af_inet.c',
    );
    expect(r).toHaveTextContent(/needs an explicit protocol/);
  });

  it('highlights the slots the operation uses and shows the stub errno', async () => {
    renderLab();
    await userEvent.click(screen.getByRole('radio', { name: 'listen' }));
    const ops = screen.getByRole('table', { name: /^sock->ops = inet_dgram_ops/ });
    const row = within(ops).getByRole('row', { name: /\.listen/ });
    expect(row).toHaveClass('sk-slot--used');
    expect(row).toHaveTextContent('sock_no_listen');
    expect(row).toHaveTextContent('EOPNOTSUPP');
    const chain = screen.getByRole('list', { name: 'Dispatch chain of listen()' });
    expect(chain).toHaveTextContent('sock_no_listen');
  });

  it('explains a bad domain next to the field and keeps the last result', async () => {
    renderLab();
    const domain = screen.getByRole('combobox', { name: 'Domain' });
    await userEvent.selectOptions(domain, 'Other — a number or name…');
    const other = screen.getByRole('textbox', { name: 'Domain, by name or number' });
    expect(other).toHaveValue('2');
    await userEvent.clear(other);
    await userEvent.type(other, 'AF_NOPE');
    expect(other).toHaveAttribute('aria-invalid', 'true');
    expect(other).toHaveAccessibleDescription(/Unknown address family "AF_NOPE"/);
    expect(screen.getByRole('status')).toHaveTextContent(/last good result/);
    expect(region()).toHaveTextContent('udp_prot');
    await userEvent.clear(other);
    await userEvent.type(other, '16');
    expect(region()).toHaveTextContent('netlink_ops');
  });

  it('shows each kernel step once: the call path is the step list, one tab stop, arrows move', async () => {
    const store = renderLab();
    const figure = screen.getByRole('figure');
    // The step buttons (a glossary term in the figure is a button too, with no pressed state).
    const steps = () =>
      within(figure)
        .getAllByRole('button')
        .filter((b) => b.hasAttribute('aria-pressed'));
    const lines = steps();
    const n = store.getState().result!.socket.trace.length;
    expect(lines).toHaveLength(n);
    // No second list repeating the same steps beside it.
    expect(screen.queryByRole('list', { name: 'Kernel steps' })).toBeNull();
    expect(lines.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    await userEvent.click(lines[0]!);
    expect(lines[0]).toHaveAttribute('aria-pressed', 'true');
    expect(figure.querySelector('.sk-node--on')).toHaveAttribute('data-fn', '__sys_socket');
    await userEvent.keyboard('{ArrowDown}');
    expect(store.getState().step).toBe(1);
    expect(steps()[1]).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(store.getState().step).toBe(n - 1);
    await userEvent.keyboard('{Home}');
    expect(store.getState().step).toBe(0);
  });

  it('offers line breaks in the read-back names only after an underscore', () => {
    renderLab();
    const tiles = region().querySelector('.sk-readback')!;
    const names = [...tiles.querySelectorAll('.sk-name')];
    expect(names.map((e) => e.textContent)).toEqual(['AF_INET', 'SOCK_DGRAM', 'IPPROTO_UDP']);
    for (const e of names)
      for (const w of e.querySelectorAll('wbr')) expect(w.previousSibling?.textContent).toMatch(/_$/);
  });

  it('draws the inetsw walk entry by entry', () => {
    const store = renderLab();
    act(() => store.getState().setFields({ type: 'SOCK_DGRAM', protocol: 'IPPROTO_UDPLITE' }));
    const walk = screen.getAllByRole('list', { name: 'inetsw[SOCK_DGRAM] walk' })[0]!;
    const entries = within(walk).getAllByRole('listitem');
    expect(entries.map((e) => e.querySelector('.sk-badge')?.textContent)).toEqual([
      'skipped',
      'matched',
      'not reached',
    ]);
  });

  describe('preset chips', () => {
    afterEach(() => useLocaleStore.setState({ locale: 'en' }));
    const chips = () => within(screen.getByRole('list', { name: /preset|预设/i })).getAllByRole('button');

    it('name each call in English, kernel names as they are in the titles', () => {
      renderLab();
      const raw = chips().find((b) => b.textContent === 'Raw as user')!;
      expect(raw).toHaveAttribute('title', 'AF_INET, SOCK_RAW, IPPROTO_ICMP without CAP_NET_RAW');
      expect(chips().map((b) => b.textContent)).toContain('INET + SOCK_PACKET');
    });

    it('speak Chinese in zh-CN, and a chip still loads its call', async () => {
      act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
      const store = renderLab();
      const names = chips().map((b) => b.textContent ?? '');
      expect(names).toContain('非阻塞 UDP');
      expect(names).not.toContain('Non-blocking UDP');
      const raw = chips().find((b) => b.textContent === '普通用户建原始套接字')!;
      expect(raw).toHaveAttribute('title', 'AF_INET, SOCK_RAW, IPPROTO_ICMP，但没有 CAP_NET_RAW');
      await userEvent.click(raw);
      expect(store.getState().fields).toMatchObject({
        type: 'SOCK_RAW',
        protocol: 'IPPROTO_ICMP',
        priv: 'user',
      });
      expect(raw).toHaveAttribute('aria-pressed', 'true');
    });
  });
});
