/**
 * Specs checked at run time: whatever JavaScript value (a parsed JSON file, a form, a fuzzer's
 * output) is handed to encodeNetlink becomes either a list of well-typed message specs — copied,
 * with the defaults filled in — or one message naming the key and what was wrong with it.
 * Ranges and names (is 300 a u8? is RTM_NOPE a type?) are the encoder's to judge.
 */
import { describe, specFail, type SpecFailure } from './spec-text.ts';
import type { NlAttrSpec, NlAttrValueKind, NlMessageSpec } from './types.ts';

/** Bounds of a spec: how many messages and attributes, how deep attributes nest. */
export const SPEC_LIMITS = Object.freeze({ messages: 100_000, attributes: 1_000_000, depth: 32 });

export const VALUE_KINDS: readonly NlAttrValueKind[] = [
  'u8',
  'u16',
  'u32',
  'u64',
  's32',
  'str',
  'strz',
  'bytes',
  'flag',
];

const MESSAGE_KEYS = ['type', 'flags', 'seq', 'pid', 'familyHeader', 'attributes', 'lenOverride'];
const ATTR_KEYS = ['type', 'value', 'nested', 'nlaFlags'];
const MESSAGE_SHAPE = '{ type, flags?, seq?, pid?, familyHeader?, attributes?, lenOverride? }';
const ATTR_SHAPE = '{ type, value?: { kind, v }, nested?: [...], nlaFlags? }';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

class Bad {
  constructor(readonly f: SpecFailure) {}
}
const bad = (id: string, values: Record<string, string | number>, errno = 'EINVAL'): never => {
  throw new Bad(specFail(errno, id, values));
};

function object(v: unknown, path: string, what: string, shape: string, keys: string[]): Rec {
  if (!isRec(v)) bad('spec.not-object', { path, what, shape, got: describe(v) });
  const o = v as Rec;
  for (const k of Object.keys(o))
    if (!keys.includes(k)) bad('spec.unknown-key', { path, key: k, known: keys.join(', ') });
  return o;
}

const field = (path: string, key: string, want: string, got: unknown): never =>
  bad('spec.bad-field', { path, key, want, got: describe(got) });

interface Budget {
  attrs: number;
}

function checkValue(v: unknown, path: string): NlAttrSpec['value'] {
  const o = object(v, path, 'value', '{ kind, v }', ['kind', 'v']);
  const kind = o.kind;
  if (typeof kind !== 'string' || !(VALUE_KINDS as readonly string[]).includes(kind))
    field(`${path}.value`, 'kind', `one of ${VALUE_KINDS.join(' ')}`, kind);
  const k = kind as NlAttrValueKind;
  const x = o.v;
  if (x === undefined) {
    if (k !== 'flag') bad('spec.missing', { path: `${path}.value`, key: 'v' });
    return { kind: k, v: '' };
  }
  if (typeof x === 'bigint') return { kind: k, v: x.toString() };
  if (typeof x !== 'string' && typeof x !== 'number') field(`${path}.value`, 'v', 'a number or text', x);
  return { kind: k, v: x as string | number };
}

