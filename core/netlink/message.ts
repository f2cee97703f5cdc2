/**
 * One message: struct nlmsghdr, then by type the nlmsgerr of netlink_ack, the int of
 * netlink_dump_done, a control message's payload, or the family header (NLMSG_ALIGNed) and the
 * attributes at nlmsg_attrdata (include/net/netlink.h). A message found by the first,
 * validating pass is a MessageNode: its header fields and attributes are built when first read.
 */
import { NLMSG_DONE, NLMSG_ERROR, NLMSG_HDRLEN, NLMSG_NOOP, NLMSG_OVERRUN, nlmsgAlign } from './constants.ts';
import { newCtx, type Ctx, type DecodeInput } from './decode-context.ts';
import { diag, paddingProblem } from './diagnostics.ts';
import { NLMSGERR_ATTRS, messageSchema, messageTypeName, structSize, type StructDef } from './families.ts';
import { decodeAttrs } from './attrs.ts';
import { decodeError } from './error.ts';
import { NumberField, ShownField, type Show } from './lazy.ts';
import { flagDiagnostics, flagInType } from './message-flags.ts';
import { errnoText, flagNamesFor, genlCmdName } from './names.ts';
import { payloadField, structFields } from './values.ts';
import type { NlAttr, NlDiagnostic, NlFamily, NlField, NlMessage } from './types.ts';
import { hexNumber } from '../hex/index.ts';
import { msg } from '../i18n/index.ts';
import { DISPLAY } from './display-messages.ts';

type FamilyHeader = NonNullable<NlMessage['familyHeader']>;

const showType: Show = (v, name) => `${v} (${name})`;
const showFlags: Show = (v, names) => (names ? `${hexNumber(v)} (${names})` : hexNumber(v));

/** The nlmsghdr fields that are in the buffer. */
function headerFields(m: NlMessage, bufLen: number): NlField[] {
  const { offset: off, type, flags } = m;
  const all = [
    new NumberField('nlmsg_len', off, 4, m.len, 'len'),
    new ShownField('nlmsg_type', off + 4, 2, type, 'type', showType, m.typeName),
    new ShownField('nlmsg_flags', off + 6, 2, flags, 'flags', showFlags, m.flagNames.join('|')),
    new NumberField('nlmsg_seq', off + 8, 4, m.seq, 'seq'),
    new NumberField('nlmsg_pid', off + 12, 4, m.pid, 'pid'),
  ];
  return all.filter((f) => f.offset + f.size <= bufLen);
}

const NO_NAMES: string[] = [];
const NO_FIELDS: NlField[] = [];
const NO_ATTRS: NlAttr[] = [];

/** genlmsghdr.cmd, which names the flags of a GENL_ID_CTRL message (undefined elsewhere). */
const genlCmdAt = (bytes: Uint8Array, family: NlFamily, type: number, off: number, end: number) =>
  family === 'generic' && type >= 0x10 && end - off > 16 ? bytes[off + 16] : undefined;

/**
 * Decode the message at `off` whose nlmsg_len is `nlmsgLen` and whose bytes stop at `end`; `cut`
 * when the buffer was truncated inside it. In a validating pass (`ctx.build` false) only the
 * header numbers and the diagnostics are filled in.
 */
export function decodeMessage(ctx: Ctx, off: number, nlmsgLen: number, end: number, cut: boolean): NlMessage {
  const { dv, le, family, bytes } = ctx;
  const have = bytes.length - off;
  const type = have >= 6 ? dv.getUint16(off + 4, le) : 0;
  const flags = have >= 8 ? dv.getUint16(off + 6, le) : 0;
  const genlCmd = genlCmdAt(bytes, family, type, off, end);
  const m: NlMessage = {
    offset: off,
    len: nlmsgLen,
    type,
    typeName: messageTypeName(type, family),
    flags,
    // Flag names are for display: the validating pass leaves them to MessageNode.
    flagNames: ctx.build ? flagNamesFor(type, flags, family, genlCmd) : NO_NAMES,
    seq: have >= 12 ? dv.getUint32(off + 8, le) : 0,
    pid: have >= 16 ? dv.getUint32(off + 12, le) : 0,
    header: ctx.build ? [] : NO_FIELDS,
    attributes: ctx.build ? [] : NO_ATTRS,
    diagnostics: [],
    padding: 0,
  };
  if (ctx.build) m.header = headerFields(m, bytes.length);
  if (nlmsgLen < NLMSG_HDRLEN) return m;
  const pStart = off + NLMSG_HDRLEN;
  const pEnd = Math.min(end, bytes.length);
  flagDiagnostics(m, family, genlCmd, m.diagnostics);
  if (type === NLMSG_ERROR) decodeError(ctx, m, pStart, pEnd, cut, decodeMessage);
  else if (type === NLMSG_DONE) decodeDone(ctx, m, pStart, pEnd, cut);
  else if (type < 0x10) decodeControl(ctx, m, pStart, pEnd);
  else decodeFamily(ctx, m, pStart, pEnd, cut);
  return m;
}

