/**
 * The pipeline fuzzers (issue 19): whole kernel paths fed random, mutated and wrongly typed
 * inputs — sends (ipSend), fragment lists (reassemble), socket calls (sysSocket and its parsers),
 * sk_buff op lists (parseSkbOps/runSkbOps), the UDP receive queue (udpReceive) and the Journey.
 * Each input is made from its own stream (fuzzLoop), so `--input I` runs one alone. What each
 * checks, besides "never throws":
 *
 * - sends: every wire packet's byte range lies inside the datagram; a send the model takes reads
 *   back from its parameter texts unchanged (format∘parse, the CLI's and the URL's grammar).
 * - reassemble: every datagram's length, every piece and every arrival lie inside the input; the
 *   fragment list reads back from its `frags=` text unchanged.
 * - socket: the same call gives the same answer twice (no state leaks between calls); a call
 *   given as numbers and as their decimal texts parses alike.
 * - skb: head ≤ data ≤ tail ≤ end after every op; formatSkbOps∘parseSkbOps is a fixed point.
 * - receive: one outcome per datagram, each read no longer than the buffer or the datagram.
 * - journey: one outcome per datagram; each read no longer than the buffer or the datagram.
 */
import { DEFAULT_SEND_INPUT, PMTU_MODES, ipSend, reassemble } from '../ip/index.ts';
import type { DefragInput, FragmentSpec, SendInput } from '../ip/index.ts';
import { journey } from '../journey/index.ts';
import type { JourneyInput } from '../journey/index.ts';
import { udpReceive } from '../receive/index.ts';
import type { UdpReceiveInput } from '../receive/index.ts';
import { SKB_OP_NAMES, SKB_OPS_MAX, formatSkbOps, parseSkbOps, runSkbOps } from '../skb/index.ts';
import type { SkbOp } from '../skb/index.ts';
import { parseSocketCall, sysSocket } from '../socket/index.ts';
import {
  SEND_PARAMS,
  formatFragItem,
  fragItemOfSpec,
  parseFrags,
  sendInputFromTexts,
} from '../params/index.ts';
import type { Param, SendKey, SendTexts } from '../params/index.ts';
import { count, fuzzLoop } from './harness.ts';
import type { FuzzFinding } from './harness.ts';
import { pick, randomBytes, randomInt } from './random.ts';
import type { Random } from './random.ts';
import type { FuzzResult } from './types.ts';

/** Values that break arithmetic and type checks, for a field now and then. */
const WEIRD: readonly unknown[] = [
  undefined,
  null,
  NaN,
  Infinity,
  -Infinity,
  -1,
  -0,
  0.5,
  2 ** 31,
  2 ** 32,
  2 ** 53,
  Number.MAX_VALUE,
  '',
  '1500',
  'x',
  [],
  {},
  true,
  10n,
  Symbol('s'),
  () => 1,
];

/** A number a user or a buggy caller might give: small, at a boundary, or huge. */
function number(rnd: Random, max: number): number {
  switch (randomInt(rnd, 6)) {
    case 0:
      return randomInt(rnd, 16);
    case 1:
      return pick(rnd, [0, 1, 7, 8, 68, 576, 1280, 1472, 1480, 1500, 9000, 65507, 65535, 65536, 65537]);
    case 2:
      return randomInt(rnd, Math.min(max, 2 ** 31) + 1);
    default:
      return randomInt(rnd, Math.min(max, 5000) + 1);
  }
}

/** `obj` with one field (sometimes) replaced by a weird value: the wrong-type half of the input. */
function spoil<T extends object>(rnd: Random, obj: T, odds = 0.08): T {
  if (rnd() >= odds) return obj;
  const keys = Object.keys(obj);
  if (keys.length === 0 || rnd() < 0.1) return pick(rnd, WEIRD) as T;
  return { ...obj, [pick(rnd, keys)]: pick(rnd, WEIRD) };
}

const list = (rnd: Random, n: number, item: () => number): number[] => Array.from({ length: n }, item);

/* ------------------------------------------------------------------------------------------- */
/* sends                                                                                        */

/** IPv4 option bytes: mostly well-formed (NOP, EOL, a record-route or a timestamp), some noise. */
function optionBytes(rnd: Random): number[] {
  const k = randomInt(rnd, 4);
  if (k === 0) return [];
  if (k === 1) return [...randomBytes(rnd, randomInt(rnd, 44))];
  const out: number[] = [];
  while (out.length < 40 && rnd() < 0.7) {
    const t = pick(rnd, [0, 1, 7, 68, 131, 137, 148]);
    if (t === 0 || t === 1) out.push(t);
    else {
      const len = pick(rnd, [3, 4, 7, 8, 11, 12, 39, 40, 2, 0]);
      out.push(t, len, ...randomBytes(rnd, Math.max(0, Math.min(len - 2, 36))));
    }
  }
  return out.slice(0, randomInt(rnd, 3) === 0 ? 44 : 40);
}

