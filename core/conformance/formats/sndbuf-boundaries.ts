/**
 * Oracle format `sndbuf-boundaries` (recorded by this project on a 6.18 kernel, see the
 * file's meta): for a socket kind, MTU and sk_sndbuf, the largest payload one sendto()
 * could send before __ip_append_data's 2 × sk_sndbuf check said ENOBUFS, and the first
 * payload that failed. Checks the model's truesize accounting at its edges.
 */
import { DEFAULT_SEND_INPUT, ipSend, type SendInput } from '../../ip/index.ts';
import { diffFields, type CaseOutcome, type OracleFormat } from '../types.ts';

interface Boundary {
  sk_sndbuf: number;
  socket: 'udp' | 'raw';
  mtu: number;
  max_ok?: number;
  first_fail?: number;
  errno?: string;
  all_ok_at?: number;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function outcome(b: Boundary, size: number): string {
  const input: SendInput = {
    ...DEFAULT_SEND_INPUT,
    sock: b.socket,
    protocol: 253,
    mtu: b.mtu,
    sends: [size],
    sndbuf: b.sk_sndbuf,
  };
  const r = ipSend(input);
  return r.ok ? 'ok' : r.errno;
}

export const sndbufBoundariesFormat: OracleFormat = {
  name: 'sndbuf-boundaries',
  detect: (doc) => isObj(doc) && Array.isArray(doc.boundaries),
  run: (doc) =>
    ((doc as { boundaries: Boundary[] }).boundaries ?? []).map((b): CaseOutcome => {
      const expected: Record<string, string> = {};
      const got: Record<string, string> = {};
      if (b.all_ok_at !== undefined) {
        expected[String(b.all_ok_at)] = 'ok';
        got[String(b.all_ok_at)] = outcome(b, b.all_ok_at);
      } else {
        expected[String(b.max_ok)] = 'ok';
        got[String(b.max_ok)] = outcome(b, b.max_ok ?? 0);
        expected[String(b.first_fail)] = b.errno ?? 'ENOBUFS';
        got[String(b.first_fail)] = outcome(b, b.first_fail ?? 0);
      }
      const diffs = diffFields(expected, got);
      return { name: `${b.socket} mtu ${b.mtu} sk_sndbuf ${b.sk_sndbuf}`, pass: diffs.length === 0, diffs };
    }),
};
