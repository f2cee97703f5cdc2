/**
 * Oracle format `fragmentation` (frag_capture.py): UDP/raw sends on loopback and every IP
 * packet that left. Compared field for field: sent / errno, the receiver's length, ICMP
 * replies, and each wire packet's lengths, offsets, flags, IHL and option bytes; when a case
 * has them (fragmentation-drops.json), its drop_reasons and snmp_delta field for field. IP ids are
 * free (a real kernel draws them at random) except that "id is 0" must agree; timestamp
 * values inside a TS option are free (they are the time of day).
 */
import {
  DEFAULT_SEND_INPUT,
  ipSend,
  type PmtuMode,
  type SendInput,
  type SockKind,
  wireFacts,
} from '../../ip/index.ts';
import { diffFields, type CaseOutcome, type OracleFormat } from '../types.ts';

interface FragCase {
  name?: string;
  mtu: number;
  size?: number;
  sends?: number[];
  iov?: number[];
  family?: 'inet' | 'inet6';
  socket?: SockKind;
  protocol?: number;
  pmtudisc?: PmtuMode;
  ip_options_hex?: string;
  df?: boolean;
  sndbuf?: number;
  sent?: number;
  errno?: string;
  received_length?: number | null;
  icmp_replies?: number;
  wire: Record<string, unknown>[];
  drop_reasons?: unknown;
  snmp_delta?: unknown;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function fragCaseInput(c: FragCase): SendInput {
  const input: SendInput = {
    ...DEFAULT_SEND_INPUT,
    family: c.family ?? 'inet',
    sock: c.socket ?? 'udp',
    protocol: c.socket === 'raw-hdrincl' ? 253 : (c.protocol ?? 253),
    mtu: c.mtu,
    pmtu: c.pmtudisc ?? 'want',
    sends: c.sends ?? [c.size ?? 0],
    options: c.ip_options_hex ? (c.ip_options_hex.match(/../g) ?? []).map((b) => parseInt(b, 16)) : [],
    df: c.df ?? false,
    sndbuf: c.sndbuf ?? DEFAULT_SEND_INPUT.sndbuf,
  };
  if (c.iov) input.iov = c.iov;
  return input;
}

function maskTime(hex: string, free: number[]): string {
  const b = hex.match(/../g) ?? [];
  for (const i of free) if (i < b.length) b[i] = '..';
  return b.join('');
}

/** The comparable facts of a packet: everything but the id (only whether it is 0) and the time in a TS option. */
function comparable(w: Record<string, unknown>, freeBytes: number[]): Record<string, unknown> {
  if (w.v === 4)
    return {
      v: 4,
      ihl: w.ihl,
      total_length: w.total_length,
      payload_length: w.payload_length,
      offset: w.offset,
      mf: w.mf,
      df: w.df,
      protocol: w.protocol,
      id_is_zero: w.id === 0,
      options_hex: maskTime(String(w.options_hex ?? ''), freeBytes),
    };
  // Neither version: a header the user wrote (a raw socket of protocol 255); the capture keeps the nibble.
  if (w.v !== 6) return { v: w.v };
  return {
    v: 6,
    payload_length: w.payload_length,
    total_length: w.total_length,
    next_header: w.next_header,
    ...(w.next_header === 44
      ? {
          frag_next_header: w.frag_next_header,
          offset: w.offset,
          mf: w.mf,
          fragment_data_length: w.fragment_data_length,
        }
      : {}),
  };
}

export function runFragCase(c: FragCase): CaseOutcome {
  const r = ipSend(fragCaseInput(c));
  const expected: Record<string, unknown> = { result: c.errno ?? c.sent };
  const got: Record<string, unknown> = { result: r.ok ? r.sent : r.errno };
  if ('received_length' in c) {
    expected.received_length = c.received_length ?? null;
    got.received_length = r.received_length;
  }
  // The capture counts every ICMP / ICMPv6 packet on the wire as a reply the stack sent back,
  // not as a wire packet (frag_capture.py): a raw ICMP socket's own packets land there too.
  const facts = r.wire.map((p) => ({ ...wireFacts(p) }) as Record<string, unknown>);
  const isIcmp = (f: Record<string, unknown>) => f.protocol === 1 || f.next_header === 58;
  const ownIcmp = facts.filter(isIcmp).length;
  expected.icmp_replies = c.icmp_replies ?? 0;
  got.icmp_replies = r.icmp.length + ownIcmp;
  const free = (r.wire[0] as { optionsTimeBytes?: number[] } | undefined)?.optionsTimeBytes ?? [];
  expected.wire = c.wire.map((w, i) => comparable(w, i === 0 ? free : []));
  got.wire = facts.filter((f) => !isIcmp(f)).map((f, i) => comparable(f, i === 0 ? free : []));
  if ('drop_reasons' in c) {
    expected.drop_reasons = c.drop_reasons;
    got.drop_reasons = r.drop_reasons;
  }
  if ('snmp_delta' in c) {
    expected.snmp_delta = c.snmp_delta;
    got.snmp_delta = r.snmp_delta;
  }
  const diffs = diffFields(expected, got);
  return { name: c.name ?? `mtu${c.mtu}`, pass: diffs.length === 0, diffs };
}

export const fragmentationFormat: OracleFormat = {
  name: 'fragmentation',
  detect: (doc) =>
    isObj(doc) &&
    Array.isArray(doc.cases) &&
    doc.cases.length > 0 &&
    doc.cases.every((c) => isObj(c) && typeof c.mtu === 'number' && Array.isArray(c.wire)),
  run: (doc) => ((doc as { cases: FragCase[] }).cases ?? []).map(runFragCase),
};
