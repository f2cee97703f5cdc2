/**
 * A captured send side by side with the model's send of the same datagram (`ipSend` of
 * core/ip: __ip_append_data → ip_do_fragment / ip6_fragment): each wire packet in order,
 * with the fields that differ marked. IP ids are drawn by the kernel and timestamps by the
 * clock, so neither counts as a difference (the time inside a timestamp option neither).
 */
import {
  DEFAULT_SEND_INPUT,
  ipSend,
  wireFacts,
  type SendInput,
  type SendResult,
  type WireFacts,
} from '../ip/index.ts';
import { hex } from './bytes.ts';
import { IPPROTO_UDP, type PacketView } from './dissect.ts';
import { formatMsg, type Msg } from '../i18n/index.ts';
import { pcapMsg } from './messages.ts';

/** The facts of one captured IP packet, named as core/ip's WireFacts (and the oracle) name them. */
export function capturedWireFacts(v: PacketView): WireFacts | null {
  const ip = v.ip;
  if (!ip) return null;
  if (ip.version === 4)
    return {
      v: 4,
      ihl: ip.ihl,
      total_length: ip.totalLength,
      payload_length: ip.totalLength - ip.ihl,
      id: ip.id,
      df: ip.df,
      mf: ip.mf,
      offset: ip.fragOffset,
      protocol: ip.protocol,
      options_hex: hex(ip.options),
    };
  return {
    v: 6,
    payload_length: ip.payloadLen,
    total_length: ip.payloadLen + 40,
    next_header: ip.nextHeader,
    ...(ip.frag
      ? {
          frag_next_header: ip.frag.nextHeader,
          offset: ip.frag.offset,
          mf: ip.frag.mf,
          id: ip.frag.id,
          fragment_data_length: ip.payloadLen - 8,
        }
      : {}),
  };
}

/** The fields compared, in the order a table shows them; ids are free. */
const FIELDS_V4 = [
  'total_length',
  'payload_length',
  'ihl',
  'df',
  'mf',
  'offset',
  'protocol',
  'options_hex',
] as const;
const FIELDS_V6 = [
  'total_length',
  'payload_length',
  'next_header',
  'frag_next_header',
  'offset',
  'mf',
  'fragment_data_length',
] as const;
export type ComparedField = (typeof FIELDS_V4)[number] | (typeof FIELDS_V6)[number];