export function sendInput(rnd: Random): SendInput {
  const family = rnd() < 0.7 ? 'inet' : 'inet6';
  const iov = rnd() < 0.2 ? list(rnd, 1 + randomInt(rnd, 6), () => number(rnd, 70000)) : undefined;
  const input: SendInput = {
    ...DEFAULT_SEND_INPUT,
    family,
    sock: pick(rnd, ['udp', 'udp', 'raw', 'raw-hdrincl'] as const),
    protocol: rnd() < 0.8 ? 253 : randomInt(rnd, 300),
    mtu: number(rnd, 70000),
    pmtu: pick(rnd, PMTU_MODES),
    sends: list(rnd, rnd() < 0.7 ? 1 : 1 + randomInt(rnd, 5), () => number(rnd, 70000)),
    options: family === 'inet' && rnd() < 0.3 ? optionBytes(rnd) : [],
    sg: rnd() < 0.5,
    sndbuf: rnd() < 0.7 ? 212992 : number(rnd, 2 ** 31),
    sndbufCheck: rnd() < 0.7,
    df: rnd() < 0.3,
  };
  if (iov) input.iov = iov;
  return spoil(rnd, input);
}

/** The parameter texts of a SendInput, as the CLI and the URL write them. */
function sendTexts(input: SendInput): SendTexts {
  const t: SendTexts = {};
  const text = (k: SendKey, v: unknown) => {
    t[k] = (SEND_PARAMS[k] as Param<unknown>).format(v);
  };
  text('family', input.family);
  text('sock', input.sock);
  text('pmtu', input.pmtu);
  text('mtu', input.mtu);
  // The protocol is a raw socket's: a UDP send leaves it out, as the lab does.
  if (input.sock !== 'udp') text('proto', input.protocol);
  text('opts', input.options);
  text('sndbuf', input.sndbuf);
  text('sg', input.sg);
  text('sndbufcheck', input.sndbufCheck);
  text('df', input.df);
  text('sends', input.sends);
  if (input.iov) text('iov', input.iov);
  return t;
}

function checkSend(input: SendInput, _rnd: Random, figures: Record<string, number>): FuzzFinding | null {
  const r = ipSend(input);
  if (typeof r !== 'object' || r === null || typeof r.ok !== 'boolean')
    return { kind: 'mismatch', what: 'ipSend answered something else than a SendResult' };
  count(figures, r.ok ? 'sent' : `errno ${r.errno}`);
  count(figures, 'packets', r.wire.length);
  for (const p of r.wire) {
    const { from, to } = p.range;
    if (!(from >= 0 && from <= to && to <= r.datagramLength))
      return {
        kind: 'outside',
        what: `wire packet ${p.index} carries bytes ${from}…${to} of a ${r.datagramLength}-byte datagram`,
      };
  }
  // The texts the CLI and the URL write read back as the same send (a send the model took).
  if ((!r.ok && r.fn === 'sockscope') || !Array.isArray(input.sends)) return null;
  const back = sendInputFromTexts(sendTexts(input));
  if (!back.ok)
    return {
      kind: 'mismatch',
      what: `a send the model took is refused from its texts: ${back.issues.map((i) => i.message).join(' ')}`,
    };
  const proto = input.sock === 'udp' ? DEFAULT_SEND_INPUT.protocol : input.protocol;
  const want = { ...input, protocol: proto, iov: input.iov };
  const got = { ...back.input, iov: back.input.iov };
  if (JSON.stringify(got, Object.keys(want).sort()) !== JSON.stringify(want, Object.keys(want).sort()))
    return { kind: 'mismatch', what: `texts read back as ${JSON.stringify(back.input)}` };
  return null;
}

export function fuzzSends(seed: number, n: number, start = 0): FuzzResult {
  return fuzzLoop(seed, n, { input: sendInput, check: checkSend }, { start });
}

/* ------------------------------------------------------------------------------------------- */
/* fragment lists                                                                               */

