/** A wire packet as plain facts, named as the oracle fixtures name them (frag_capture.py). */
import type { WirePacket } from './types.ts';
import { toHex } from './options.ts';
import { fragHeaderAt } from './payload-runs.ts';

export interface WireFacts {
  /** The version nibble: 4 or 6, or what a header the user wrote says (capturedFacts). */
  v: number;
  total_length: number;
  payload_length: number;
  ihl?: number;
  id?: number;
  df?: boolean;
  mf?: boolean;
  offset?: number;
  protocol?: number;
  options_hex?: string;
  next_header?: number;
  frag_next_header?: number;
  fragment_data_length?: number;
}

export function wireFacts(p: WirePacket): WireFacts {
  if (p.userHeader && (p.family === 'inet6' || p.userHeader.lead[0]! >> 4 !== 4))
    return capturedFacts(p.userHeader.lead, p.total_length);
  if (p.family === 'inet')
    return {
      v: 4,
      ihl: p.ihl,
      total_length: p.total_length,
      payload_length: p.total_length - p.ihl,
      id: p.id,
      df: p.df,
      mf: p.mf,
      offset: p.offset,
      protocol: p.protocol,
      options_hex: toHex(p.options),
    };
  // The sender's fragment header, or a protocol-44 payload's first 8 bytes read as one.
  const frag = p.frag ?? p.payloadFrag;
  return {
    v: 6,
    payload_length: p.payload_length,
    total_length: p.total_length,
    next_header: p.next_header,
    ...(frag
      ? {
          frag_next_header: frag.next_header,
          offset: frag.offset,
          mf: frag.mf,
          id: frag.id,
          fragment_data_length: p.payload_length - 8,
        }
      : {}),
  };
}

/**
 * A packet whose header the user wrote, read as a capture reads it (frag_capture.py): by its
 * version nibble. Version 4 gives the IPv4 fields as they stand (ihl, tot_len, id, frag_off,
 * protocol, the option bytes up to ihl); version 6 gives the payload length (bytes 4–5), the
 * next header (byte 6) and, for 44 with 8 bytes after the 40-byte header, the fragment header;
 * any other version only itself. `lead`: the packet's first bytes (at least 48 when it is that
 * long); `length`: its length.
 */
function capturedFacts(lead: readonly number[], length: number): WireFacts {
  const at = (i: number) => lead[i] ?? 0;
  const v = at(0) >> 4;
  if (v === 4) {
    const ihl = (at(0) & 15) * 4;
    const tot = (at(2) << 8) | at(3);
    const fo = (at(6) << 8) | at(7);
    return {
      v: 4,
      ihl,
      total_length: tot,
      payload_length: tot - ihl,
      id: (at(4) << 8) | at(5),
      df: (fo & 0x4000) !== 0,
      mf: (fo & 0x2000) !== 0,
      offset: (fo & 0x1fff) * 8,
      protocol: at(9),
      options_hex: toHex(lead.slice(20, Math.max(20, ihl))),
    };
  }
  if (v !== 6) return { v, total_length: length, payload_length: length };
  const plen = (at(4) << 8) | at(5);
  const nh = at(6);
  const facts: WireFacts = { v: 6, payload_length: plen, total_length: plen + 40, next_header: nh };
  if (nh === 44 && length >= 48) {
    const f = fragHeaderAt((i) => at(40 + i));
    facts.frag_next_header = f.next_header;
    facts.offset = f.offset;
    facts.mf = f.mf;
    facts.id = f.id;
    facts.fragment_data_length = plen - 8;
  }
  return facts;
}
