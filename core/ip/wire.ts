/** A wire packet as plain facts, named as the oracle fixtures name them (frag_capture.py). */
import type { WirePacket } from './types.ts';
import { toHex } from './options.ts';

export interface WireFacts {
  v: 4 | 6;
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
  return {
    v: 6,
    payload_length: p.payload_length,
    total_length: p.total_length,
    next_header: p.next_header,
    ...(p.frag
      ? {
          frag_next_header: p.frag.next_header,
          offset: p.frag.offset,
          mf: p.frag.mf,
          id: p.frag.id,
          fragment_data_length: p.payload_length - 8,
        }
      : {}),
  };
}
