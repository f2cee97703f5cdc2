/**
 * One decoded attribute. Its place, length, type, name and children are known when it is built;
 * its fields (nla_len, nla_type, the payload's members, the padding) and its value and display
 * are made the first time they are read, so a dump's 75,000 fields cost nothing until drawn.
 */
import { NLA_F_NESTED, NLA_F_NET_BYTEORDER } from './constants.ts';
import type { DecodeInput } from './decode-context.ts';
import type { AttrDef } from './families.ts';
import { NumberField, ShownField, type LazyValue, type Show } from './lazy.ts';
import { leafFields, partField, structFields } from './values.ts';
import type { NlAttr, NlField } from './types.ts';
import { msg, renderText, type Msg } from '../i18n/index.ts';
import { DISPLAY } from './display-messages.ts';

/** What the payload turned out to be, which decides the fields it is drawn as. */
export type AttrShape =
  /** A leaf value (integer, string, struct, bytes…). */
  | 'leaf'
  /** Nested attributes. */
  | 'nest'
  /** A struct, then nested attributes (VETH_INFO_PEER). */
  | 'header-nest'
  /** nla_len runs past its container: only what is there. */
  | 'cut';

const showType: Show = (v, name) => {
  const n = Number(v);
  return `${n} (${name}${n & NLA_F_NESTED ? ' | NLA_F_NESTED' : ''}${n & NLA_F_NET_BYTEORDER ? ' | NLA_F_NET_BYTEORDER' : ''})`;
};

export class AttrNode implements NlAttr {
  nested?: boolean;
  netByteorder?: boolean;
  children?: NlAttr[];
  kind?: string;
  enum?: string;
  padding = 0;
  readonly offset: number;
  readonly len: number;
  readonly type: number;
  readonly name: string;
  /** nla_type as stored, NLA_F_* bits included. */
  readonly rawType: number;
  #input: DecodeInput;
  /** What the payload is; with `cut`, `#end` is where the container stops. */
  #shape: AttrShape = 'leaf';
  #end = 0;
  /** The policy the payload was read by (after IFLA_INFO_KIND picked one). */
  #def: AttrDef | undefined;
  #leaf: LazyValue | undefined;
  #display: string | undefined;
  #displayMsg: Msg | undefined;
  #fields: NlField[] | undefined;

  constructor(input: DecodeInput, offset: number, len: number, rawType: number, type: number, name: string) {
    this.#input = input;
    this.offset = offset;
    this.len = len;
    this.rawType = rawType;
    this.type = type;
    this.name = name;
  }

  /** What the payload turned out to be, read by policy `def`; `end`: where a `cut` container stops. */
  setShape(shape: AttrShape, def: AttrDef | undefined, end = 0): void {
    this.#shape = shape;
    this.#def = def;
    this.#end = end;
  }

  /** The leaf's value (rendered when read). */
  setLeaf(v: LazyValue): void {
    this.#leaf = v;
  }
  get value(): string | number | bigint | undefined {
    return this.#leaf?.value;
  }
  get display(): string | undefined {
    // A display given as a message is rendered (in English) when first read, not while decoding.
    if (this.#display === undefined && this.#displayMsg !== undefined)
      this.#display = renderText(this.#displayMsg, 'en');
    return this.#display ?? this.#leaf?.display;
  }
  set display(d: string | undefined) {
    this.#display = d;
    this.#displayMsg = undefined;
  }
  get displayMsg(): Msg | undefined {
    return this.#display !== undefined || this.#displayMsg !== undefined
      ? this.#displayMsg
      : this.#leaf?.displayMsg;
  }
  /** A display with words: the message, and its English when `display` is read. */
  showMsg(m: Msg): void {
    this.#display = undefined;
    this.#displayMsg = m;
  }

  get fields(): NlField[] {
    this.#fields ??= this.#makeFields();
    return this.#fields;
  }

  #makeFields(): NlField[] {
    const { offset: off, len } = this;
    const input = this.#input;
    const out: NlField[] = [
      new NumberField('nla_len', off, 2, len, 'attr-header'),
      new ShownField('nla_type', off + 2, 2, this.rawType, 'attr-header', showType, this.name),
    ];
    if (this.#shape === 'cut') {
      out.push(partField(input, off + 4, this.#end, len));
      return out;
    }
    const def = this.#def;
    if (this.#shape === 'header-nest' && def?.header)
      out.push(...structFields(input, def.header, off + 4, off + len, 'family-header'));
    else if (this.#shape === 'leaf' && this.#leaf)
      out.push(...leafFields(input, def, off + 4, off + len, this.#leaf));
    if (this.padding > 0)
      out.push(
        new NumberField('(padding)', off + len, this.padding, this.padding, 'pad', msg(DISPLAY.padding)),
      );
    return out;
  }

  toJSON(): NlAttr {
    const out: NlAttr = {
      offset: this.offset,
      len: this.len,
      type: this.type,
      rawType: this.rawType,
      name: this.name,
      padding: this.padding,
      fields: this.fields,
    };
    if (this.nested !== undefined) out.nested = this.nested;
    if (this.netByteorder !== undefined) out.netByteorder = this.netByteorder;
    if (this.children !== undefined) out.children = this.children;
    if (this.kind !== undefined) out.kind = this.kind;
    if (this.enum !== undefined) out.enum = this.enum;
    if (this.value !== undefined) out.value = this.value;
    if (this.display !== undefined) out.display = this.display;
    return out;
  }
}
