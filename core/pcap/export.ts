/**
 * Captures of the labs' own cases, as pcapng files Wireshark opens and dissects as the lab
 * describes them: the Fragmentation model's wire packets, the Reassembly model's arrivals in
 * order with their times (each with the model's verdict as the packet comment), and netlink
 * buffers as LINKTYPE_NETLINK. Payload bytes are deterministic (`payloadByte`), so the same
 * case exports the same file.
 */
import { VERDICT_TEXT, type DefragOk, type SendResult } from '../ip/index.ts';
import { NETLINK_FAMILY_NUMBERS } from './netlink-family.ts';
import { pcapMessage } from './messages.ts';
import {
  LOOPBACK4,
  LOOPBACK6,
  frame,
  ipv4Header,
  ipv6Header,
  linkTypeOf,
  netlinkFrame,
  payloadByte,
  timeAfter,
  udpDatagram,
  writePcapng,
  type ExportLink,
  type WriterPacket,
} from './writer.ts';
import { LINKTYPE } from './link.ts';
import { ipFastCsum } from './checksum.ts';
import type { CaptureTime } from './types.ts';

/** Packets in one export at most (the models make at most 1,366 fragments or 5,000 arrivals). */
export const EXPORT_MAX_PACKETS = 10_000;
/** Bytes of netlink in one export at most. */
export const EXPORT_MAX_BYTES = 64 * 1024 * 1024;
/** 2025-01-01T00:00:00Z: exports start here so the same case gives the same file. */
export const EXPORT_EPOCH: CaptureTime = { sec: 1_735_689_600, nsec: 0 };

export interface ExportOptions {
  link?: ExportLink;
  /** Tag Ethernet frames with this 802.1Q VLAN id (1–4094). */
  vlan?: number;
  start?: CaptureTime;
  endian?: 'le' | 'be';
}

export type ExportResult =
  | { ok: true; bytes: Uint8Array; packets: number; linkType: number }
  | { ok: false; code: 'export-too-big' | 'export-bad-input'; message: string };

const bad = (why: string): ExportResult => ({
  ok: false,
  code: 'export-bad-input',
  message: pcapMessage('export-bad-input', { why }),
});
const tooBig = (count: number, what: string, limit: number): ExportResult => ({
  ok: false,
  code: 'export-too-big',
  message: pcapMessage('export-too-big', { count, what, limit }),
});

function checkOptions(o: ExportOptions): string | null {
  if (o.link !== undefined && o.link !== 'ethernet' && o.link !== 'raw') return 'link is ethernet or raw';
  if (o.vlan !== undefined && (!Number.isInteger(o.vlan) || o.vlan < 1 || o.vlan > 4094))
    return 'the VLAN id is a whole number from 1 to 4094';
  if (o.vlan !== undefined && o.link === 'raw') return 'a VLAN tag needs Ethernet frames';
  return null;
}

/** Bytes `[from, from + len)` of `dgram`, continued with the payload pattern past its end. */
function slice(dgram: Uint8Array, from: number, len: number, other = false): Uint8Array {
  if (other) return new Uint8Array(len).fill(0xee);
  if (from + len <= dgram.length) return dgram.subarray(from, from + len);
  const b = new Uint8Array(len);
  for (let i = 0; i < len; i++)
    b[i] = from + i < dgram.length ? (dgram[from + i] as number) : payloadByte(from + i - 8);
  return b;
}

/** The Fragmentation model's wire packets (`ipSend`'s result), one frame each, 1 µs apart. */
/**
 * A packet whose header the user wrote (a raw socket of protocol 255): its first bytes as they
 * left, then its fill; an IPv4 header's checksum, when raw_send_hdrinc filled one in, computed here.
 */
export function userHeaderBytes(
  u: { lead: number[]; fill: number; csum?: number },
  length: number,
): Uint8Array {
  const ip = new Uint8Array(length).fill(u.fill);
  ip.set(u.lead.slice(0, length));
  if (u.csum) {
    const check = ipFastCsum(ip, 0, u.csum);
    ip[10] = check >> 8;
    ip[11] = check & 0xff;
  }
  return ip;
}

export function exportSend(result: SendResult, opts: ExportOptions = {}): ExportResult {
  try {
    if (!result || !Array.isArray(result.wire) || !result.input) return bad('not a send result');
    const why = checkOptions(opts ?? {});
    if (why) return bad(why);
    if (result.wire.length > EXPORT_MAX_PACKETS)
      return tooBig(result.wire.length, 'packets', EXPORT_MAX_PACKETS);
    const link = opts.link ?? 'ethernet';
    const v6 = result.input.family === 'inet6';
    const udp = result.input.sock === 'udp';
    const payloadLen = Math.max(0, result.datagramLength - (udp ? 8 : 0));
    const dgram = udp
      ? udpDatagram(payloadLen, v6 ? LOOPBACK6 : LOOPBACK4, v6 ? LOOPBACK6 : LOOPBACK4)
      : Uint8Array.from({ length: result.datagramLength }, (_, i) => payloadByte(i));
    const start = opts.start ?? EXPORT_EPOCH;
    const packets: WriterPacket[] = result.wire.map((p, i) => {
      let ip: Uint8Array;
      if (p.userHeader) {
        ip = userHeaderBytes(p.userHeader, p.total_length);
      } else if (p.family === 'inet') {
        const len = p.total_length - p.ihl;
        const head = ipv4Header({
          id: p.id,
          df: p.df,
          mf: p.mf,
          offset: p.offset,
          protocol: p.protocol,
          options: p.options,
          payloadLength: len,
        });
        ip = concat(head, slice(dgram, p.range.from, len));
      } else {
        const len = p.payload_length - (p.frag ? 8 : 0);
        const head = ipv6Header({
          payloadLength: p.payload_length,
          nextHeader: p.next_header,
          ...(p.frag
            ? {
                frag: { nextHeader: p.frag.next_header, offset: p.frag.offset, mf: p.frag.mf, id: p.frag.id },
              }
            : {}),
        });
        ip = concat(head, slice(dgram, p.range.from, len));
      }
      return { interface: 0, time: timeAfter(start, i / 1000), data: frame(ip, v6, link, opts.vlan) };
    });
    const bytes = writePcapng({
      interfaces: [{ linkType: linkTypeOf(link), name: 'lo' }],
      packets,
      ...(opts.endian ? { endian: opts.endian } : {}),
    });
    return { ok: true, bytes, packets: packets.length, linkType: linkTypeOf(link) };
  } catch (e) {
    return bad(e instanceof Error ? e.message : String(e));
  }
}

