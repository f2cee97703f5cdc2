/**
 * A seeded fuzz campaign over the netlink codec: `fuzzNetlink(seed, n)` runs n inputs and counts
 * what went wrong. The same seed gives the same inputs. Inputs are a mix of
 *
 * - random bytes, decoded as every family, byte order and MSG_TRUNC setting, with random limits;
 * - real-looking buffers (random valid messages, encoded) with bytes and length fields
 *   overwritten — huge nlmsg_len and nla_len values included — and cut short;
 * - NLMSG_ERROR replies echoing requests of any claimed length, with and without
 *   NLM_F_CAPPED / NLM_F_ACK_TLVS (the shape of issue 19's lost decodes);
 * - round trips: decode(encode(m)) = m, encode(messageToSpec(decode(b))) = b,
 *   rowsToBytes(rowsFromBytes(b)) = b, and the lazily built result = the eagerly built one;
 * - any JavaScript value passed to every entry point of core/netlink.
 *
 * Every decoded result is read to its last field and value. Counted: exceptions (thrown or
 * reported as `internal`), diagnostics or fields outside the buffer, round-trip mismatches, and
 * the slowest input. `npm run fuzz` runs 10^6; `npm test` about 1 % of that.
 */
import fc from 'fast-check';
import { STRUCTURAL, allDiagnostics, familyArb, messageMismatches, messagesArb } from './arbitraries.ts';
import { nlaAlign, nlmsgAlign, nlmsgOk, nlaOk, rtaAlign, cmsgAlign } from './constants.ts';
import { decodeNetlink, type DecodeOptions } from './decode.ts';
import { encodeNetlink, flagsValue, typeValue } from './encode.ts';
import { flagGroups, flagNamesFor, errnoText } from './names.ts';
import { joinMultipart, splitMultipart } from './multipart.ts';
import { msghdrLayout } from './msghdr.ts';
import { attrNames, familyHeaderFields, nlmsgMacros, typeNames } from './schema.ts';
import { messageToSpec, specToMessage } from './spec.ts';
import { checkSpecs } from './spec-check.ts';
import { parseNumberText, rowToSpec, rowsFromBytes, rowsToBytes } from './spec-rows.ts';
import { hexDump, parseHex, toHex } from '../hex/index.ts';
import type { Endian, NlAttr, NlDecodeResult, NlFamily, NlMessage } from './types.ts';

export interface FuzzReport {
  seed: number;
  inputs: number;
  /** Exceptions thrown by core/netlink, plus decodes that reported an `internal` failure. */
  exceptions: number;
  /** Diagnostics or fields naming bytes outside the buffer. */
  outOfBuffer: number;
  /** Round trips that did not give back what went in (bytes, messages, lazy vs eager). */
  roundTripMismatches: number;
  /** The slowest single input, in milliseconds, and what it was. */
  slowestMs: number;
  slowest: string;
  /** Its number (0-based, in the seeded stream: `--n slowestInput+1` runs up to it). */
  slowestInput?: number;
  /** Inputs run of each kind. */
  byKind: Record<string, number>;
  /** The first few failures, each reproducible from its description. */
  failures: string[];
}

type Input =
  | { kind: 'random'; bytes: Uint8Array; opts: DecodeOptions }
  | { kind: 'mutated'; family: NlFamily; bytes: Uint8Array; truncated: boolean }
  | { kind: 'echo'; family: NlFamily; bytes: Uint8Array }
  | { kind: 'roundtrip'; family: NlFamily; endian: Endian; specs: Parameters<typeof encodeNetlink>[0] }
  | { kind: 'junk'; fn: number; args: unknown[] };

const endianArb = fc.constantFrom<Endian>('le', 'be');
const limitsArb = fc.option(
  fc.record({ messages: fc.nat(20), attributes: fc.nat(200), depth: fc.nat(6) }, { requiredKeys: [] }),
  { freq: 4, nil: undefined },
);
/** Values that break length arithmetic: 0, tiny, 2^15, 2^16 - 1, 2^31, 2^32 - 1… */
const lengthArb = fc.oneof(
  fc.constantFrom(
    0,
    1,
    3,
    4,
    15,
    16,
    17,
    0x7fff,
    0x8000,
    0xffff,
    0x7fffffff,
    0x80000000,
    0xfffffff0,
    0xffffffff,
  ),
  fc.nat({ max: 0xffffffff }),
);

