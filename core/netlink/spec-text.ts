/**
 * What encoding and spec checking say when a spec is wrong, as data: a message id, its values,
 * and the English sentence from this one table (so a catalog can take it over). `errno` is the
 * error the kernel's own helpers would give for the same mistake (EINVAL, ERANGE, EMSGSIZE).
 */
import { isBytes } from '../hex/index.ts';

type Values = Record<string, string | number>;

const s = (v: string | number | undefined): string => String(v ?? '');

export const SPEC_TEXT: Record<string, (v: Values) => string> = {
  'spec.not-array': (v) => `the specs are a list (a JSON array) of messages, not ${s(v.got)}`,
  'spec.too-many': (v) => `${s(v.path)}: more than ${s(v.limit)} ${s(v.what)} (the limit)`,
  'spec.too-deep': (v) => `${s(v.path)}: attributes nested more than ${s(v.limit)} levels deep (the limit)`,
  'spec.not-object': (v) => `${s(v.path)}: ${s(v.what)} is an object ${s(v.shape)}, not ${s(v.got)}`,
  'spec.unknown-key': (v) => `${s(v.path)}: unknown key "${s(v.key)}" (known: ${s(v.known)})`,
  'spec.missing': (v) => `${s(v.path)}: "${s(v.key)}" is missing`,
  'spec.bad-field': (v) => `${s(v.path)}: ${s(v.key)} is ${s(v.want)}, not ${s(v.got)}`,
  'spec.value-and-nested': (v) =>
    `${s(v.path)}: both "value" and "nested"; an attribute holds a value or nested attributes, not both`,
  'encode.bad-options': (v) => `options: ${s(v.option)} ${s(v.why)}`,
  'encode.unknown-type': (v) => `${s(v.path)}: unknown type "${s(v.type)}" for the ${s(v.family)} family`,
  'encode.unknown-flag': (v) => `${s(v.path)}: unknown flag in ${s(v.flags)}`,
  'encode.not-u32': (v) => `${s(v.path)}: ${s(v.key)} = ${s(v.value)} is not a __u32`,
  'encode.header-range': (v) =>
    `${s(v.path)}: ${s(v.struct)}.${s(v.member)} = ${s(v.value)} does not fit ${s(v.size)} byte(s)`,
  'encode.header-unknown': (v) =>
    `${s(v.path)}: struct ${s(v.struct)} has no field ${s(v.extra)} (fields: ${s(v.fields)})`,
  'encode.no-header': (v) => `${s(v.path)}: ${s(v.type)} has no family header in the ${s(v.family)} family`,
  'encode.len-override': (v) => `${s(v.path)}: lenOverride ${s(v.value)} is not a __u32`,
  'encode.too-big': (v) => `the buffer would exceed ${s(v.limit)} bytes (the limit)`,
  'encode.attr-type': (v) =>
    `${s(v.path)}: unknown attribute type "${s(v.type)}"${v.set ? ` in ${s(v.set)}_*` : ''} (types are 0..16383)`,
  'encode.nest-too-big': (v) =>
    `${s(v.path)}: ${s(v.name)} would be ${s(v.size)} bytes; nla_len is a __u16 (nla_nest_end fails past 65535)`,
  'encode.attr-too-big': (v) => `${s(v.path)}: ${s(v.name)} would be ${s(v.size)} bytes; nla_len is a __u16`,
  'encode.attr-hex': (v) => `${s(v.path)}: ${s(v.name)}: ${s(v.why)}`,
  'encode.attr-range': (v) => `${s(v.path)}: ${s(v.name)}: ${s(v.value)} does not fit a ${s(v.kind)}`,
};

/** A failed encode or spec check: the errno, the sentence, and the id and values it is made of. */
export interface SpecFailure {
  ok: false;
  errno: string;
  why: string;
  id: string;
  values: Values;
}

export function specFail(errno: string, id: string, values: Values): SpecFailure {
  const t = SPEC_TEXT[id];
  return { ok: false, errno, why: t ? t(values) : id, id, values };
}

/** A short description of a JavaScript value for a message (`a string`, `null`, `an array`…). */
export function describe(v: unknown): string {
  try {
    return describeValue(v);
  } catch {
    return 'a value that cannot be read'; // a revoked Proxy, say
  }
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (isBytes(v)) return 'bytes';
  switch (typeof v) {
    case 'string':
      return v.length > 40 ? `the text "${v.slice(0, 40)}…"` : `the text "${v}"`;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(v);
    case 'undefined':
      return 'nothing';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof v}`;
  }
}
