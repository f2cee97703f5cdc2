/**
 * The Netlink lab's buffer model. The truth is the bytes (with the family that names them, the
 * byte order and MSG_TRUNC); what the editor shows while the student types (a hex draft, a builder
 * draft that does not encode) and what the lab chose to look at (message, walk step, splitter,
 * msghdr) sit beside them. Everything else — the decode, the hex text, the builder rows and where
 * each sits in the buffer, the clamped selection, the splitter's and msghdr's results — is derived
 * in one place, `deriveNetlink`, and only where its inputs changed.
 *
 * Nothing here models the kernel: decodeNetlink, builderFromBytes (over encodeNetlink),
 * splitMultipart and msghdrLayout do.
 */
import {
  NETLINK_SAMPLES,
  decodeNetlink,
  msghdrLayout,
  parseHex,
  splitMultipart,
} from '../../../core/netlink/index.ts';
import type {
  Endian,
  NlDecodeResult,
  NlFamily,
  NlMsghdrLayout,
  NlSplitResult,
} from '../../../core/netlink/index.ts';
import { CMSG_DATA_MAX, NETLINK_PARAMS, NL_BUFFER_MAX } from '../../../core/params/netlink.ts';
import type { CmsgText } from '../../../core/params/netlink.ts';
import type { Issue } from '../../lab-kit/index.ts';
import { defineMessages, msg, renderText, type Msg } from '../../../core/i18n/index.ts';
import { builderFromBytes, builderItemBytes, hexSpaced } from './builder.ts';
import type { BuilderIssue, BuilderItem } from './builder.ts';

export { NL_FAMILIES, NL_ENDIANS } from '../../../core/params/netlink.ts';
/** The largest buffer the lab takes: the netlink table's limit. */
export const MAX_BUFFER = NL_BUFFER_MAX;

/**
 * What `ip link` sends: RTM_GETLINK with NLM_F_REQUEST|NLM_F_DUMP, a zeroed ifinfomsg and
 * IFLA_EXT_MASK = RTEXT_FILTER_VF (40 bytes, little-endian).
 */
export const DEFAULT_HEX = '280000001200010301000000000000000000000000000000000000000000000008001d0001000000';

export type SplitMode = 'correct' | 'mistakes';
export interface SplitFields {
  /** The frame to split, in bytes (as typed). */
  frame: string;
  /** The largest payload one message may carry (as typed). */
  max: string;
  mode: SplitMode;
}
export const DEFAULT_SPLIT: SplitFields = { frame: '10000', max: '4096', mode: 'correct' };

/** One control message of the msghdr diagram, as typed (the netlink table's `cmsg` item). */
export type CmsgField = CmsgText;
export interface MsghdrFields {
  /** iovec lengths, comma-separated; empty means one iovec over the whole buffer. */
  iov: string;
  cmsgs: CmsgField[];
}
export const DEFAULT_MSGHDR: MsghdrFields = {
  iov: '',
  cmsgs: [
    { level: 'SOL_SOCKET', type: 'SCM_CREDENTIALS', len: '12' },
    { level: 'SOL_NETLINK', type: 'NETLINK_PKTINFO', len: '4' },
  ],
};

/** Issues of the URL: `hex`, `sample`, `family`, `endian`, `trunc`, `msg`, `walk`, `split`, `msghdr` (or the kit's `url`). */
export type NetlinkIssue = Issue;

/** What the student chose beside the bytes: the URL carries it and the lab holds it. */
export interface NetlinkChoices {
  family: NlFamily;
  endian: Endian;
  truncated: boolean;
  /** The sample loaded and not edited since (the URL then says `sample=`). */
  sample: string | null;
  selected: number;
  walk: number | null;
  split: SplitFields;
  msghdr: MsghdrFields;
}

/** The keys of the choices, each once (TRUTH_KEYS below fails to compile if one is missing). */
export const CHOICE_KEYS = [
  'family',
  'endian',
  'truncated',
  'sample',
  'selected',
  'walk',
  'split',
  'msghdr',
] as const satisfies readonly (keyof NetlinkChoices)[];

/** The inputs the URL carries: the bytes as hex text, and the choices. */
export interface NetlinkInputs extends NetlinkChoices {
  hexText: string;
}