const randomArb: fc.Arbitrary<Input> = fc
  .record({
    bytes: fc.uint8Array({ maxLength: 300 }),
    family: familyArb,
    endian: endianArb,
    truncated: fc.boolean(),
    rawAttrs: fc.boolean(),
    limits: limitsArb,
  })
  .map(({ bytes, limits, ...o }) => ({ kind: 'random', bytes, opts: limits ? { ...o, limits } : o }));

/** One edit of a buffer: a byte, a little-endian u32 or u16 (length fields), or a cut. */
const editArb = fc.oneof(
  fc.tuple(fc.constant('byte' as const), fc.nat(), fc.nat(255)),
  fc.tuple(fc.constant('u32' as const), fc.nat(), lengthArb),
  fc.tuple(fc.constant('u16' as const), fc.nat(), fc.constantFrom(0, 1, 3, 4, 5, 0xfff, 0x7fff, 0xffff)),
  fc.tuple(fc.constant('cut' as const), fc.nat(), fc.constant(0)),
);

function applyEdits(b: Uint8Array, edits: [string, number, number][]): Uint8Array {
  let out = b.slice();
  const dv = () => new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (const [what, at, v] of edits) {
    if (out.length === 0) break;
    if (what === 'cut') out = out.slice(0, at % (out.length + 1));
    else if (what === 'byte') out[at % out.length] = v;
    else if (what === 'u32' && out.length >= 4)
      dv().setUint32(((at % (out.length - 3)) >> 2) << 2, v >>> 0, true);
    else if (what === 'u16' && out.length >= 2) dv().setUint16(at % (out.length - 1), v, true);
  }
  return out;
}

const mutatedArb: fc.Arbitrary<Input> = fc
  .tuple(messagesArb, fc.array(editArb, { minLength: 1, maxLength: 5 }), fc.boolean())
  .map(([[family, specs], edits, truncated]) => {
    const e = encodeNetlink(specs, { family });
    return {
      kind: 'mutated',
      family,
      bytes: applyEdits(e.ok ? e.bytes : new Uint8Array(0), edits),
      truncated,
    };
  });

/** NLMSG_ERROR: header, error, an echoed nlmsghdr claiming any length, then whatever follows. */
const echoArb: fc.Arbitrary<Input> = fc
  .record({
    family: familyArb,
    flags: fc.constantFrom(0, 0x100, 0x200, 0x300),
    error: fc.constantFrom(0, -1, -17, -95, -4095, -4096, 1),
    echoedLen: lengthArb,
    echoedType: fc.constantFrom(0, 1, 2, 3, 16, 18, 0x10),
    tail: fc.uint8Array({ maxLength: 48 }),
    lenDelta: fc.integer({ min: -8, max: 8 }),
  })
  .map((r) => {
    const b = new Uint8Array(36 + r.tail.length);
    const dv = new DataView(b.buffer);
    dv.setUint32(0, Math.max(0, b.length + r.lenDelta), true);
    dv.setUint16(4, 2, true);
    dv.setUint16(6, r.flags, true);
    dv.setInt32(16, r.error, true);
    dv.setUint32(20, r.echoedLen >>> 0, true);
    dv.setUint16(24, r.echoedType, true);
    b.set(r.tail, 36);
    return { kind: 'echo', family: r.family, bytes: b };
  });

const roundTripArb: fc.Arbitrary<Input> = fc
  .tuple(messagesArb, endianArb)
  .map(([[family, specs], endian]) => ({ kind: 'roundtrip', family, endian, specs }));