const payloadHeader = (ctx: Ctx, start: number, end: number): FamilyHeader => ({
  name: 'payload',
  offset: start,
  size: end - start,
  fields: [payloadField(ctx, start, end)],
});

const doneDisplay: Show = (st) =>
  st === 0 ? msg(DISPLAY.complete) : `${st} (${errnoText(-Number(st)).name})`;

/** netlink_dump_done (net/netlink/af_netlink.c): an int, the dump's final status, then maybe extack TLVs. */
function decodeDone(ctx: Ctx, m: NlMessage, pStart: number, pEnd: number, cut: boolean): void {
  if (pEnd - pStart < 4) {
    if (pEnd > pStart && ctx.build) m.familyHeader = payloadHeader(ctx, pStart, pEnd);
    return;
  }
  const fh: FamilyHeader = { name: 'int (dump status)', offset: pStart, size: 4, fields: [] };
  if (ctx.build) {
    const st = ctx.dv.getInt32(pStart, ctx.le);
    fh.fields.push(new ShownField('dump_done_errno', pStart, 4, st, 'payload', doneDisplay));
    m.familyHeader = fh;
  }
  if (m.flags & 0x200) {
    m.attributes = decodeAttrs(ctx, pStart + 4, pEnd, NLMSGERR_ATTRS, m.diagnostics, cut, 0);
  } else if (pEnd - pStart > 4) {
    flagInType(m, m.diagnostics, 'flag-in-type.done-payload', { n: pEnd - pStart });
    if (ctx.build) fh.fields.push(payloadField(ctx, pStart + 4, pEnd));
  }
}

/** NLMSG_NOOP, NLMSG_OVERRUN and the reserved types below NLMSG_MIN_TYPE: no payload expected. */
function decodeControl(ctx: Ctx, m: NlMessage, pStart: number, pEnd: number): void {
  if (m.type === NLMSG_NOOP || m.type === NLMSG_OVERRUN) {
    if (pEnd > pStart) flagInType(m, m.diagnostics, 'flag-in-type.control-payload', { n: pEnd - pStart });
  } else m.diagnostics.push(diag('warning', 'reserved-control-type', { type: m.type }, m.offset + 4, 2));
  if (pEnd > pStart && ctx.build) m.familyHeader = payloadHeader(ctx, pStart, pEnd);
}

/** A family message: its fixed header (ifinfomsg, rtmsg, genlmsghdr…) then attributes or bytes. */
function decodeFamily(ctx: Ctx, m: NlMessage, pStart: number, pEnd: number, cut: boolean): void {
  const schema = messageSchema(m.type, ctx.family);
  let aStart = pStart;
  if (schema.header) {
    aStart = familyHeader(ctx, m, schema.header, pStart, pEnd, cut);
    if (aStart < 0) return;
  }
  if (schema.attrs || (ctx.family === 'raw' && ctx.rawAttrs)) {
    m.attributes = decodeAttrs(ctx, aStart, pEnd, schema.attrs, m.diagnostics, cut, 0);
  } else if (pEnd > aStart && ctx.build) {
    m.familyHeader ??= { name: 'payload', offset: aStart, size: pEnd - aStart, fields: [] };
    m.familyHeader.fields.push(payloadField(ctx, aStart, pEnd));
  }
}

/**
 * The family header `h` at pStart; returns where the attributes start (NLMSG_ALIGN of its size),
 * or -1 when the payload is shorter than the header (nlmsg_parse rejects such a request).
 */
