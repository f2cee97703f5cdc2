/**
 * Values rendered when asked for. Decoding walks every header and attribute and finds every
 * problem, but turns bytes into text (hex, strings, addresses) only when a caller reads a field's
 * `value` or `display`: a 1 MiB payload costs nothing until someone looks at it, and a payload
 * shown twice (the attribute and its payload field) is rendered once.
 */
import { hexPreview, toHex, byteHex } from '../hex/index.ts';
import { msg, renderText, type Msg } from '../i18n/index.ts';
import { DISPLAY } from './display-messages.ts';
import type { NlField } from './types.ts';

/** A display given as a message: its English (the `display`), and the message (the `displayMsg`). */
export type Shown = string | Msg;
const en = (d: Shown): string => (typeof d === 'string' ? d : renderText(d, 'en'));
const asMsg = (d: Shown | undefined): Msg | undefined =>
  d === undefined || typeof d === 'string' ? undefined : d;

/** How a byte range reads: its `value` and the one-line `display` a table shows. */
export type Render =
  /** value: all bytes as hex; display: `N bytes: <first 32 as hex>…`, or `(empty)`. */
  | 'bytes'
  /** value: hex; display: `N bytes: <first 32 as hex>…`, even for none. */
  | 'count'
  /** value: hex; display: `N of M bytes` (an attribute cut by its container). */
  | 'part'
  /** value: hex; display: the note given. */
  | 'note'
  /** value: the C string up to the first NUL; display: quoted, `(no NUL)` when there is none. */
  | 'string'
  | 'mac'
  | 'ip'
  /** An integer of 1, 2, 4 or 8 bytes (`extra` from intCode); display: its decimal digits. */
  | 'int'
  /** A flag attribute without payload: value 1, display `(flag)`. */
  | 'flag';

/** `extra` of an `int` render: size, signedness and byte order in one number. */
export const intCode = (size: number, signed: boolean, le: boolean): number =>
  size * 4 + (signed ? 2 : 0) + (le ? 1 : 0);

/** The integer of `size` bytes at `at` (8 bytes as a bigint), read from the bytes themselves. */
export function intAt(
  b: Uint8Array,
  at: number,
  size: number,
  signed: boolean,
  le: boolean,
): number | bigint {
  if (size === 8) {
    const dv = new DataView(b.buffer, b.byteOffset + at, 8);
    return signed ? dv.getBigInt64(0, le) : dv.getBigUint64(0, le);
  }
  let v = 0;
  for (let i = 0; i < size; i++) v = v * 256 + (b[at + (le ? size - 1 - i : i)] as number);
  if (signed && v >= 2 ** (size * 8 - 1)) v -= 2 ** (size * 8);
  return v;
}

const PREVIEW = 32;

/** Text of the bytes [s, e) up to the first NUL (Latin-1, one char per byte), and whether a NUL ended it. */
export function cString(b: Uint8Array, s: number, e: number): { text: string; nul: boolean } {
  let i = s;
  while (i < e && b[i] !== 0) i++;
  let text = '';
  // In chunks: String.fromCharCode with many arguments, never one char per `+=`.
  for (let k = s; k < i; k += 8192) text += String.fromCharCode(...b.subarray(k, Math.min(i, k + 8192)));
  return { text, nul: i < e };
}

/** RFC 5952 text of an IPv4 (4 bytes) or IPv6 (16 bytes) address; other lengths as hex. */
export function ipText(b: Uint8Array, s: number, e: number): string {
  if (e - s === 4) return `${b[s]}.${b[s + 1]}.${b[s + 2]}.${b[s + 3]}`;
  if (e - s !== 16) return toHex(b, s, e);
  const g: string[] = [];
  for (let i = s; i < e; i += 2) g.push((((b[i] as number) << 8) | (b[i + 1] as number)).toString(16));
  // Collapse the longest run (of two or more) of zero groups.
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && g[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j > i ? j : i + 1;
  }
  if (best < 0) return g.join(':');
  return `${g.slice(0, best).join(':')}::${g.slice(best + bestLen).join(':')}`;
}

/** A byte range's value and display, each rendered on first access and then kept. */
export class LazyValue {
  #value: string | number | bigint | undefined;
  #display: string | undefined;
  constructor(
    readonly bytes: Uint8Array,
    readonly start: number,
    readonly end: number,
    readonly render: Render,
    /** `part`: the length the attribute claims; `note`: the display text (or message); `int`: intCode. */
    readonly extra: number | Shown = 0,
  ) {}

