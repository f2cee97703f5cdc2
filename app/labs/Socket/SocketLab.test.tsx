import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SocketLab } from './SocketLab.tsx';
import { SocketProvider, createSocketStore } from './store.ts';

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

  it('lists the trace and selecting a step highlights its box in the call path', async () => {
    const store = renderLab();
    const steps = within(screen.getByRole('list', { name: 'Kernel steps' })).getAllByRole('button');
    expect(steps).toHaveLength(store.getState().result!.socket.trace.length);
    await userEvent.click(steps[0]!);
    expect(steps[0]).toHaveAttribute('aria-current', 'step');
    const figure = screen.getByRole('figure');
    const on = figure.querySelector('.sk-node--on');
    expect(on).toHaveAttribute('data-fn', '__sys_socket');
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
});