/** A datagram cut the way ip_fragment would, then mutated: lost, duplicated, overlapping, reordered. */
export function defragInput(rnd: Random): DefragInput {
  const family = rnd() < 0.7 ? 'inet' : 'inet6';
  const len = rnd() < 0.9 ? randomInt(rnd, 6000) : randomInt(rnd, 65536);
  const total = len + 8;
  const step = Math.max(8, (pick(rnd, [8, 16, 64, 512, 1480, 1232, 4000]) >> 3) << 3);
  const frags: FragmentSpec[] = [];
  for (let off = 0; off < total && frags.length < 40; off += step)
    frags.push({ offset: off, length: Math.min(step, total - off), mf: off + step < total });
  for (let m = randomInt(rnd, 4); m > 0 && frags.length; m--) {
    const i = randomInt(rnd, frags.length);
    const f = frags[i]!;
    switch (randomInt(rnd, 8)) {
      case 0:
        frags.splice(i, 1);
        break;
      case 1:
        frags.splice(randomInt(rnd, frags.length + 1), 0, { ...f });
        break;
      case 2:
        frags[i] = { ...f, offset: Math.max(0, f.offset + randomInt(rnd, 33) - 16) };
        break;
      case 3:
        frags[i] = { ...f, length: randomInt(rnd, 3000) };
        break;
      case 4:
        frags[i] = { ...f, mf: !f.mf };
        break;
      case 5:
        frags[i] = { ...f, fill: 'other' };
        break;
      case 6:
        frags[i] = { ...f, id: randomInt(rnd, 3) };
        break;
      default:
        frags[i] = { ...f, at: randomInt(rnd, 60_000) };
    }
  }
  if (rnd() < 0.3) frags.reverse();
  const input: DefragInput = { family, len, fragments: frags };
  if (rnd() < 0.3) input.until = randomInt(rnd, 70_000);
  if (rnd() < 0.1) input.source = 'remote';
  if (rnd() < 0.1) input.ipfrag_max_dist = randomInt(rnd, 4);
  return spoil(rnd, input);
}

function checkReassemble(
  input: DefragInput,
  _rnd: Random,
  figures: Record<string, number>,
): FuzzFinding | null {
  const r = reassemble(input);
  if (typeof r !== 'object' || r === null || typeof r.ok !== 'boolean')
    return { kind: 'mismatch', what: 'reassemble answered something else than a DefragResult' };
  if (!r.ok) {
    count(figures, 'refused');
    return null;
  }
  count(figures, 'delivered', r.delivered.length);
  count(figures, 'arrivals', r.arrivals.length);
  // The datagram is what the fragments carry: the furthest byte any of them reaches.
  const max = Math.max(r.datagramLength, ...input.fragments.map((f) => f.offset + f.length));
  for (const d of r.datagrams) {
    if (d.ipLength < 0 || d.ipLength > max)
      return {
        kind: 'outside',
        what: `datagram ${d.index} is ${d.ipLength} bytes of a ${max}-byte datagram`,
      };
    if (d.length !== null && (d.length < 0 || d.length > d.ipLength))
      return { kind: 'outside', what: `recv() returned ${d.length} of a ${d.ipLength}-byte datagram` };
  }
  if (r.arrivals.length > input.fragments.length)
    return { kind: 'mismatch', what: `${r.arrivals.length} arrivals of ${input.fragments.length} fragments` };
  // The list as `frags=` writes it reads back as the same fragments.
  const text = input.fragments.map((f) => formatFragItem(fragItemOfSpec(f))).join(',');
  const back = parseFrags(text);
  if (!back.ok) return null; // a list the model takes but the grammar bounds more tightly
  const shape = (f: FragmentSpec) => `${f.offset}:${f.length}:${f.mf}:${f.fill ?? 'same'}:${f.id ?? ''}`;
  if (back.frags.map(shape).join() !== input.fragments.map(shape).join())
    return { kind: 'mismatch', what: `frags=${text.slice(0, 80)} reads back differently` };
  return null;
}

export function fuzzReassemble(seed: number, n: number, start = 0): FuzzResult {
  return fuzzLoop(seed, n, { input: defragInput, check: checkReassemble }, { start });
}

/* ------------------------------------------------------------------------------------------- */
/* socket calls                                                                                 */

const DOMAINS = [
  'AF_INET',
  'AF_INET6',
  'AF_NETLINK',
  'AF_UNIX',
  'AF_PACKET',
  'AF_VSOCK',
  'AF_XDP',
  'PF_INET',
];
const TYPES = [
  'SOCK_DGRAM',
  'SOCK_STREAM',
  'SOCK_RAW',
  'SOCK_SEQPACKET',
  'SOCK_DGRAM|SOCK_NONBLOCK',
  'SOCK_RAW|SOCK_CLOEXEC',
];
const PROTOS = ['0', 'IPPROTO_UDP', 'IPPROTO_TCP', 'IPPROTO_ICMP', 'NETLINK_ROUTE', '253', '255', '-1'];

