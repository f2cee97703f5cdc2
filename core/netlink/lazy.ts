/**
 * Values rendered when asked for. Decoding walks every header and attribute and finds every
 * problem, but turns bytes into text (hex, strings, addresses) only when a caller reads a field's
 * `value` or `display`: a 1 MiB payload costs nothing until someone looks at it, and a payload
 * shown twice (the attribute and its payload field) is rendered once.
 */
import { hexPreview, toHex, byteHex } from '../hex/index.ts';
import type { NlAttr, NlField } from './types.ts';

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
  | 'ip';

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
  #value: string | undefined;
  #display: string | undefined;
  constructor(
    readonly bytes: Uint8Array,
    readonly start: number,
    readonly end: number,
    readonly render: Render,
    /** `part`: the length the attribute claims; `note`: the display text. */
    readonly extra: number | string = 0,
  ) {}

  get value(): string {
    if (this.#value === undefined) {
      const { bytes: b, start: s, end: e } = this;
      if (this.render === 'string') this.#value = cString(b, s, e).text;
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
          this.#display = this.value;
          break;
        case 'part':
          this.#display = `${n} of ${Number(this.extra) - 4} bytes`;
          break;
        case 'note':
          this.#display = String(this.extra);
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
  get value(): string {
    return this.lazy.value;
  }
  get display(): string {
    return this.lazy.display;
  }
  toJSON(): NlField {
    const { name, offset, size, value, display, kind } = this;
    return { name, offset, size, value, display, kind };
  }
}

/** A field with a known value (a header member, an integer): display made on first access. */
export class NumberField implements NlField {
  #display: string | undefined;
  constructor(
    readonly name: string,
    readonly offset: number,
    readonly size: number,
    readonly value: number | bigint,
    readonly kind: NlField['kind'],
    /** Turns the value into its display; `String` when not given. */
    private readonly show?: (v: number | bigint) => string,
  ) {}
  get display(): string {
    this.#display ??= this.show ? this.show(this.value) : String(this.value);
    return this.#display;
  }
  set display(d: string) {
    this.#display = d;
  }
  toJSON(): NlField {
    const { name, offset, size, value, display, kind } = this;
    return { name, offset, size, value, display, kind };
  }
}

/** One decoded attribute; its value and display are rendered on first access when lazy. */
export class AttrNode implements NlAttr {
  nested?: boolean;
  netByteorder?: boolean;
  children?: NlAttr[];
  kind?: string;
  enum?: string;
  padding = 0;
  #value: string | number | bigint | undefined;
  #display: string | undefined;
  #lazy: LazyValue | undefined;
  constructor(
    readonly offset: number,
    readonly len: number,
    readonly type: number,
    readonly name: string,
    readonly fields: NlField[],
  ) {}
  get value(): string | number | bigint | undefined {
    return this.#lazy ? this.#lazy.value : this.#value;
  }
  set value(v: string | number | bigint | undefined) {
    this.#lazy = undefined;
    this.#value = v;
  }
  get display(): string | undefined {
    return this.#display ?? this.#lazy?.display;
  }
  set display(d: string | undefined) {
    this.#display = d;
  }
  /** Value and display from a LazyValue (the display may still be overridden). */
  setLazy(l: LazyValue): void {
    this.#lazy = l;
    this.#value = undefined;
  }
  toJSON(): NlAttr {
    const out: NlAttr = {
      offset: this.offset,
      len: this.len,
      type: this.type,
      name: this.name,
      padding: this.padding,
      fields: this.fields,
    };
    for (const k of ['nested', 'netByteorder', 'children', 'kind', 'enum'] as const)
      if (this[k] !== undefined) Object.assign(out, { [k]: this[k] });
    if (this.value !== undefined) out.value = this.value;
    if (this.display !== undefined) out.display = this.display;
    return out;
  }
}