function familyHeader(
  ctx: Ctx,
  m: NlMessage,
  h: StructDef,
  pStart: number,
  pEnd: number,
  cut: boolean,
): number {
  const size = structSize(h);
  if (ctx.build) {
    const fields = structFields(ctx, h, pStart, pEnd, 'family-header');
    m.familyHeader = { name: h.name, offset: pStart, size, fields };
    const cmd = fields[0];
    if (h.name === 'genlmsghdr' && cmd instanceof NumberField)
      cmd.display = `${cmd.value} (${genlCmdName(m.type, Number(cmd.value))})`;
  }
  if (pEnd - pStart < size) {
    m.diagnostics.push(
      diag(
        cut ? 'info' : 'warning',
        'family-header-short',
        { n: pEnd - pStart, struct: h.name, size },
        pStart,
        pEnd - pStart,
      ),
    );
    return -1;
  }
  const aStart = Math.min(pStart + nlmsgAlign(size), pEnd);
  if (aStart > pStart + size) {
    const pad = aStart - pStart - size;
    m.familyHeader?.fields.push(
      new NumberField('(header padding)', pStart + size, pad, pad, 'pad', 'NLMSG_ALIGN padding'),
    );
    paddingProblem(ctx.bytes, pStart + size, aStart, m.diagnostics, 'family-header');
  }
  return aStart;
}

type Parts = Pick<NlMessage, 'header' | 'familyHeader' | 'attributes' | 'error'>;

/**
 * A decoded message whose numbers and diagnostics are known and whose flag names, header fields,
 * family header, attributes and error are made from the bytes the first time they are read. It
 * keeps little: a million messages cost about 100 bytes each.
 */
export class MessageNode implements NlMessage {
  readonly offset: number;
  readonly len: number;
  readonly type: number;
  readonly typeName: string;
  readonly flags: number;
  readonly seq: number;
  readonly pid: number;
  padding: number;
  #input: DecodeInput;
  #end: number;
  /** Attributes walked in the buffer before this message (limits.attributes); negative when cut. */
  #attrBase: number;
  #diagnostics: NlDiagnostic[] | null;
  #flagNames: string[] | undefined;
  #parts: Parts | undefined;

  /** `m` from the validating pass; `end`, `cut`, `attrBase` say how to decode it again. */
  constructor(m: NlMessage, input: DecodeInput, end: number, cut: boolean, attrBase: number) {
    this.offset = m.offset;
    this.len = m.len;
    this.type = m.type;
    this.typeName = m.typeName;
    this.flags = m.flags;
    this.seq = m.seq;
    this.pid = m.pid;
    this.padding = m.padding;
    this.#diagnostics = m.diagnostics.length ? m.diagnostics : null;
    this.#input = input;
    this.#end = end;
    this.#attrBase = cut ? -1 - attrBase : attrBase;
  }

  get diagnostics(): NlDiagnostic[] {
    // An empty list is made when first read (a message without findings keeps none).
    this.#diagnostics ??= [];
    return this.#diagnostics;
  }
  set diagnostics(d: NlDiagnostic[]) {
    this.#diagnostics = d;
  }
  get flagNames(): string[] {
    const { bytes, family } = this.#input;
    this.#flagNames ??= flagNamesFor(
      this.type,
      this.flags,
      family,
      genlCmdAt(bytes, family, this.type, this.offset, this.#end),
    );
    return this.#flagNames;
  }

  #load(): Parts {
    if (!this.#parts) {
      const cut = this.#attrBase < 0;
      const attrBase = cut ? -1 - this.#attrBase : this.#attrBase;
      const b = decodeMessage(newCtx(this.#input, true, attrBase), this.offset, this.len, this.#end, cut);
      this.#parts = {
        header: b.header,
        familyHeader: b.familyHeader,
        attributes: b.attributes,
        error: b.error,
      };
    }
    return this.#parts;
  }
  get header(): NlField[] {
    return this.#load().header;
  }
  get familyHeader(): NlMessage['familyHeader'] {
    return this.#load().familyHeader;
  }
  get attributes(): NlAttr[] {
    return this.#load().attributes;
  }
  get error(): NlMessage['error'] {
    // Only an NLMSG_ERROR carries one (decodeError): a table reading every row's `error` to mark
    // acks builds no other message (the Netlink lab's 44-message edit: ≈ 8 ms of decoding).
    return this.type === NLMSG_ERROR ? this.#load().error : undefined;
  }
  toJSON(): NlMessage {
    const { offset, len, type, typeName, flags, flagNames, seq, pid, header, familyHeader, error } = this;
    return {
      offset,
      len,
      type,
      typeName,
      flags,
      flagNames,
      seq,
      pid,
      header,
      ...(familyHeader ? { familyHeader } : {}),
      ...(error ? { error } : {}),
      attributes: this.attributes,
      diagnostics: this.diagnostics,
      padding: this.padding,
    };
  }
}