/**
 * The Reassembly model's arrivals in arrival order, at their times, each fragment built from
 * the datagram (`fill: "other"` as 0xee bytes), the model's verdict as the packet comment.
 */
export function exportReassembly(result: DefragOk, opts: ExportOptions = {}): ExportResult {
  try {
    if (!result || result.ok !== true || !Array.isArray(result.arrivals))
      return bad('not a reassembly result');
    const why = checkOptions(opts ?? {});
    if (why) return bad(why);
    if (result.arrivals.length > EXPORT_MAX_PACKETS)
      return tooBig(result.arrivals.length, 'packets', EXPORT_MAX_PACKETS);
    const link = opts.link ?? 'ethernet';
    const v6 = result.family === 'inet6';
    const dgram = udpDatagram(result.len, v6 ? LOOPBACK6 : LOOPBACK4, v6 ? LOOPBACK6 : LOOPBACK4);
    const start = opts.start ?? EXPORT_EPOCH;
    const packets: WriterPacket[] = result.arrivals.map((a) => {
      const data = slice(dgram, a.offset, a.length, a.fill === 'other');
      const head = v6
        ? ipv6Header({
            payloadLength: 8 + a.length,
            nextHeader: 17,
            frag: { nextHeader: 17, offset: a.offset, mf: a.mf, id: a.id },
          })
        : ipv4Header({
            id: a.id,
            df: false,
            mf: a.mf,
            offset: a.offset,
            protocol: 17,
            options: [],
            payloadLength: a.length,
          });
      return {
        interface: 0,
        time: timeAfter(start, a.at),
        data: frame(concat(head, data), v6, link, opts.vlan),
        comment: `${a.fn}: ${VERDICT_TEXT[a.verdict]}`,
      };
    });
    const bytes = writePcapng({
      interfaces: [{ linkType: linkTypeOf(link), name: 'lo' }],
      packets,
      ...(opts.endian ? { endian: opts.endian } : {}),
    });
    return { ok: true, bytes, packets: packets.length, linkType: linkTypeOf(link) };
  } catch (e) {
    return bad(e instanceof Error ? e.message : String(e));
  }
}

export interface NetlinkExportFrame {
  bytes: Uint8Array;
  /** `route`, `generic`, or the netlink protocol number (NETLINK_ROUTE 0…). */
  family: string | number;
  /** Sent by user space (PACKET_OUTGOING) rather than by the kernel. */
  outgoing?: boolean;
}

/** Netlink buffers as LINKTYPE_NETLINK frames (the nlmon cooked header, netlink family in it). */
export function exportNetlink(
  frames: readonly NetlinkExportFrame[],
  opts: Pick<ExportOptions, 'start' | 'endian'> = {},
): ExportResult {
  try {
    if (!Array.isArray(frames)) return bad('frames must be a list');
    if (frames.length > EXPORT_MAX_PACKETS) return tooBig(frames.length, 'frames', EXPORT_MAX_PACKETS);
    let total = 0;
    const packets: WriterPacket[] = [];
    for (const [i, f] of frames.entries()) {
      if (!f || !(f.bytes instanceof Uint8Array)) return bad(`frame ${i + 1} has no bytes`);
      const proto = typeof f.family === 'number' ? f.family : NETLINK_FAMILY_NUMBERS[f.family];
      if (proto === undefined || !Number.isInteger(proto) || proto < 0 || proto > 0xffff)
        return bad(`frame ${i + 1}: unknown netlink family ${String(f.family)}`);
      total += f.bytes.length;
      if (total > EXPORT_MAX_BYTES) return tooBig(total, 'bytes', EXPORT_MAX_BYTES);
      packets.push({
        interface: 0,
        time: timeAfter(opts.start ?? EXPORT_EPOCH, i / 1000),
        data: netlinkFrame(f.bytes, proto, !!f.outgoing),
      });
    }
    const bytes = writePcapng({
      interfaces: [{ linkType: LINKTYPE.NETLINK, name: 'nlmon0' }],
      packets,
      ...(opts.endian ? { endian: opts.endian } : {}),
    });
    return { ok: true, bytes, packets: packets.length, linkType: LINKTYPE.NETLINK };
  } catch (e) {
    return bad(e instanceof Error ? e.message : String(e));
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