/** What the lab holds as its own: the bytes and what the student chose and typed. */
export interface NetlinkTruth extends NetlinkChoices {
  /** The last good buffer. */
  bytes: Uint8Array;
  /** The hex editor's text while it is the student's own (null: the bytes, formatted). */
  hexDraft: string | null;
  /** A paste the editor refused (longer than MAX_HEX_TEXT): why. The text on show is the one before. */
  hexRefused: Msg | null;
  /** Builder rows being typed that do not encode yet, with why (null: the rows of the bytes). */
  builderDraft: { items: BuilderItem[]; issues: BuilderIssue[] } | null;
  /** Rows that encode to exactly these bytes (a builder edit keeps its rows, and their ids). */
  builderOf: { items: BuilderItem[]; bytes: Uint8Array; family: NlFamily; endian: Endian } | null;
  /** URL parameters that could not be used. */
  issues: Issue[];
}

/** Where each builder row sits in the buffer, and the nlmsg_len its message writes. */
export interface BuilderLayout {
  /** Byte offset → the id of the row that starts there. */
  offsets: Map<number, number>;
  lengths: Map<number, number>;
}

/** Everything the views read that follows from the truth. */
export interface NetlinkDerived {
  result: NlDecodeResult;
  hexText: string;
  /** Why the hex draft does not parse (the buffer on show is the last good one). */
  hexError: string | null;
  /** The same as a message, for the page's language (null: no error, or one only in English). */
  hexErrorMsg: Msg | null;
  builder: BuilderItem[];
  builderIssues: BuilderIssue[];
  builderLayout: BuilderLayout;
  splitResult: NlSplitResult | null;
  splitIssues: { field: 'frame' | 'max'; message: string; msg: Msg }[];
  msghdrResult: NlMsghdrLayout | null;
  /** What the msghdr form cannot read: which input (the iovec list or a control message) and why. */
  msghdrIssue: { field: 'iov' | 'cmsg'; message: string; msg: Msg } | null;
  /** When the core itself threw (a bug, not a user error): the message, so the page stays up. */
  modelError: string | null;
}

export type NetlinkModel = NetlinkTruth & NetlinkDerived;

// ---- pure helpers ----

/** 8 bytes a line, spaced: what the hex editor shows (it fits the narrow inputs column). */
export function formatHex(b: Uint8Array): string {
  const lines: string[] = [];
  for (let i = 0; i < b.length; i += 8) lines.push(hexSpaced(b.subarray(i, i + 8)));
  return lines.join('\n');
}

/**
 * The hex digits of a text as typed: whitespace, `0x`, `:` `,` `-` and `\x` separators dropped.
 * One scan, and a `0x` or `\x` that a dropped separator brings together is dropped too (`\0xx`),
 * so compacting twice gives what compacting once gave: a URL the lab writes reads back the same.
 */
export function compactHex(text: string): string {
  // Hex digits and whitespace only (what the editor and the URL hold): no `x` to pair up, so
  // dropping the whitespace is the whole job — one regex over the text, not one per character.
  if (HEX_AND_SPACE.test(text)) return text.replace(SPACES, '').toLowerCase();
  const out: string[] = [];
  for (const ch of text.toLowerCase()) {
    if (/[\s:,-]/.test(ch)) continue;
    if (ch === 'x' && (out.at(-1) === '0' || out.at(-1) === '\\')) out.pop();
    else out.push(ch);
  }
  return out.join('');
}

const HEX_AND_SPACE = /^[0-9a-fA-F\s]*$/;
const SPACES = /\s+/g;

/** A failed read: the English `why` (tests, logs) and, for the editor, the same as a message. */
export type ReadHex = { ok: true; bytes: Uint8Array } | { ok: false; why: string; msg?: Msg };

