/**
 * The payload's bytes as runs of one value, as the recording tools write them: what a raw
 * socket's handlers read on the way back up (raw-rcv.ts) and the send path reads of its own first
 * bytes (the ICMP type it counts, an IPv6 extension header's length). A module of its own so the
 * send path up to the wire (send-wire.ts) needs none of the receive side.
 */
import type { FragHeaderFields, SendInput } from './types.ts';

/** A run of `count` bytes of one value. */
export interface ByteRun {
  byte: number;
  count: number;
}

/**
 * The bytes a send writes, as the recording tools (tools/drops_capture.py) write them: one
 * sendto() of 'p' (0x70); sendto()s glued by MSG_MORE of 'A', 'B', … (one letter a send); an
 * iovec of 'i' (0x69).
 */
export function payloadRuns(input: Pick<SendInput, 'sends' | 'iov'>): ByteRun[] {
  if (input.iov) {
    let n = 0;
    for (const l of input.iov) n += l;
    return [{ byte: 0x69, count: n }];
  }
  if (input.sends.length > 1) return input.sends.map((count, i) => ({ byte: (0x41 + i) & 0xff, count }));
  return [{ byte: 0x70, count: input.sends[0] ?? 0 }];
}

/** No bytes: what a UDP send hands the receive side, whose handlers never read the payload. */
export const NO_RUNS: readonly ByteRun[] = Object.freeze([]);

/** The byte at `offset` (0 past the end). */
export function byteAt(runs: readonly ByteRun[], offset: number): number {
  let at = offset;
  for (const r of runs) {
    if (at < r.count) return r.byte;
    at -= r.count;
  }
  return 0;
}

/** The big-endian 16-bit word at `offset`. */
export const wordAt = (runs: readonly ByteRun[], offset: number): number =>
  (byteAt(runs, offset) << 8) | byteAt(runs, offset + 1);

/** The first byte of the payload that is written (a run of 0 bytes writes none). */
export const firstByte = (runs: readonly ByteRun[]): number => byteAt(runs, 0);

/** The 8 bytes at `byte(0)`…`byte(7)` read as a fragment header (next header, frag_off, id). */
export function fragHeaderAt(byte: (i: number) => number): FragHeaderFields {
  const fo = (byte(2) << 8) | byte(3);
  return {
    next_header: byte(0),
    offset: fo & 0xfff8,
    mf: (fo & 1) === 1,
    id: ((byte(4) << 24) | (byte(5) << 16) | (byte(6) << 8) | byte(7)) >>> 0,
  };
}