type SocketCallInput = [number, number, number, string | number, string | number, string | number];

function socketInput(rnd: Random): SocketCallInput {
  const num = () => (rnd() < 0.7 ? randomInt(rnd, 48) : randomInt(rnd, 2 ** 32) - 2 ** 31);
  const word = (words: readonly string[]): string | number =>
    rnd() < 0.6 ? pick(rnd, words) : rnd() < 0.5 ? String(num()) : (pick(rnd, WEIRD) as string);
  return [num(), num() | (rnd() < 0.2 ? 0o4000 : 0), num(), word(DOMAINS), word(TYPES), word(PROTOS)];
}

function checkSocket(
  input: SocketCallInput,
  _rnd: Random,
  figures: Record<string, number>,
): FuzzFinding | null {
  const [d, t, p, dw, tw, pw] = input;
  const a = sysSocket(d, t, p);
  const b = sysSocket(d, t, p);
  count(figures, 'calls');
  if (JSON.stringify(a) !== JSON.stringify(b))
    return { kind: 'mismatch', what: `socket(${d}, ${t}, ${p}) answered differently the second time` };
  const words = parseSocketCall(dw, tw, pw);
  if (typeof words.ok !== 'boolean') return { kind: 'mismatch', what: 'parseSocketCall answered no result' };
  count(figures, words.ok ? 'parsed' : 'refused');
  // Numbers and their decimal texts are one call.
  const asNumbers = parseSocketCall(d, t, p);
  const asTexts = parseSocketCall(String(d), String(t), String(p));
  if (JSON.stringify(asNumbers) !== JSON.stringify(asTexts))
    return { kind: 'mismatch', what: `socket(${d}, ${t}, ${p}) parses differently as text` };
  return null;
}

export function fuzzSocket(seed: number, n: number, start = 0): FuzzResult {
  return fuzzLoop(seed, n, { input: socketInput, check: checkSocket }, { start });
}

/* ------------------------------------------------------------------------------------------- */
/* sk_buff op lists                                                                             */

function skbInput(rnd: Random): SkbOp[] {
  const ops: SkbOp[] = [{ op: 'alloc', n: rnd() < 0.8 ? randomInt(rnd, 4096) : number(rnd, 1 << 21) }];
  const k = rnd() < 0.05 ? SKB_OPS_MAX + randomInt(rnd, 40) : randomInt(rnd, 24);
  for (let i = 0; i < k; i++) {
    const op: SkbOp = {
      op: pick(rnd, SKB_OP_NAMES),
      n: rnd() < 0.9 ? randomInt(rnd, 600) : number(rnd, 1 << 21),
    };
    if ((op.op === 'put' || op.op === 'push') && rnd() < 0.5)
      op.kind = pick(rnd, ['eth', 'ip', 'ipopt', 'ip6', 'frag6', 'udp', 'payload'] as const);
    ops.push(op);
  }
  if (rnd() < 0.05) return spoil(rnd, ops, 1);
  if (rnd() < 0.05) ops[randomInt(rnd, ops.length)] = spoil(rnd, { op: 'put', n: 1 } as SkbOp, 1);
  return ops;
}

function checkSkb(ops: SkbOp[], _rnd: Random, figures: Record<string, number>): FuzzFinding | null {
  const run = runSkbOps(ops);
  count(figures, 'refused ops', run.outcomes.filter((o) => !o.ok).length);
  if (run.outcomes.length > SKB_OPS_MAX + 1)
    return { kind: 'mismatch', what: `${run.outcomes.length} outcomes past the cap of ${SKB_OPS_MAX}` };
  for (const step of run.trace) {
    const s = step.snapshot?.skb;
    if (!s) continue;
    if (!(0 <= s.data && s.data <= s.tail && s.tail <= s.end))
      return {
        kind: 'outside',
        what: `head 0, data ${s.data}, tail ${s.tail}, end ${s.end} after ${step.fn}`,
      };
  }
  if (!Array.isArray(ops)) return null;
  // The text the lab's URL and the CLI write reads back as the same list.
  if (
    !ops.every(
      (o) =>
        typeof o === 'object' &&
        o !== null &&
        SKB_OP_NAMES.includes(o.op) &&
        Number.isSafeInteger(o.n) &&
        o.n >= 0,
    )
  )
    return null;
  const text = formatSkbOps(ops);
  const back = parseSkbOps(text);
  if (!back.ok) {
    count(figures, 'text refused');
    return ops.length > SKB_OPS_MAX + 1
      ? null
      : { kind: 'mismatch', what: `ops=${text.slice(0, 80)} refused: ${back.why}` };
  }
  if (formatSkbOps(back.ops) !== text)
    return { kind: 'mismatch', what: `ops=${text.slice(0, 80)} reads back differently` };
  return null;
}