/** Entry points that take user input, each called with arbitrary JavaScript values. */
const ENTRY_POINTS: ((...a: unknown[]) => unknown)[] = [
  (a, b) => decodeNetlink(a as Uint8Array, b as DecodeOptions),
  (a, b) => encodeNetlink(a as [], b as { family: NlFamily }),
  (a) => checkSpecs(a),
  (a, b, c) => splitMultipart(a as number, b as number, c as 'correct'),
  (a, b) => joinMultipart(a as Uint8Array, b as number),
  (a) => msghdrLayout(a as Parameters<typeof msghdrLayout>[0]),
  (a) => parseHex(a as string),
  (a, b, c) => toHex(a as Uint8Array, b as number, c as number),
  (a) => hexDump(a as Uint8Array),
  (a, b) => messageToSpec(a as NlMessage, b as Uint8Array),
  (a, b) => specToMessage(a as Parameters<typeof specToMessage>[0], b as { family: NlFamily }),
  (a, b) => typeValue(a as string, b as NlFamily),
  (a) => flagsValue(a as number),
  (a) => nlmsgMacros(a as number),
  (a) => typeNames(a as NlFamily),
  (a, b) => familyHeaderFields(a as number, b as NlFamily),
  (a, b, c) => attrNames(a as number, b as NlFamily, c as number[]),
  (a, b) => flagGroups(a as number, b as NlFamily),
  (a, b, c, d) => flagNamesFor(a as number, b as number, c as NlFamily, d as number),
  (a) => errnoText(a as number),
  (a, b) => parseNumberText(a as string, b as number),
  (a, b) => rowToSpec(a as Parameters<typeof rowToSpec>[0], b as NlFamily),
  (a, b, c) => rowsToBytes(a as [], b as NlFamily, c as Endian),
  (a, b, c, d) => rowsFromBytes(a as Uint8Array, b as NlDecodeResult, c as NlFamily, d as Endian),
  (a) => [nlmsgAlign, nlaAlign, rtaAlign, cmsgAlign].map((f) => f(a as number)),
  (a, b) => [nlmsgOk(a as number, b as number), nlaOk(a as number, b as number)],
];
/** Values that fight back: Proxies whose traps throw (or are revoked), getters that throw. */
function hostileValues(): unknown[] {
  const boom = () => {
    throw new Error('a trap that throws');
  };
  const traps = { get: boom, has: boom, ownKeys: boom, getPrototypeOf: boom, getOwnPropertyDescriptor: boom };
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const getters: Record<string, unknown> = {};
  for (const k of [
    'family',
    'endian',
    'type',
    'flags',
    'len',
    'offset',
    'attributes',
    'messages',
    'iovLens',
    'cmsgs',
    'length',
    'value',
  ])
    Object.defineProperty(getters, k, { get: boom, enumerable: true });
  return [
    new Proxy({}, traps),
    new Proxy([], traps),
    new Proxy(new Uint8Array(16), traps),
    revocable.proxy,
    getters,
    [getters],
  ];
}
const HOSTILE = hostileValues();
/** Stands for HOSTILE[i] until the call (fast-check itself must never touch those values). */
class Hostile {
  constructor(readonly i: number) {}
}

const junkArb: fc.Arbitrary<Input> = fc
  .tuple(
    fc.nat(ENTRY_POINTS.length - 1),
    fc.array(
      fc.oneof(
        fc.anything(),
        fc.uint8Array({ maxLength: 40 }),
        fc.nat(HOSTILE.length - 1).map((i) => new Hostile(i)),
      ),
      {
        maxLength: 4,
      },
    ),
  )
  .map(([fn, args]) => ({ kind: 'junk', fn, args }));

const inputArb: fc.Arbitrary<Input> = fc.oneof(
  { arbitrary: randomArb, weight: 25 },
  { arbitrary: mutatedArb, weight: 30 },
  { arbitrary: echoArb, weight: 10 },
  { arbitrary: roundTripArb, weight: 20 },
  { arbitrary: junkArb, weight: 15 },
);

// ---------------------------------------------------------------- checks

interface Tally {
  exceptions: number;
  outOfBuffer: number;
  mismatches: number;
  failures: string[];
}

const fail = (t: Tally, what: string) => {
  if (t.failures.length < 10) t.failures.push(what);
};

