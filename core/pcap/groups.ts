/**
 * IP fragments of a capture grouped into datagrams as the kernel's fragment queues key them
 * (frag_v4_compare_key: saddr, daddr, id, protocol; frag_v6_compare_key: saddr, daddr, id —
 * net/ipv4/ip_fragment.c, net/ipv6/reassembly.c), in capture order with capture times, and
 * replayed through the reassembly model (`reassemble()` of core/ip) for its verdict on each.
 *
 * What a capture cannot tell is written down: the defrag `user` and `vif` (IPv4) and the
 * `iif` of IPv6 multicast/link-local keys are taken as equal within one capture; the bytes
 * first seen for a range count as the sender's, so a later fragment with different bytes
 * over the same range is `fill: "other"`.
 */
import { reassemble, type DefragInput, type DefragResult, type FragmentSpec } from '../ip/index.ts';
import { u16 } from './bytes.ts';
import { IPPROTO_UDP, type PacketView } from './dissect.ts';
import { pcapMessage, type MessageValues, type PcapMessageCode } from './messages.ts';
import type { CaptureTime, CapturedPacket, PcapDiagnostic } from './types.ts';

/** validateDefragInput's own bounds: fragments per replay and the datagram length. */
export const GROUP_LIMITS = { fragments: 5000, len: 70_000 } as const;
/** PACKET_OUTGOING (include/uapi/linux/if_packet.h): a cooked capture's copy of a sent packet. */
const PACKET_OUTGOING = 4;

export interface FragmentGroup {
  /** 1, 2, … in order of first fragment. */
  serial: number;
  key: string;
  family: 'inet' | 'inet6';
  src: string;
  dst: string;
  id: number;
  protocol: number;
  /** Packet indexes, in capture order. */
  packets: number[];
  /** Outgoing copies of a cooked capture left out because the incoming copies are there. */
  outgoing: number[];
}

/** Milliseconds from `t0` to `t`, to the microsecond. */
export function msBetween(t0: CaptureTime, t: CaptureTime): number {
  return Math.round((t.sec - t0.sec) * 1e6 + (t.nsec - t0.nsec) / 1e3) / 1e3;
}

/** The fragment groups of a dissected capture, in order of their first fragment. */
export function fragmentGroups(views: readonly PacketView[]): FragmentGroup[] {
  const byKey = new Map<string, FragmentGroup>();
  const groups: FragmentGroup[] = [];
  for (const v of views) {
    const f = v.frag;
    if (!f || !v.ip) continue;
    let g = byKey.get(f.key);
    if (!g) {
      g = {
        serial: groups.length + 1,
        key: f.key,
        family: f.family,
        src: v.ip.src,
        dst: v.ip.dst,
        id: f.id,
        protocol: f.protocol,
        packets: [],
        outgoing: [],
      };
      byKey.set(f.key, g);
      groups.push(g);
    }
    g.packets.push(v.index);
  }
  // A cooked "any" capture can hold a packet twice, leaving and arriving: the receiving
  // kernel sees only the arriving copy, so outgoing copies are left out when both are there.
  for (const g of groups) {
    const out = g.packets.filter((i) => views[i]?.link?.pktType === PACKET_OUTGOING);
    if (out.length && out.length < g.packets.length) {
      g.outgoing = out;
      g.packets = g.packets.filter((i) => views[i]?.link?.pktType !== PACKET_OUTGOING);
    }
  }
  return groups;
}

export interface GroupReplay {
  group: FragmentGroup;
  /** The reassembly model's input: each fragment with its capture time relative to the first. */
  input: DefragInput;
  /** Where `input.len` came from. */
  lenFrom: 'udp-header' | 'last-fragment' | 'largest-end';
  /** Packet index of each replayed arrival (arrival i is packet packets[i]). */
  packets: number[];
  result: DefragResult;
  diagnostics: PcapDiagnostic[];
}

/** A view of `len` bytes at `from` in a packet's captured bytes, or null when not captured whole. */
function fragBytes(v: PacketView): Uint8Array | null {
  const f = v.frag;
  if (!f || f.data.length < f.length) return null;
  return f.data;
}