const HM = defineMessages({
  cmsgLen: {
    id: 'lab.netlink.msghdr.cmsgLen',
    defaultMessage: '<code>{type}</code>: a data length of 0 to {max} bytes.',
    description: 'A control message whose data length is not a whole number in range; {max} unformatted.',
  },
  notHex: {
    id: 'lab.netlink.hex.notHex',
    defaultMessage: '“{ch}” is not a hex digit (use 0–9 and a–f, spaces allowed).',
  },
  odd: {
    id: 'lab.netlink.hex.odd',
    defaultMessage: 'Odd number of hex digits ({n}): every byte is two digits.',
  },
  tooLong: { id: 'lab.netlink.hex.tooLong', defaultMessage: '{n} bytes: the lab takes up to {max} KiB.' },
  textTooLong: {
    id: 'lab.netlink.hex.textTooLong',
    defaultMessage:
      'The pasted text is {n} characters long: the editor takes at most {max} (a {kib} KiB buffer written as hex). Nothing was changed.',
    description: 'n, max: with thousands separators; kib: the largest buffer in KiB.',
  },
});

/**
 * The longest text the hex editor takes: four characters a byte (two digits, a space, line breaks
 * and slack) for the largest buffer. A longer paste is refused whole, so it never becomes the
 * draft, nor the URL's `hex=`.
 */
export const MAX_HEX_TEXT = 4 * NL_BUFFER_MAX;

/** Why a text is too long for the editor (null: it is not). */
export function hexTextTooLong(text: string): Msg | null {
  if (text.length <= MAX_HEX_TEXT) return null;
  const g = (n: number) => n.toLocaleString('en-US');
  return msg(HM.textTooLong, { n: g(text.length), max: g(MAX_HEX_TEXT), kib: NL_BUFFER_MAX / 1024 });
}

const hexFail = (m: Msg): ReadHex => ({ ok: false, why: renderText(m, 'en'), msg: m });

/**
 * Read hex as typed, with a message that says where it goes wrong. The last text read is
 * remembered (the store reads a keystroke's text, then derives its error from the same string).
 */
export function readHex(text: string): ReadHex {
  if (text === lastRead.text) return lastRead.result;
  const result = readHexNow(text);
  lastRead = { text, result };
  return result;
}
let lastRead: { text: string | null; result: ReadHex } = { text: null, result: { ok: false, why: '' } };

/**
 * A text cut in three around the part being typed (the hex editor's page, hexPages.ts):
 * `before + page + after` is the text; `before` is empty or ends a line, `after` is empty or
 * starts one.
 */
export interface HexParts {
  before: string;
  page: string;
  after: string;
}

/**
 * readHex of `before + page + after` (that is `text`) reading only the page when the text around
 * it is unchanged: a keystroke in one page of a 64 KiB buffer reads 4 KiB, not 130,000
 * characters. Digits and whitespace only, and lines between the parts, so no byte spans two
 * parts: when each part reads as whole bytes, the text's bytes are theirs end to end. Anything
 * else (an odd page, a letter, a part that does not read) is read whole, for readHex's message.
 */
export function readHexSpliced(parts: HexParts, text: string): ReadHex {
  if (text === lastRead.text) return lastRead.result;
  const { before, page, after } = parts;
  let result: ReadHex | null = null;
  if ((before === '' || before.endsWith('\n')) && (after === '' || after.startsWith('\n'))) {
    const b = partBytes(before);
    const a = partBytes(after);
    const p = b && a && HEX_AND_SPACE.test(page) ? parseHex(page) : null;
    if (b && a && p?.ok && b.length + p.bytes.length + a.length <= MAX_BUFFER) {
      const bytes = new Uint8Array(b.length + p.bytes.length + a.length);
      bytes.set(b);
      bytes.set(p.bytes, b.length);
      bytes.set(a, b.length + p.bytes.length);
      result = { ok: true, bytes };
    }
  }
  result ??= readHexNow(text);
  lastRead = { text, result };
  return result;
}

/** The bytes of the text around a page (null: not whole bytes of digits and whitespace), kept for the next keystroke. */
function partBytes(text: string): Uint8Array | null {
  const hit = partsRead.find((r) => r.text === text);
  if (hit) return hit.bytes;
  const p = text === '' ? null : HEX_AND_SPACE.test(text) ? parseHex(text) : null;
  const bytes = text === '' ? new Uint8Array(0) : p?.ok ? p.bytes : null;
  partsRead = [{ text, bytes }, ...partsRead.slice(0, 1)];
  return bytes;
}
/** The last two parts read (the text before the page and after it). */
let partsRead: { text: string; bytes: Uint8Array | null }[] = [];

