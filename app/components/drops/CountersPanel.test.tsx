import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ipSend, reassemble, DEFAULT_SEND_INPUT } from '../../../core/ip/index.ts';
import type { FragmentSpec } from '../../../core/ip/index.ts';
import { StepList } from '../../lab-kit/index.ts';
import { CountersPanel, counterRows } from './index.ts';
import { DropNote } from './DropNote.tsx';
import { dropsWords } from './words.ts';

const F = (offset: number, length: number, mf: boolean): FragmentSpec => ({ offset, length, mf });

function panelOf(
  drops: Parameters<typeof CountersPanel>[0]['drops'],
  delta: Parameters<typeof CountersPanel>[0]['delta'],
) {
  render(<CountersPanel drops={drops} delta={delta} />);
  return screen.getByRole('region', { name: 'Counters and drops' });
}

describe('CountersPanel with real core results', () => {
  it('a 65,507-byte send over MTU 68: ENOBUFS, 512 NOT_SPECIFIED at __ip_flush_pending_frames, IpOutDiscards, UdpSndbufErrors', () => {
    const r = ipSend({ ...DEFAULT_SEND_INPUT, sends: [65507], mtu: 68 });
    expect(r.ok).toBe(false);
    const panel = panelOf(r.drop_reasons, r.snmp_delta);
    const table = within(panel).getByRole('table', { name: /SNMP counters that moved/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'IpOutDiscards',
      'UdpSndbufErrors',
    ]);
    expect(within(rows[0] as HTMLElement).getByText('+1')).toBeInTheDocument();
    const drops = within(panel).getByRole('list', { name: /Drops/ });
    const items = within(drops).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    const item = items[0] as HTMLElement;
    expect(item).toHaveTextContent('512 × NOT_SPECIFIED freed by __ip_flush_pending_frames');
    expect(item).toHaveTextContent('the send failed, so every skb already queued for this datagram is freed');
    const fn = within(item).getByRole('link', { name: /__ip_flush_pending_frames/ });
    expect(fn).toHaveAttribute(
      'href',
      expect.stringMatching(/elixir\.bootlin\.com\/linux\/.*\/source\/net\/ipv4\/ip_output\.c$/),
    );
    expect(fn.querySelector('code')?.textContent).toBe('__ip_flush_pending_frames');
  });

  it('an overlap: NOT_SPECIFIED at ip_defrag, IpReasmFails and IpExtReasmOverlaps with their sentences', () => {
    const r = reassemble({
      family: 'inet',
      len: 2992,
      fragments: [F(0, 1480, true), F(1400, 160, true), F(1480, 1480, true), F(2960, 40, false)],
    });
    if (!r.ok) throw new Error(r.why);
    const panel = panelOf(r.drop_reasons, r.snmp_delta);
    const names = counterRows(r.snmp_delta).map((x) => x.nstat);
    expect(names).toContain('IpReasmFails');
    expect(names).toContain('IpExtReasmOverlaps');
    // Ip before IpExt, as the counter files list them
    expect(names.indexOf('IpReasmFails')).toBeLessThan(names.indexOf('IpExtReasmOverlaps'));
    const overlaps = within(panel)
      .getByRole('rowheader', { name: 'IpExtReasmOverlaps' })
      .closest('tr') as HTMLElement;
    expect(overlaps.querySelectorAll('td')[1]?.textContent).not.toBe('a counter the model does not describe');
    const item = within(panel).getByRole('listitem');
    expect(item).toHaveTextContent('1 × NOT_SPECIFIED freed by ip_defrag');
    expect(within(item).getByRole('link', { name: /ip_defrag/ })).toHaveAttribute(
      'href',
      expect.stringContaining('net/ipv4/ip_fragment.c'),
    );
  });

  it('a clean case says nothing was dropped', () => {
    const r = ipSend({ ...DEFAULT_SEND_INPUT, sends: [100] });
    const panel = panelOf(r.drop_reasons, r.snmp_delta);
    expect(within(panel).getByText('Nothing was dropped.')).toBeInTheDocument();
    expect(within(panel).getByRole('table')).toBeInTheDocument();
  });

  it('in Chinese: the counters, the reasons and what the freeing function did, kernel names kept', () => {
    const zh = dropsWords('zh-CN');
    const r = ipSend({ ...DEFAULT_SEND_INPUT, sends: [4000], mtu: 1500 }, 'none');
    render(<CountersPanel drops={r.drop_reasons} delta={r.snmp_delta} words={zh} />);
    const panel = screen.getByRole('region', { name: '计数器与丢弃' });
    const noPorts = within(panel).getByRole('rowheader', { name: 'UdpNoPorts' }).closest('tr') as HTMLElement;
    expect(noPorts).toHaveTextContent('发往没有套接字的端口的数据报（以 ICMP 端口不可达回应）');
    const item = within(panel)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes('skb_release_data')) as HTMLElement;
    expect(item).toHaveTextContent(
      '挂在被释放数据报（被丢弃，或在慢速路径复制之后被消费）frag_list 上的分片随它一起释放',
    );
    expect(item).toHaveTextContent('作为丢弃释放，没有更具体的原因');
    // no English sentence is left in a Chinese panel
    expect(panel.textContent).not.toMatch(/datagrams|freed as a drop/);
    render(<DropNote drops={r.drop_reasons} words={zh} />);
    const note = screen.getByRole('note', { name: '在这里丢弃' });
    expect(note).toHaveTextContent('目的端口上没有绑定套接字');
    expect(within(note).getByRole('link', { name: /__udp4_lib_rcv/ })).toHaveAttribute(
      'href',
      expect.stringContaining('net/ipv4/udp.c'),
    );
  });

  it('counterRows leaves out zeroes and unknown sections', () => {
    expect(counterRows({ Udp: { InErrors: 0, RcvbufErrors: 2 } })).toEqual([
      expect.objectContaining({ nstat: 'UdpRcvbufErrors', delta: 2 }),
    ]);
  });
});

describe('StepList drop badges', () => {
  it('a step that frees skbs carries a badge naming its reason', () => {
    const r = ipSend({ ...DEFAULT_SEND_INPUT, sends: [65507], mtu: 68 });
    const withDrops = r.trace.filter((s) => s.drops?.length);
    expect(withDrops.length).toBeGreaterThan(0);
    render(
      <StepList
        steps={r.trace}
        selected={0}
        onSelect={() => {}}
        view={(s) => ({ fn: s.fn, why: s.why, file: s.file, drops: s.drops })}
      />,
    );
    const badges = document.querySelectorAll('.drop-badge');
    expect(badges).toHaveLength(withDrops.reduce((n, s) => n + (s.drops?.length ?? 0), 0));
    expect(badges[0]).toHaveTextContent('NOT_SPECIFIED');
    expect(screen.getAllByText(/Drop here: 512 × NOT_SPECIFIED/)).toHaveLength(1);
  });
});
