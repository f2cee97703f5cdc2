/**
 * A lab's case as a `.pcapng` file Wireshark opens (core/pcap/export.ts writes it): the
 * Fragmentation lab's wire packets as Ethernet/IPv4|IPv6/UDP frames, the Reassembly lab's
 * arrivals in order at their times, the Netlink lab's buffer as LINKTYPE_NETLINK. Read from the
 * lab's live store (what the lab shows), never from a half-typed form.
 */
import type { DefragOk, SendResult } from '../../core/ip/index.ts';
import { exportNetlink, exportReassembly, exportSend, type ExportResult } from '../../core/pcap/index.ts';

/** The labs that export a capture. */
export const CAPTURE_LABS = ['fragment', 'reassemble', 'netlink'] as const;
export type CaptureLab = (typeof CAPTURE_LABS)[number];

export const isCaptureLab = (path: string): path is CaptureLab =>
  (CAPTURE_LABS as readonly string[]).includes(path);

export type LabExport =
  | { ok: true; bytes: Uint8Array; packets: number; name: string }
  | { ok: false; reason: 'nothing' }
  | { ok: false; reason: 'core'; message: string };

const get = (o: unknown, k: string): unknown =>
  typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined;

/** `sockscope-fragment.pcapng`… */
export const exportName = (lab: CaptureLab): string => `sockscope-${lab}.pcapng`;

/** The export of a lab's state (its store's state, untyped: labs keep their own shapes). */
export function labExport(lab: CaptureLab, state: unknown): LabExport {
  let r: ExportResult;
  if (lab === 'fragment') {
    const result = get(state, 'result') as SendResult | null | undefined;
    if (!result || !Array.isArray(result.wire) || result.wire.length === 0)
      return { ok: false, reason: 'nothing' };
    r = exportSend(result);
  } else if (lab === 'reassemble') {
    const result = get(state, 'result') as DefragOk | null | undefined;
    if (!result || result.ok !== true || result.arrivals.length === 0)
      return { ok: false, reason: 'nothing' };
    r = exportReassembly(result);
  } else {
    const bytes = get(state, 'bytes');
    const family = get(state, 'family');
    if (!(bytes instanceof Uint8Array) || bytes.length === 0) return { ok: false, reason: 'nothing' };
    r = exportNetlink([{ bytes, family: family === 'raw' ? 0 : String(family), outgoing: true }]);
  }
  return r.ok
    ? { ok: true, bytes: r.bytes, packets: r.packets, name: exportName(lab) }
    : { ok: false, reason: 'core', message: r.message };
}