/**
 * The bytes of the text before and after a page, known without reading them: the caller cut them
 * from a text that reads as the buffer (so the first keystroke on a page reads only the page).
 * Kept only when they are digits and whitespace, as partBytes would read them.
 */
export function rememberHexParts(before: [string, Uint8Array], after: [string, Uint8Array]) {
  const ok = (t: string) => HEX_AND_SPACE.test(t);
  if (ok(before[0]) && ok(after[0]))
    partsRead = [
      { text: before[0], bytes: before[1] },
      { text: after[0], bytes: after[1] },
    ];
}

function readHexNow(text: string): ReadHex {
  // Digits and whitespace only (what the editor and the URL hold): one pass over the text as it
  // is, without compacting it into a second string first (a 64 KiB buffer is 130,000+ characters).
  if (HEX_AND_SPACE.test(text)) {
    const p = parseHex(text);
    if (p.ok) {
      if (p.bytes.length > MAX_BUFFER)
        return hexFail(msg(HM.tooLong, { n: p.bytes.length, max: MAX_BUFFER / 1024 }));
      return { ok: true, bytes: p.bytes };
    }
    if (p.code === 'odd') return hexFail(msg(HM.odd, { n: p.at }));
  }
  const h = compactHex(text);
  // A whole code point (an emoji is two UTF-16 units: never echo half of one).
  const bad = /[^0-9a-f]/iu.exec(h);
  if (bad) return hexFail(msg(HM.notHex, { ch: bad[0] }));
  if (h.length % 2 === 1) return hexFail(msg(HM.odd, { n: h.length }));
  if (h.length / 2 > MAX_BUFFER) return hexFail(msg(HM.tooLong, { n: h.length / 2, max: MAX_BUFFER / 1024 }));
  const p = parseHex(h);
  if (!p.ok) return { ok: false, why: p.why };
  return { ok: true, bytes: p.bytes };
}

export function splitOf(f: SplitFields): Pick<NetlinkDerived, 'splitResult' | 'splitIssues'> {
  const issues: NetlinkDerived['splitIssues'] = [];
  const int = (field: 'frame' | 'max', text: string) => {
    const r = NETLINK_PARAMS[field].parse(text);
    if (r.ok) return r.value;
    issues.push({ field, message: r.issue.message, msg: r.issue.msg });
    return null;
  };
  const frame = int('frame', f.frame);
  const max = int('max', f.max);
  if (frame === null || max === null) return { splitResult: null, splitIssues: issues };
  return { splitResult: splitMultipart(frame, max, f.mode), splitIssues: [] };
}

export function msghdrOf(
  f: MsghdrFields,
  bufLen: number,
): Pick<NetlinkDerived, 'msghdrResult' | 'msghdrIssue'> {
  // Spaces separate lengths too (16 24); empty means one iovec over the whole buffer.
  const iovText = f.iov
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .join(',');
  const iov = iovText === '' ? { ok: true as const, value: [bufLen] } : NETLINK_PARAMS.iov.parse(iovText);
  if (!iov.ok)
    return {
      msghdrResult: null,
      msghdrIssue: { field: 'iov', message: iov.issue.message, msg: iov.issue.msg },
    };
  const cmsgs: { level: string; type: string; dataLen: number }[] = [];
  for (const c of f.cmsgs) {
    if (!/^\d+$/.test(c.len.trim()) || Number(c.len) > CMSG_DATA_MAX)
      return {
        msghdrResult: null,
        msghdrIssue: {
          field: 'cmsg',
          message: `${c.type}: a data length of 0 to ${CMSG_DATA_MAX} bytes.`,
          msg: msg(HM.cmsgLen, { type: c.type, max: CMSG_DATA_MAX }),
        },
      };
    cmsgs.push({ level: c.level, type: c.type, dataLen: Number(c.len) });
  }
  return {
    msghdrResult: msghdrLayout({ iovLens: iov.value, cmsgs, namelen: 12 }),
    msghdrIssue: null,
  };
}

export const EMPTY_RESULT: NlDecodeResult = { messages: [], walk: [], diagnostics: [], truncated: false };

export function sampleById(id: string) {
  return NETLINK_SAMPLES.find((s) => s.id === id);
}