  /** The display as a message, when it has words (`N bytes: …`, `(flag)`…); undefined for a value. */
  get displayMsg(): Msg | undefined {
    const { bytes: b, start: s, end: e } = this;
    const n = e - s;
    switch (this.render) {
      case 'string': {
        const c = cString(b, s, e);
        return c.nul ? undefined : msg(DISPLAY.noNul, { text: JSON.stringify(c.text) });
      }
      case 'flag':
        return msg(DISPLAY.flag);
      case 'part':
        return msg(DISPLAY.part, { n, m: Number(this.extra) - 4 });
      case 'note':
        return typeof this.extra === 'object' ? this.extra : undefined;
      case 'count':
        return msg(DISPLAY.bytes, { n, hex: hexPreview(b, s, e, PREVIEW) });
      case 'bytes':
        return n ? msg(DISPLAY.bytes, { n, hex: hexPreview(b, s, e, PREVIEW) }) : msg(DISPLAY.empty);
      default:
        return undefined;
    }
  }

  get value(): string | number | bigint {
    if (this.#value === undefined) {
      const { bytes: b, start: s, end: e } = this;
      if (this.render === 'int') {
        const c = Number(this.extra);
        this.#value = intAt(b, s, c >> 2, (c & 2) !== 0, (c & 1) !== 0);
      } else if (this.render === 'flag') this.#value = 1;
      else if (this.render === 'string') this.#value = cString(b, s, e).text;
      else if (this.render === 'mac') this.#value = macText(b, s, e);
      else if (this.render === 'ip') this.#value = ipText(b, s, e);
      else this.#value = toHex(b, s, e);
    }
    return this.#value;
  }

  get display(): string {
    if (this.#display === undefined) {
      const { bytes: b, start: s, end: e } = this;
      const n = e - s;
      switch (this.render) {
        case 'string': {
          const c = cString(b, s, e);
          this.#display = JSON.stringify(c.text) + (c.nul ? '' : ' (no NUL)');
          break;
        }
        case 'mac':
        case 'ip':
        case 'int':
          this.#display = this.value.toString();
          break;
        case 'flag':
          this.#display = '(flag)';
          break;
        case 'part':
          this.#display = `${n} of ${Number(this.extra) - 4} bytes`;
          break;
        case 'note':
          this.#display = typeof this.extra === 'number' ? String(this.extra) : en(this.extra);
          break;
        case 'count':
          this.#display = `${n} bytes: ${hexPreview(b, s, e, PREVIEW)}`;
          break;
        default:
          this.#display = n ? `${n} bytes: ${hexPreview(b, s, e, PREVIEW)}` : '(empty)';
      }
    }
    return this.#display;
  }
}

function macText(b: Uint8Array, s: number, e: number): string {
  const parts: string[] = [];
  for (let i = s; i < e; i++) parts.push(byteHex(b[i] as number));
  return parts.join(':');
}

/** One field whose value and display come from a LazyValue (payloads, strings, addresses). */
export class LazyField implements NlField {
  constructor(
    readonly name: string,
    readonly offset: number,
    readonly size: number,
    readonly kind: NlField['kind'],
    readonly lazy: LazyValue,
  ) {}
  get value(): string | number | bigint {
    return this.lazy.value;
  }
  get display(): string {
    return this.lazy.display;
  }
  get displayMsg(): Msg | undefined {
    return this.lazy.displayMsg;
  }
  toJSON(): NlField {
    const { name, offset, size, value, display, kind } = this;
    return { name, offset, size, value, display, kind };
  }
}

/** Turns a field's value (and the note the field carries) into its display (words as a message). */
export type Show = (v: number | bigint, note: string) => Shown;

/** A field with a known value (a header member, an integer): its decimal digits made on first read. */
export class NumberField implements NlField {
  #display: string | undefined;
  #displayMsg: Msg | undefined;
  #rendered = false;
  constructor(
    readonly name: string,
    readonly offset: number,
    readonly size: number,
    readonly value: number | bigint,
    readonly kind: NlField['kind'],
    /** A fixed display (`NLA_ALIGN padding`) instead of the number. */
    display?: Shown,
  ) {
    if (display !== undefined) this.#set(display);
  }
  #set(d: Shown): void {
    this.#display = en(d);
    this.#displayMsg = asMsg(d);
    this.#rendered = true;
  }
  get display(): string {
    if (!this.#rendered) this.#set(this.render());
    return this.#display as string;
  }
  set display(d: string) {
    this.#set(d);
  }
  get displayMsg(): Msg | undefined {
    if (!this.#rendered) this.#set(this.render());
    return this.#displayMsg;
  }
  protected render(): Shown {
    return this.value.toString();
  }
  toJSON(): NlField {
    const { name, offset, size, value, display, kind } = this;
    return { name, offset, size, value, display, kind };
  }
}

/** A field whose display names its value (`16 (RTM_NEWLINK)`, `0x2 (NLM_F_MULTI)`), made on first read. */
export class ShownField extends NumberField {
  #show: Show;
  #note: string;
  constructor(
    name: string,
    offset: number,
    size: number,
    value: number | bigint,
    kind: NlField['kind'],
    show: Show,
    note = '',
  ) {
    super(name, offset, size, value, kind);
    this.#show = show;
    this.#note = note;
  }
  protected override render(): Shown {
    return this.#show(this.value, this.#note);
  }
}