/** Read every field, value and display of a result (the lazily built parts included). */
function readAll(r: NlDecodeResult, n: number, t: Tally, label: string): string {
  const parts: string[] = [];
  const field = (f: { name: string; offset: number; size: number; value: unknown; display: string }) => {
    if (f.offset < 0 || f.size < 0 || f.offset + f.size > n) {
      t.outOfBuffer++;
      fail(t, `${label}: field ${f.name} @${f.offset}+${f.size} in ${n} bytes`);
    }
    parts.push(`${f.name}@${f.offset}+${f.size}=${String(f.value)}|${f.display}`);
  };
  const attr = (a: NlAttr): void => {
    parts.push(`<${a.name} ${String(a.value)} ${a.display ?? ''}`);
    a.fields.forEach(field);
    a.children?.forEach(attr);
    parts.push('>');
  };
  const message = (m: NlMessage): void => {
    parts.push(`[${m.offset} ${m.len} ${m.typeName} ${m.flagNames.join('|')} ${m.padding}`);
    m.header.forEach(field);
    m.familyHeader?.fields.forEach(field);
    if (m.error) {
      parts.push(`error ${m.error.errno} ${m.error.name}`);
      if (m.error.echoed) message(m.error.echoed);
      m.error.extack.forEach(attr);
    }
    m.attributes.forEach(attr);
    parts.push(...m.diagnostics.map((d) => `${d.code}@${d.offset}+${d.length}:${d.message}`), ']');
  };
  r.messages.forEach(message);
  parts.push(...r.walk.map((w) => `${w.offset}/${w.remaining}/${w.nlmsgOk}/${w.next}`));
  parts.push(...r.diagnostics.map((d) => `${d.code}@${d.offset}+${d.length}`));
  return parts.join('\n');
}

/** Decode, check every diagnostic lies in the buffer, read everything; the text of it all. */
function decodeChecked(
  bytes: Uint8Array,
  opts: DecodeOptions,
  t: Tally,
  label: string,
): { r: NlDecodeResult; text: string } {
  const r = decodeNetlink(bytes, opts);
  const n = bytes.length;
  for (const d of allDiagnostics(r)) {
    if (d.code === 'internal') {
      t.exceptions++;
      fail(t, `${label}: internal ${d.message} (${toHex(bytes)} ${JSON.stringify(opts)})`);
    }
    if (!(d.offset >= 0 && d.length >= 0 && d.offset + d.length <= n)) {
      t.outOfBuffer++;
      fail(
        t,
        `${label}: ${d.code} @${d.offset}+${d.length} in ${n} bytes (${toHex(bytes)} ${JSON.stringify(opts)})`,
      );
    }
  }
  return { r, text: readAll(r, n, t, label) };
}

