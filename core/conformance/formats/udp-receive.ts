/**
 * Oracle format `udp-receive` (tools/drops_capture.py udp-receive): datagrams sent to a bound
 * UDP socket on loopback that reads only after the last send, with recvmsg(read_buffer) until
 * EAGAIN. Compared per case: sk_rcvbuf, each sendto() result, each recvmsg() result (index,
 * length, MSG_TRUNC), the ICMP errors, drop_reasons and snmp_delta, field for field.
 */
import { udpReceive, type UdpReceiveInput } from '../../receive/index.ts';
import { diffFields, type CaseOutcome, type OracleFormat } from '../types.ts';

interface UdpCase {
  name?: string;
  family?: 'inet' | 'inet6';
  mtu?: number;
  rcvbuf: number | null;
  datagrams: number[];
  read_buffer: number;
  receiver?: 'bound' | 'none';
  sk_rcvbuf: number;
  sent: (number | string)[];
  received: { index: number | null; length: number; truncated: boolean }[];
  icmp?: [number, number][];
  drop_reasons?: unknown;
  snmp_delta?: unknown;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function runUdpCase(c: UdpCase, i = 0): CaseOutcome {
  const name = c.name ?? `case ${i + 1}`;
  const input: UdpReceiveInput = {
    family: c.family ?? 'inet',
    rcvbuf: c.rcvbuf ?? null,
    datagrams: c.datagrams,
    read_buffer: c.read_buffer,
    ...(c.mtu !== undefined ? { mtu: c.mtu } : {}),
    ...(c.receiver ? { receiver: c.receiver } : {}),
  };
  const r = udpReceive(input);
  if (!r.ok) return { name, pass: false, diffs: [{ field: 'input', expected: 'a valid case', got: r.why }] };
  const expected: Record<string, unknown> = { sk_rcvbuf: c.sk_rcvbuf, sent: c.sent, received: c.received };
  const got: Record<string, unknown> = { sk_rcvbuf: r.sk_rcvbuf, sent: r.sent, received: r.received };
  if (Array.isArray(c.icmp)) {
    expected.icmp = c.icmp;
    got.icmp = r.icmp;
  }
  if ('drop_reasons' in c) {
    expected.drop_reasons = c.drop_reasons;
    got.drop_reasons = r.drop_reasons;
  }
  if ('snmp_delta' in c) {
    expected.snmp_delta = c.snmp_delta;
    got.snmp_delta = r.snmp_delta;
  }
  const diffs = diffFields(expected, got);
  return { name, pass: diffs.length === 0, diffs };
}

export const udpReceiveFormat: OracleFormat = {
  name: 'udp-receive',
  detect: (doc) =>
    isObj(doc) &&
    Array.isArray(doc.cases) &&
    doc.cases.length > 0 &&
    doc.cases.every(
      (c) =>
        isObj(c) &&
        Array.isArray(c.datagrams) &&
        typeof c.read_buffer === 'number' &&
        Array.isArray(c.received),
    ),
  run: (doc) => ((doc as { cases: UdpCase[] }).cases ?? []).map((c, i) => runUdpCase(c, i)),
};
