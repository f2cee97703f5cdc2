import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPcap } from '../../core/pcap/index.ts';
import { reassembleHref } from './links.ts';
import type { WorkerReply } from './protocol.ts';
import { CaptureSession, MAX_FILE_BYTES } from './session.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(`core/pcap/fixtures/${name}`));

async function open(bytes: Uint8Array, chunk = 1000) {
  const s = new CaptureSession();
  const replies: WorkerReply[] = [];
  const last = await s.open(
    {
      size: bytes.length,
      slice: (a: number, b: number) => ({ arrayBuffer: async () => bytes.slice(a, b).buffer }),
    },
    'x.pcap',
    1,
    (m) => replies.push(m),
    chunk,
  );
  return { s, replies, last };
}

describe('the capture worker session', () => {
  it('reads in chunks with progress, and lists what the reader read', async () => {
    const bytes = fixture('sendto-lo.pcap');
    const { s, replies, last } = await open(bytes);
    const progress = replies.filter((r) => r.type === 'progress' && r.phase === 'read');
    expect(progress.length).toBe(Math.ceil(bytes.length / 1000));
    // Then the analysis: packets taken apart, then fragment groups replayed, each from 0 to its whole.
    const phases = replies.flatMap((r) => (r.type === 'progress' ? [r.phase] : []));
    expect([...new Set(phases)]).toEqual(['read', 'analyse', 'replay']);
    const analyse = replies.flatMap((r) => (r.type === 'progress' && r.phase === 'analyse' ? [r] : []));
    expect(analyse[0]?.done).toBe(0);
    expect(analyse.at(-1)?.done).toBe(analyse.at(-1)?.total);
    expect(analyse.at(-1)?.total).toBe(readPcap(bytes).packets.length);
    expect(last.type).toBe('done');
    if (last.type !== 'done') return;
    const direct = readPcap(bytes);
    expect(last.summary.packets).toBe(direct.packets.length);
    expect(s.rows(0, 1000).map((r) => r.caplen)).toEqual(direct.packets.map((p) => p.caplen));
    // Every fragment listed in a group is a fragment row naming that group.
    for (const g of last.summary.groups)
      for (const p of g.packets) expect(s.rows(p, 1)[0]?.frag?.group).toBe(g.serial);
  });

  it('a truncated file keeps the packets before the cut and names the offset', async () => {
    const bytes = fixture('sendto-lo.pcap');
    const cut = bytes.subarray(0, bytes.length - 100);
    const { last } = await open(cut);
    expect(last.type).toBe('done');
    if (last.type !== 'done') return;
    expect(last.summary.packets).toBe(readPcap(cut).packets.length);
    const cutAt = last.summary.diagnostics.find((d) => d.code === 'truncated');
    expect(cutAt && cutAt.offset < cut.length).toBe(true);
    // "Reading stopped at byte N": the record the finding names, not the end of the last chunk.
    expect(last.summary.bytesRead).toBe(cutAt?.offset);
    expect(last.summary.stopped || last.summary.bytesRead < cut.length).toBe(true);
  });

  it('refuses a file over the bound with a message, and bad requests are messages', async () => {
    const s = new CaptureSession();
    const big = { size: MAX_FILE_BYTES + 1, slice: () => new Blob([]) };
    const r = await s.open(big, 'big', 2, () => {});
    expect(r.type).toBe('failed');
    expect(s.compare(1).message?.id).toBe('app.capture.noCapture');
  });

  it('a replayed group opens in the Reassembly lab with its capture times; a compare agrees', async () => {
    const { s, last } = await open(fixture('sendto-lo.pcap'));
    if (last.type !== 'done') throw new Error('not read');
    const g = last.summary.groups[1]!;
    const href = reassembleHref(g.input!);
    const q = new URLSearchParams(href.split('?')[1]);
    expect(q.get('frags')?.split(',').length).toBe(g.packets.length);
    expect(q.get('at')?.split(',').length).toBe(g.packets.length);
    const c = s.compare(g.serial);
    expect(c.comparison?.agree).toBe(true);
    // At MTU 1280 the model sends one packet where three were captured: marked as differing.
    expect(s.compare(g.serial, 1280).comparison?.agree).toBe(false);
  });
});