/** Option bytes with the data of timestamp options (IPOPT_TIMESTAMP, 0x44) blanked: the clock is free. */
export function optionsWithoutTime(optionsHex: string): string {
  const b = optionsHex.match(/../g)?.map((x) => parseInt(x, 16)) ?? [];
  for (let i = 0; i < b.length;) {
    const t = b[i] as number;
    if (t === 0 || t === 1) {
      i++;
      continue;
    }
    const len = b[i + 1] ?? 0;
    if (len < 2) break;
    if (t === 0x44) for (let k = i + 4; k < i + len && k < b.length; k++) b[k] = 0;
    i += len;
  }
  return b.map((x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * The options a socket was given, from the options a first fragment carried: record route
 * and timestamp come back empty (pointer at the first slot, slots zeroed), as they were
 * before ip_options_build filled them on the way out (net/ipv4/ip_options.c).
 */
export function unfilledOptions(options: readonly number[]): number[] {
  const b = [...options];
  for (let i = 0; i < b.length;) {
    const t = b[i] as number;
    if (t === 0) break;
    if (t === 1) {
      i++;
      continue;
    }
    const len = b[i + 1] ?? 0;
    if (len < 2 || i + len > b.length) break;
    if (t === 0x07 && len >= 3) {
      b[i + 2] = 4;
      for (let k = i + 3; k < i + len; k++) b[k] = 0;
    } else if (t === 0x44 && len >= 4) {
      b[i + 2] = 5;
      b[i + 3] = (b[i + 3] as number) & 0x0f; // overflow count back to 0, flags kept
      for (let k = i + 4; k < i + len; k++) b[k] = 0;
    }
    i += len;
  }
  return b;
}

export interface CompareRow {
  /** 1, 2, … */
  index: number;
  /** The captured packet's index in the capture (null: the capture has none here). */
  packet: number | null;
  captured: WireFacts | null;
  model: WireFacts | null;
  /** Fields whose values differ (every field when one side is missing). */
  diffs: ComparedField[];
}

export interface SendComparison {
  input: SendInput;
  model: SendResult;
  rows: CompareRow[];
  /** Every row matched on every compared field. */
  agree: boolean;
  /** Sentences for the rows or the model that did not agree (from messages.ts). */
  notes: string[];
  /** The same notes as messages (code and values), to render in another language. */
  noteMessages: Msg[];
}

/**
 * The model's input for a captured send: the same family, socket kind, datagram length and
 * IPv4 options, with `mtu` given — or, when not given, the first packet's total length
 * (the largest a send at that MTU makes: fragment payloads are cut to multiples of 8, so
 * this MTU reproduces the same cut).
 */
export function sendInputFor(views: readonly PacketView[], mtu?: number): SendInput | null {
  const first = views.find(
    (v) => v.ip && (v.ip.version === 4 ? v.ip.fragOffset === 0 : !v.ip.frag || v.ip.frag.offset === 0),
  );
  const any = views.find((v) => v.ip);
  if (!any?.ip) return null;
  const ip = any.ip;
  const v4 = ip.version === 4;
  const protocol = v4 ? ip.protocol : ip.upper;
  const udp = protocol === IPPROTO_UDP && first?.udp;
  let length: number;
  if (udp) length = first.udp!.length - 8;
  else {
    const ends = views.map((v) => (v.frag ? v.frag.offset + v.frag.length : (v.ip?.payloadLength ?? 0)));
    length = Math.max(0, ...ends);
  }
  const largest = Math.max(
    ...views.map((v) => (v.ip ? (v.ip.version === 4 ? v.ip.totalLength : v.ip.payloadLen + 40) : 0)),
  );
  const options = first?.ip?.version === 4 ? unfilledOptions([...first.ip.options]) : [];
  return {
    ...DEFAULT_SEND_INPUT,
    family: v4 ? 'inet' : 'inet6',
    sock: udp ? 'udp' : 'raw',
    protocol: udp ? DEFAULT_SEND_INPUT.protocol : protocol,
    mtu: mtu ?? largest,
    sends: [length],
    options,
  };
}

/** Compare captured packets (in capture order) with the model's wire packets for `input`. */
export function compareSend(captured: readonly PacketView[], input: SendInput): SendComparison {
  const model = ipSend(input);
  const noteMessages: Msg[] = [];
  if (!model.ok)
    noteMessages.push(pcapMsg('compare-model-failed', { errno: model.errno, fn: model.fn, why: model.why }));
  const cap = captured.map((v) => ({ v, facts: capturedWireFacts(v) })).filter((c) => c.facts);
  const mod = model.wire.map(wireFacts);
  const rows: CompareRow[] = [];
  const n = Math.max(cap.length, mod.length);
  for (let i = 0; i < n; i++) {
    const c = cap[i]?.facts ?? null;
    const m = mod[i] ?? null;
    const fields = (c ?? m)?.v === 6 ? FIELDS_V6 : FIELDS_V4;
    let diffs: ComparedField[];
    if (!c || !m) {
      diffs = [...fields];
      noteMessages.push(pcapMsg(c ? 'compare-missing-model' : 'compare-missing-captured', { index: i + 1 }));
    } else
      diffs = fields.filter((f) => {
        const a = c[f];
        const b = m[f];
        return f === 'options_hex'
          ? optionsWithoutTime(String(a ?? '')) !== optionsWithoutTime(String(b ?? ''))
          : a !== b;
      });
    rows.push({ index: i + 1, packet: cap[i]?.v.index ?? null, captured: c, model: m, diffs });
  }
  const notes = noteMessages.map((m) => formatMsg(m, 'en'));
  return {
    input,
    model,
    rows,
    agree: model.ok && rows.every((r) => r.diffs.length === 0),
    notes,
    noteMessages,
  };
}