const clampSelected = (i: number, r: NlDecodeResult) => Math.max(0, Math.min(i, r.messages.length - 1));
const clampWalk = (i: number | null, r: NlDecodeResult) =>
  i === null || r.walk.length === 0 ? null : Math.max(0, Math.min(i, r.walk.length - 1));

function layoutOf(items: readonly BuilderItem[], family: NlFamily, endian: Endian): BuilderLayout {
  const offsets = new Map<number, number>();
  const lengths = new Map<number, number>();
  let o = 0;
  for (const it of items) {
    offsets.set(o, it.id);
    if (it.kind === 'raw') o += it.hex.replace(/\s/g, '').length / 2;
    else {
      const e = builderItemBytes(it, family, endian);
      if (!e.ok) continue;
      o += e.bytes.length;
      const d = new DataView(e.bytes.buffer, e.bytes.byteOffset, e.bytes.byteLength);
      if (e.bytes.length >= 4) lengths.set(it.id, d.getUint32(0, endian === 'le'));
    }
  }
  return { offsets, lengths };
}

/**
 * The derived half of the model from the truth, recomputing each piece only when what it depends
 * on changed since `prev` (so a click on a message does not decode the buffer again).
 */
export function deriveNetlink(truth: NetlinkTruth, prev: NetlinkModel | null): NetlinkModel {
  // The same bytes typed again (a space, a digit put back) are the buffer already decoded: keep
  // its object, so nothing below that depends on the bytes is made again.
  const t =
    prev && truth.bytes !== prev.bytes && sameBytes(truth.bytes, prev.bytes)
      ? {
          ...truth,
          bytes: prev.bytes,
          // Rows typed in the builder that encode to these bytes stay the rows on show.
          builderOf:
            truth.builderOf?.bytes === truth.bytes
              ? { ...truth.builderOf, bytes: prev.bytes }
              : truth.builderOf,
        }
      : truth;
  const same = <K extends keyof NetlinkTruth>(...keys: K[]) =>
    prev !== null && keys.every((k) => prev[k] === t[k]);
  let result = prev?.result ?? EMPTY_RESULT;
  let modelError = prev?.modelError ?? null;
  if (!same('bytes', 'family', 'endian', 'truncated')) {
    try {
      result = decodeNetlink(t.bytes, { family: t.family, endian: t.endian, truncated: t.truncated });
      modelError = null;
    } catch (e) {
      modelError = e instanceof Error ? e.message : String(e);
    }
  }
  const decoded = result !== prev?.result;
  const hexText =
    t.hexDraft ?? (prev && same('bytes') && prev.hexDraft === null ? prev.hexText : formatHex(t.bytes));
  const hex = t.hexDraft === null ? null : readHex(t.hexDraft);
  const model: Omit<NetlinkModel, 'builder' | 'builderLayout'> = {
    ...t,
    selected: clampSelected(t.selected, result),
    walk: clampWalk(t.walk, result),
    result,
    hexText,
    hexError: t.hexRefused ? renderText(t.hexRefused, 'en') : hex && !hex.ok ? hex.why : null,
    hexErrorMsg: t.hexRefused ?? (hex && !hex.ok ? (hex.msg ?? null) : null),
    builderIssues: t.builderDraft?.issues ?? [],
    ...(prev && same('split')
      ? { splitResult: prev.splitResult, splitIssues: prev.splitIssues }
      : splitOf(t.split)),
    // The msghdr diagram reads only the buffer's length.
    ...(prev && same('msghdr') && prev.bytes.length === t.bytes.length
      ? { msghdrResult: prev.msghdrResult, msghdrIssue: prev.msghdrIssue }
      : msghdrOf(t.msghdr, t.bytes.length)),
    modelError,
  };
  return withBuilder(model, t, prev, {
    decoded,
    unchanged: same('bytes', 'family', 'endian', 'builderDraft', 'builderOf'),
    sameHow: same('family', 'endian'),
  });
}

/**
 * What a store remembers across its models: the builder rows last made (the next rows made from
 * bytes keep their ids and objects where the bytes are the same), and how many models it made.
 */
interface BuilderMemory {
  last: { items: readonly BuilderItem[]; family: NlFamily; endian: Endian; n: number } | null;
  n: number;
}
const MEMORY = Symbol('builder memory');
type WithMemory = { [MEMORY]?: BuilderMemory };