export function fuzzSkb(seed: number, n: number, start = 0): FuzzResult {
  return fuzzLoop(seed, n, { input: skbInput, check: checkSkb }, { start });
}

/* ------------------------------------------------------------------------------------------- */
/* the UDP receive queue                                                                        */

export function receiveInput(rnd: Random): UdpReceiveInput {
  const input: UdpReceiveInput = {
    family: rnd() < 0.7 ? 'inet' : 'inet6',
    rcvbuf: rnd() < 0.4 ? null : number(rnd, 2 ** 31 - 1),
    datagrams: list(rnd, 1 + randomInt(rnd, rnd() < 0.9 ? 8 : 100), () => number(rnd, 70000)),
    read_buffer: number(rnd, 1 << 20),
  };
  if (rnd() < 0.3) input.mtu = pick(rnd, [1280, 1500, 9000, 65536, 68, 576]);
  if (rnd() < 0.1) input.receiver = 'none';
  return spoil(rnd, input);
}

function checkReceive(
  input: UdpReceiveInput,
  _rnd: Random,
  figures: Record<string, number>,
): FuzzFinding | null {
  const r = udpReceive(input);
  if (!r.ok) {
    count(figures, 'refused');
    return null;
  }
  count(figures, 'reads', r.received.length);
  if (r.datagrams.length !== input.datagrams.length)
    return {
      kind: 'mismatch',
      what: `${r.datagrams.length} outcomes for ${input.datagrams.length} datagrams`,
    };
  for (const d of r.datagrams)
    if (d.read && (d.read.length > input.read_buffer || d.read.length > d.size || d.read.length < 0))
      return {
        kind: 'outside',
        what: `datagram ${d.index} (${d.size} bytes) read as ${d.read.length} into a ${input.read_buffer}-byte buffer`,
      };
  return null;
}

export function fuzzReceive(seed: number, n: number, start = 0): FuzzResult {
  return fuzzLoop(seed, n, { input: receiveInput, check: checkReceive }, { start });
}

/* ------------------------------------------------------------------------------------------- */
/* the Journey                                                                                  */

export function journeyInput(rnd: Random): JourneyInput {
  const send = sendInput(rnd);
  const datagrams = 1 + randomInt(rnd, 8);
  const kind = pick(rnd, ['none', 'none', 'lose', 'reorder'] as const);
  const input = {
    send:
      typeof send === 'object' && send !== null
        ? { ...send, sends: [number(rnd, 70000)], iov: undefined }
        : send,
    datagrams: rnd() < 0.95 ? datagrams : randomInt(rnd, 20),
    fault: kind === 'none' ? { kind } : { kind, fragment: randomInt(rnd, 50), datagram: randomInt(rnd, 9) },
    rcvbuf: rnd() < 0.5 ? 212992 : number(rnd, 2 ** 31),
    read: pick(rnd, ['each', 'slow', 'end'] as const),
    bufsize: number(rnd, 70000),
  } as JourneyInput;
  if (typeof input.send === 'object' && input.send) delete input.send.iov;
  return spoil(rnd, input);
}

function checkJourney(
  input: JourneyInput,
  _rnd: Random,
  figures: Record<string, number>,
): FuzzFinding | null {
  const r = journey(input);
  if (typeof r !== 'object' || r === null) return { kind: 'mismatch', what: 'journey answered no result' };
  count(figures, 'stops', r.stops.length);
  if (!r.send.ok) {
    count(figures, 'send failed');
    return null;
  }
  if (r.outcomes.length !== input.datagrams)
    return { kind: 'mismatch', what: `${r.outcomes.length} outcomes for ${input.datagrams} datagrams` };
  for (const o of r.outcomes) {
    count(figures, o.fate);
    const got = o.received?.copied;
    if (typeof got === 'number' && (got < 0 || got > input.bufsize || got > r.send.sent))
      return {
        kind: 'outside',
        what: `datagram ${o.datagram} read as ${got} bytes (sent ${r.send.sent}, buffer ${input.bufsize})`,
      };
  }
  return null;
}

export function fuzzJourney(seed: number, n: number, start = 0): FuzzResult {
  return fuzzLoop(seed, n, { input: journeyInput, check: checkJourney }, { start });
}
