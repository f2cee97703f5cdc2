/**
 * core/hex — the project's one hex module: bytes to hex text and back, for the CLI, the labs and
 * every decoder. Large buffers are rendered through a lookup table and one TextDecoder call (no
 * string built by `+=`), so a 1 MiB payload costs a few milliseconds; parsing is one pass.
 * Every function takes any JavaScript value and never throws.
 */

/** The two hex digits of each byte value, `00`…`ff`. */
export const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, '0'),
);

/** Char codes of the two digits of each byte, packed (high digit in the low 8 bits). */
const PAIR = new Uint16Array(256);
for (let i = 0; i < 256; i++) {
  const s = HEX_BYTE[i] as string;
  PAIR[i] = s.charCodeAt(0) | (s.charCodeAt(1) << 8);
}
const ascii = new TextDecoder();

/**
 * A real Uint8Array (or Buffer). ArrayBuffer.isView reads an internal slot, so a Proxy posing as
 * bytes is refused without running any of its traps.
 */
export const isBytes = (b: unknown): b is Uint8Array => ArrayBuffer.isView(b) && b instanceof Uint8Array;

/** Clamp a range to [0, length] (any value that is not a finite number means "the end"). */
function range(len: number, start: unknown, end: unknown): [number, number] {
  const s =
    typeof start === 'number' && Number.isFinite(start) ? Math.max(0, Math.min(len, Math.trunc(start))) : 0;
  const e =
    typeof end === 'number' && Number.isFinite(end) ? Math.max(s, Math.min(len, Math.trunc(end))) : len;
  return [s, e];
}

/** Two hex digits of a byte (`0a`); values outside 0..255 are taken modulo 256, as a C cast does. */
export function byteHex(n: number): string {
  return HEX_BYTE[(typeof n === 'number' && Number.isFinite(n) ? n : 0) & 0xff] as string;
}

/** `0x` and the hex digits of an unsigned number, zero-padded to `width` digits (`0x0a`, `0x300`). */
export function hexNumber(n: number | bigint, width = 0): string {
  let v: bigint;
  if (typeof n === 'bigint') v = n < 0n ? 0n : n;
  else if (typeof n === 'number' && Number.isFinite(n)) v = BigInt(Math.max(0, Math.trunc(n)));
  else v = 0n;
  const w =
    typeof width === 'number' && Number.isFinite(width) ? Math.max(0, Math.min(64, Math.trunc(width))) : 0;
  return `0x${v.toString(16).padStart(w, '0')}`;
}

/** The bytes [start, end) as plain hex, two digits each, nothing between (`0a000001`). */
export function toHex(b: Uint8Array, start?: number, end?: number): string {
  if (!isBytes(b)) return '';
  const [s, e] = range(b.length, start, end);
  const n = e - s;
  if (n <= 0) return '';
  if (n <= 16) {
    let out = '';
    for (let i = s; i < e; i++) out += HEX_BYTE[b[i] as number];
    return out;
  }
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) codes[i] = PAIR[b[s + i] as number] as number;
  return ascii.decode(new Uint8Array(codes.buffer));
}

/**
 * The first `max` bytes of [start, end) as hex with `…` when there are more: what a table cell
 * or a one-line display shows of a long payload.
 */
export function hexPreview(b: Uint8Array, start: number, end: number, max: number): string {
  if (!isBytes(b)) return '';
  const [s, e] = range(b.length, start, end);
  const m = typeof max === 'number' && max >= 0 ? Math.trunc(max) : e - s;
  return e - s > m ? `${toHex(b, s, s + m)}…` : toHex(b, s, e);
}

/** Hex with a separator between bytes (`0a 00 00 01`), as people type it into a form. */
export function hexSpaced(b: Uint8Array, sep = ' '): string {
  if (!isBytes(b) || b.length === 0) return '';
  const step = typeof sep === 'string' ? sep : ' ';
  const parts = new Array<string>(b.length);
  for (let i = 0; i < b.length; i++) parts[i] = HEX_BYTE[b[i] as number] as string;
  return parts.join(step);
}

/** The value of a hex digit's char code, or -1. */
function digit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}
/** Separators people paste between bytes: whitespace , : ; - */
const isSep = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 44 ||
  c === 58 ||
  c === 59 ||
  c === 45 ||
  (c > 127 && /\s/.test(String.fromCharCode(c)));

/**
 * Why text is not hex: `why` in English (machines, the JSON), and what it is made of — `code`
 * and `at` (the character, or the count of digits) — for core/hex/messages.ts to say it in the
 * reader's language.
 */
export interface HexFailure {
  ok: false;
  why: string;
  code: 'not-text' | 'char' | 'odd';
  at: string | number;
}

export type HexParse = { ok: true; bytes: Uint8Array } | HexFailure;

/**
 * Hex text to bytes. Separators (whitespace , : ; -) and `0x` / `\x` prefixes are ignored, so
 * `0a:00`, `0x0a 0x00`, `\x0a\x00` and a `hexdump`-like column all parse. One pass, no regex.
 */
export function parseHex(s: string): HexParse {
  if (typeof s !== 'string') return { ok: false, why: 'not hex: expected text', code: 'not-text', at: '' };
  const out = new Uint8Array(s.length >> 1);
  let n = 0;
  let hi = -1;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1) | 0x20;
    if ((c === 48 || c === 92) && next === 0x78) {
      // `0x` or `\x` (any case) is a prefix, never data.
      i++;
      continue;
    }
    if (isSep(c)) continue;
    const d = digit(c);
    if (d < 0) {
      const ch = String.fromCodePoint(s.codePointAt(i) ?? c);
      return { ok: false, why: `not hex: unexpected character "${ch}"`, code: 'char', at: ch };
    }
    digits++;
    if (hi < 0) hi = d;
    else {
      out[n++] = (hi << 4) | d;
      hi = -1;
    }
  }
  if (hi >= 0)
    return {
      ok: false,
      why: `odd number of hex digits (${digits}): a byte needs two`,
      code: 'odd',
      at: digits,
    };
  return { ok: true, bytes: n === out.length ? out : out.slice(0, n) };
}

/** `hexdump -C`-like lines, 16 bytes each, for the CLI. */
export function hexDump(b: Uint8Array): string {
  if (!isBytes(b)) return '';
  const lines: string[] = [];
  for (let i = 0; i < b.length; i += 16) {
    const row = b.subarray(i, i + 16);
    let text = '';
    for (const x of row) text += x >= 32 && x < 127 ? String.fromCharCode(x) : '.';
    lines.push(`${i.toString(16).padStart(8, '0')}  ${hexSpaced(row).padEnd(47)}  |${text}|`);
  }
  return lines.join('\n');
}