/**
 * A value made the first time it is read, then kept (the getter lets go of what it was made from).
 * Enumerable, so a copy of the model (a spread, zustand's merge) reads it like any other field.
 */
function lazyField<T extends object, V>(obj: T, key: PropertyKey, make: () => V) {
  let f: (() => V) | null = make;
  let value: V;
  unmade.set(obj, (unmade.get(obj) ?? new Set()).add(key));
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get() {
      if (f) {
        const m = f;
        f = null;
        unmade.get(obj)?.delete(key);
        value = m();
      }
      return value;
    },
  });
}
const unmade = new WeakMap<object, Set<PropertyKey>>();

/** A field's value if it is made (a lazy one not yet read: undefined, and it stays unmade). */
const made = <T extends object, K extends keyof T>(obj: T, key: K): T[K] | undefined =>
  unmade.get(obj)?.has(key) ? undefined : obj[key];

/**
 * The builder rows and where they sit, made when first read (issue 17): a keystroke in the hex
 * editor decodes the buffer and paints the message on show; the rows of the bytes (each read
 * message encoded back, to be sure it gives the same bytes) are made when the builder next
 * renders, in the render after the edit's own (NetlinkLab defers the builder), or when an
 * action asks for them. Rows typed in the builder, and drafts, are what they are.
 */
function withBuilder(
  model: Omit<NetlinkModel, 'builder' | 'builderLayout'>,
  t: NetlinkTruth,
  prev: NetlinkModel | null,
  how: { decoded: boolean; unchanged: boolean; sameHow: boolean },
): NetlinkModel {
  const memory: BuilderMemory = (prev as WithMemory | null)?.[MEMORY] ?? { last: null, n: 0 };
  const n = ++memory.n;
  Object.defineProperty(model, MEMORY, { value: memory, enumerable: false });
  const remember = (items: readonly BuilderItem[]) => {
    if (!memory.last || memory.last.n < n) memory.last = { items, family: t.family, endian: t.endian, n };
  };
  const of = t.builderOf;
  const out = model as NetlinkModel;
  if (t.builderDraft || (of && of.bytes === t.bytes && of.family === t.family && of.endian === t.endian)) {
    const items = t.builderDraft?.items ?? of!.items;
    remember(items);
    const reuse = prev && how.sameHow && made(prev, 'builder') === items;
    out.builder = items;
    lazyField(out, 'builderLayout', () => (reuse ? prev.builderLayout : layoutOf(items, t.family, t.endian)));
  } else if (prev && !how.decoded && how.unchanged) {
    // Nothing the rows depend on changed: the rows of the model before (made when they are read).
    const before = prev;
    lazyField(out, 'builder', () => before.builder);
    lazyField(out, 'builderLayout', () => before.builderLayout);
  } else {
    // The rows of the bytes, keeping the rows last made for messages whose bytes did not change.
    lazyField(out, 'builder', () => {
      const items = builderFromBytes(t.bytes, out.result, t.family, t.endian, memory.last ?? undefined);
      remember(items);
      return items;
    });
    lazyField(out, 'builderLayout', () => layoutOf(out.builder, t.family, t.endian));
  }
  return out;
}

/** Whether two buffers hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The keys of the truth, each once (a key missing here fails to compile below). */
const TRUTH_KEYS = [
  'bytes',
  ...CHOICE_KEYS,
  'hexDraft',
  'hexRefused',
  'builderDraft',
  'builderOf',
  'issues',
] as const satisfies readonly (keyof NetlinkTruth)[];
const EVERY_TRUTH_KEY: Exclude<keyof NetlinkTruth, (typeof TRUTH_KEYS)[number]> extends never ? true : never =
  true;
void EVERY_TRUTH_KEY;

/** The truth of a model (what an action changes before deriving again). */
export function truthOf(m: NetlinkModel): NetlinkTruth {
  return Object.fromEntries(TRUTH_KEYS.map((k) => [k, m[k]])) as unknown as NetlinkTruth;
}

/** Every diagnostic of the buffer: the buffer's own, then each message's. */
export const allDiagnostics = (r: NlDecodeResult) => [
  ...r.diagnostics,
  ...r.messages.flatMap((m) => m.diagnostics),
];