/** The lazily built result reads exactly as the eagerly built one. */
function lazyIsEager(
  bytes: Uint8Array,
  opts: DecodeOptions,
  lazyText: string,
  t: Tally,
  label: string,
): void {
  const eager = decodeChecked(bytes, { ...opts, eager: true }, t, label);
  if (eager.text !== lazyText) {
    t.mismatches++;
    fail(t, `${label}: lazy and eager decodes differ (${toHex(bytes)} ${JSON.stringify(opts)})`);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Bytes → rows → bytes, and bytes → specs → bytes, both exact where they apply. */
function bytesRoundTrips(
  bytes: Uint8Array,
  r: NlDecodeResult,
  family: NlFamily,
  endian: Endian,
  t: Tally,
  label: string,
): void {
  const rows = rowsToBytes(rowsFromBytes(bytes, r, family, endian), family, endian);
  if (!rows.ok || !sameBytes(rows.bytes, bytes)) {
    t.mismatches++;
    fail(t, `${label}: rows do not give back the bytes (${toHex(bytes)} ${family} ${endian})`);
  }
}

function runRoundTrip(i: Extract<Input, { kind: 'roundtrip' }>, t: Tally): void {
  const { family, endian, specs } = i;
  const e = encodeNetlink(specs, { family, endian });
  if (!e.ok) {
    t.mismatches++;
    return fail(t, `roundtrip: a valid spec did not encode: ${e.why}`);
  }
  const opts = { family, endian, rawAttrs: true };
  const { r, text } = decodeChecked(e.bytes, opts, t, 'roundtrip');
  const bad = specs.flatMap((s, k) => messageMismatches(s, r.messages[k], e.bytes, endian === 'le'));
  const structural = allDiagnostics(r).filter((d) => STRUCTURAL.has(d.code));
  if (bad.length || structural.length || r.messages.length !== specs.length) {
    t.mismatches++;
    fail(t, `roundtrip: decode(encode(m)) != m: ${[...bad, ...structural.map((d) => d.code)].join('; ')}`);
  }
  const again = encodeNetlink(
    r.messages.map((m) => messageToSpec(m, e.bytes)),
    { family, endian },
  );
  if (!again.ok || !sameBytes(again.bytes, e.bytes)) {
    t.mismatches++;
    fail(t, `roundtrip: encode(messageToSpec(decode(b))) != b (${toHex(e.bytes)} ${family} ${endian})`);
  }
  bytesRoundTrips(e.bytes, r, family, endian, t, 'roundtrip');
  lazyIsEager(e.bytes, opts, text, t, 'roundtrip');
}

function runOne(i: Input, t: Tally): void {
  switch (i.kind) {
    case 'random': {
      const { text, r } = decodeChecked(i.bytes, i.opts, t, 'random');
      lazyIsEager(i.bytes, i.opts, text, t, 'random');
      if (!i.opts.limits) bytesRoundTrips(i.bytes, r, i.opts.family, i.opts.endian ?? 'le', t, 'random');
      return;
    }
    case 'mutated':
    case 'echo': {
      const opts = { family: i.family, truncated: i.kind === 'mutated' && i.truncated };
      const { r, text } = decodeChecked(i.bytes, opts, t, i.kind);
      lazyIsEager(i.bytes, opts, text, t, i.kind);
      if (!opts.truncated) bytesRoundTrips(i.bytes, r, i.family, 'le', t, i.kind);
      return;
    }
    case 'roundtrip':
      return runRoundTrip(i, t);
    case 'junk':
      (ENTRY_POINTS[i.fn] as (...a: unknown[]) => unknown)(
        ...i.args.map((a) => (a instanceof Hostile ? HOSTILE[a.i] : a)),
      );
  }
}

/** Run `n` seeded inputs through the codec and count what went wrong. Never throws. */
export function fuzzNetlink(seed: number, n: number): FuzzReport {
  const t: Tally = { exceptions: 0, outOfBuffer: 0, mismatches: 0, failures: [] };
  const byKind: Record<string, number> = {};
  let inputs = 0;
  let slowestMs = 0;
  let slowest = '';
  let slowestInput: number | undefined;
  const runs = Math.max(0, Math.floor(Number.isFinite(n) ? n : 0));
  const s = Number.isFinite(seed) ? Math.trunc(seed) : 0;
  if (runs > 0)
    fc.check(
      fc.property(inputArb, (input) => {
        inputs++;
        byKind[input.kind] = (byKind[input.kind] ?? 0) + 1;
        const t0 = performance.now();
        try {
          runOne(input, t);
        } catch (e) {
          t.exceptions++;
          fail(t, `${input.kind}: threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
        let ms = performance.now() - t0;
        // A slow input is timed again (twice): a garbage collection or another process on the
        // machine is not the input's cost.
        for (let k = 0; k < 2 && ms > 10 && ms > slowestMs; k++) {
          const t1 = performance.now();
          try {
            runOne(input, { exceptions: 0, outOfBuffer: 0, mismatches: 0, failures: [] });
          } catch {
            // counted above
          }
          ms = Math.min(ms, performance.now() - t1);
        }
        if (ms > slowestMs) {
          slowestMs = ms;
          slowest = describeInput(input);
          slowestInput = inputs - 1;
        }
        return true;
      }),
      { seed: s, numRuns: runs },
    );
  return {
    seed: s,
    inputs,
    exceptions: t.exceptions,
    outOfBuffer: t.outOfBuffer,
    roundTripMismatches: t.mismatches,
    slowestMs,
    slowest,
    ...(slowestInput !== undefined ? { slowestInput } : {}),
    byKind,
    failures: t.failures,
  };
}

function describeInput(i: Input): string {
  switch (i.kind) {
    case 'random':
      return `random ${i.bytes.length} bytes ${JSON.stringify(i.opts)}`;
    case 'mutated':
    case 'echo':
      return `${i.kind} ${i.family} ${i.bytes.length} bytes`;
    case 'roundtrip':
      return `roundtrip ${i.family} ${i.endian} ${i.specs.length} message(s)`;
    case 'junk':
      return `junk into entry point ${i.fn}`;
  }
}