function checkAttr(v: unknown, path: string, depth: number, budget: Budget): NlAttrSpec {
  if (++budget.attrs > SPEC_LIMITS.attributes)
    bad('spec.too-many', { path, limit: SPEC_LIMITS.attributes, what: 'attributes' }, 'EMSGSIZE');
  const o = object(v, path, 'an attribute', ATTR_SHAPE, ATTR_KEYS);
  if (o.type === undefined) bad('spec.missing', { path, key: 'type' });
  if (!isInt(o.type) && typeof o.type !== 'string')
    field(path, 'type', 'a number or an attribute name', o.type);
  const out: NlAttrSpec = { type: o.type as number | string };
  if (o.value !== undefined && o.nested !== undefined) bad('spec.value-and-nested', { path });
  if (o.value !== undefined) out.value = checkValue(o.value, path);
  if (o.nested !== undefined) {
    if (!Array.isArray(o.nested)) field(path, 'nested', 'a list of attributes', o.nested);
    if (depth >= SPEC_LIMITS.depth) bad('spec.too-deep', { path, limit: SPEC_LIMITS.depth }, 'EMSGSIZE');
    out.nested = (o.nested as unknown[]).map((c, i) =>
      checkAttr(c, `${path}/nested[${i}]`, depth + 1, budget),
    );
  }
  if (o.nlaFlags !== undefined) {
    const f = object(o.nlaFlags, `${path}.nlaFlags`, 'nlaFlags', '{ nested?, netByteorder? }', [
      'nested',
      'netByteorder',
    ]);
    for (const k of ['nested', 'netByteorder'] as const)
      if (f[k] !== undefined && typeof f[k] !== 'boolean')
        field(`${path}.nlaFlags`, k, 'true or false', f[k]);
    out.nlaFlags = {
      ...(f.nested !== undefined ? { nested: f.nested as boolean } : {}),
      ...(f.netByteorder !== undefined ? { netByteorder: f.netByteorder as boolean } : {}),
    };
  }
  return out;
}

function checkFamilyHeader(v: unknown, path: string): Record<string, number> {
  if (!isRec(v)) return field(path, 'familyHeader', 'an object of member = number', v);
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'number') field(`${path}.familyHeader`, k, 'a number', x);
    out[k] = x as number;
  }
  return out;
}

function checkMessage(v: unknown, path: string, budget: Budget): NlMessageSpec {
  const o = object(v, path, 'a message', MESSAGE_SHAPE, MESSAGE_KEYS);
  if (o.type === undefined) bad('spec.missing', { path, key: 'type' });
  if (!isInt(o.type) && typeof o.type !== 'string')
    field(path, 'type', 'a number or a message type name', o.type);
  let flags: number | string[] = 0;
  if (o.flags !== undefined) {
    if (isInt(o.flags)) flags = o.flags;
    else if (Array.isArray(o.flags) && o.flags.every((f) => typeof f === 'string'))
      flags = [...(o.flags as string[])];
    else field(path, 'flags', 'a number or a list of NLM_F_* names', o.flags);
  }
  for (const k of ['seq', 'pid', 'lenOverride'] as const)
    if (o[k] !== undefined && typeof o[k] !== 'number') field(path, k, 'a whole number', o[k]);
  if (o.attributes !== undefined && !Array.isArray(o.attributes))
    field(path, 'attributes', 'a list of attributes', o.attributes);
  const attrs = (o.attributes as unknown[] | undefined) ?? [];
  return {
    type: o.type as number | string,
    flags,
    seq: (o.seq as number | undefined) ?? 0,
    pid: (o.pid as number | undefined) ?? 0,
    ...(o.familyHeader !== undefined ? { familyHeader: checkFamilyHeader(o.familyHeader, path) } : {}),
    attributes: attrs.map((a, j) => checkAttr(a, `${path} attribute ${j}`, 0, budget)),
    ...(o.lenOverride !== undefined ? { lenOverride: o.lenOverride as number } : {}),
  };
}

/**
 * Any JavaScript value as message specs: `{ ok: true, specs }` (a checked copy; flags, seq and
 * pid default to 0, attributes to none) or the first thing wrong, with its path.
 */
export function checkSpecs(x: unknown): { ok: true; specs: NlMessageSpec[] } | SpecFailure {
  try {
    if (!Array.isArray(x)) return specFail('EINVAL', 'spec.not-array', { got: describe(x) });
    if (x.length > SPEC_LIMITS.messages)
      return specFail('EMSGSIZE', 'spec.too-many', {
        path: 'specs',
        limit: SPEC_LIMITS.messages,
        what: 'messages',
      });
    const budget = { attrs: 0 };
    return { ok: true, specs: x.map((m, i) => checkMessage(m, `message ${i}`, budget)) };
  } catch (e) {
    if (e instanceof Bad) return e.f;
    // A getter or a proxy that throws while being read.
    return specFail('EINVAL', 'spec.bad-field', {
      path: 'specs',
      key: 'a value',
      want: 'readable',
      got: e instanceof Error ? e.message : 'an exception',
    });
  }
}