/**
 * DefragInput for a group: offsets, lengths, MF, ids and arrival times from the capture;
 * `fill: "other"` where a fragment's bytes differ from bytes already seen for that range.
 */
export function groupInput(
  group: FragmentGroup,
  views: readonly PacketView[],
  packets: readonly CapturedPacket[],
): Omit<GroupReplay, 'result'> {
  const diagnostics: PcapDiagnostic[] = [];
  const note = (code: PcapMessageCode, values: MessageValues, packet?: number) => {
    const p = packet !== undefined ? packets[packet] : undefined;
    const block = p ? `packet ${p.index + 1}` : `fragment group ${group.serial}`;
    const offset = p ? p.offset : 0;
    const v = { block, offset, key: group.key, ...values };
    diagnostics.push({ severity: 'info', code, block, offset, values: v, message: pcapMessage(code, v) });
  };
  let used = group.packets;
  if (used.length > GROUP_LIMITS.fragments) {
    note('group-too-many', { count: used.length, limit: GROUP_LIMITS.fragments });
    used = used.slice(0, GROUP_LIMITS.fragments);
  }
  const facts = used.map((i) => (views[i] as PacketView).frag as NonNullable<PacketView['frag']>);
  // The datagram's length: the UDP header says it; failing that, the last fragment's end.
  let len = -1;
  let lenFrom: GroupReplay['lenFrom'] = 'largest-end';
  const first = facts.find((f) => f.offset === 0 && f.data.length >= 8);
  if (group.protocol === IPPROTO_UDP && first) {
    len = u16(first.data, 4, false) - 8;
    lenFrom = 'udp-header';
  }
  if (len < 0) {
    const last = facts.find((f) => !f.mf);
    const end = last ? last.offset + last.length : Math.max(0, ...facts.map((f) => f.offset + f.length));
    lenFrom = last ? 'last-fragment' : 'largest-end';
    len = Math.max(0, end - 8);
    note('group-len-guessed', { from: lenFrom === 'last-fragment' ? 'last' : 'largest', len });
  }
  if (len > GROUP_LIMITS.len) {
    note('group-len-clamped', { len, limit: GROUP_LIMITS.len });
    len = GROUP_LIMITS.len;
  }
  // Bytes seen so far, to tell a repeat of the same bytes from different bytes.
  const size = Math.max(0, ...facts.map((f) => f.offset + f.length));
  const seen = new Uint8Array(size);
  const have = new Uint8Array(size);
  const t0 = (packets[used[0] as number] as CapturedPacket).time;
  let prevAt = 0;
  const fragments: FragmentSpec[] = facts.map((f, k) => {
    const idx = used[k] as number;
    let at = msBetween(t0, (packets[idx] as CapturedPacket).time);
    if (at < prevAt) {
      note('group-time-back', { packet: idx + 1, at: prevAt }, idx);
      at = prevAt;
    }
    prevAt = at;
    let fill: 'same' | 'other' = 'same';
    const bytes = fragBytes(views[idx] as PacketView);
    if (!bytes) note('group-captured-short', { packet: idx + 1 }, idx);
    else {
      for (let i = 0; i < f.length; i++) {
        const o = f.offset + i;
        const b = bytes[i] as number;
        if (have[o]) {
          if (seen[o] !== b) fill = 'other';
        } else {
          have[o] = 1;
          seen[o] = b;
        }
      }
    }
    return {
      offset: f.offset,
      length: f.length,
      mf: f.mf,
      id: f.id,
      at,
      ...(fill === 'other' ? { fill } : {}),
    };
  });
  // A datagram from this host to itself (loopback) is `self`; any other came from a peer,
  // which matters to ip_expire's route lookup for the Time Exceeded it may send.
  const source = group.src === group.dst ? 'self' : 'remote';
  const input: DefragInput = { family: group.family, len, fragments, id: group.id, source };
  return { group, input, lenFrom, packets: used, diagnostics };
}

/** Replay one group through the reassembly model. */
export function replayGroup(
  group: FragmentGroup,
  views: readonly PacketView[],
  packets: readonly CapturedPacket[],
): GroupReplay {
  const g = groupInput(group, views, packets);
  return { ...g, result: reassemble(g.input) };
}
