/**
 * Pure view maths for the Netlink lab: the decoded message flattened into the leaf fields the
 * diagram, the byte grid and the table share (every byte of the message in exactly one field),
 * and the 32-bit row layout with long payloads elided so one message stays a few hundred SVG
 * nodes whatever its size. The core decides what the fields are; this only arranges them.
 */
import type { NlAttr, NlDecodeResult, NlField, NlMessage } from '../../../core/netlink/index.ts';
import type { Msg } from '../../../core/i18n/index.ts';

export type FieldKind = NlField['kind'] | 'error';

export interface LeafField {
  key: string;
  name: string;
  /** Where it sits: `nlmsghdr`, `ifinfomsg`, `IFLA_IFNAME`, `IFLA_LINKINFO › IFLA_INFO_KIND`… */
  group: string;
  offset: number;
  size: number;
  display: string;
  /** `display` as a message when it has words (core's displayMsg): the page shows it in its language. */
  displayMsg?: Msg;
  kind: FieldKind;
  /** Nesting depth (0 for the header and the family header). */
  depth: number;
}

function attrLeaves(a: NlAttr, path: string, depth: number, out: LeafField[]) {
  const group = path ? `${path} › ${a.name}` : a.name;
  for (const f of a.fields) out.push(fieldLeaf(f, group, depth));
  for (const c of a.children ?? []) attrLeaves(c, group, depth + 1, out);
}

function fieldLeaf(f: NlField, group: string, depth: number, kind?: FieldKind): LeafField {
  return {
    key: `${f.offset}:${f.size}:${f.name}`,
    name: f.name,
    group,
    offset: f.offset,
    size: f.size,
    display: f.display,
    ...(f.displayMsg ? { displayMsg: f.displayMsg } : {}),
    kind: kind ?? f.kind,
    depth,
  };
}

function collect(m: NlMessage, out: LeafField[], depth: number, prefix: string) {
  for (const f of m.header) out.push(fieldLeaf(f, `${prefix}nlmsghdr`, depth));
  if (m.familyHeader)
    for (const f of m.familyHeader.fields) out.push(fieldLeaf(f, `${prefix}${m.familyHeader.name}`, depth));
  if (m.error?.echoed) collect(m.error.echoed, out, depth + 1, `${prefix}echoed › `);
  for (const a of m.error?.extack ?? []) attrLeaves(a, `${prefix}extack`, depth + 1, out);
  for (const a of m.attributes) attrLeaves(a, prefix.replace(/ › $/, ''), depth, out);
}

/**
 * Every byte of the message (nlmsg_len plus its alignment, clipped to the buffer) in exactly one
 * leaf field, by offset: the core's fields, with gaps filled as `bytes` and overlaps dropped
 * (the innermost field wins: attribute children come after their parent's header).
 */
export function leafFields(m: NlMessage, bufferLength: number): LeafField[] {
  const raw: LeafField[] = [];
  collect(m, raw, 0, '');
  const start = m.offset;
  const end = Math.min(bufferLength, m.offset + Math.max(16, m.len) + m.padding);
  raw.sort((a, b) => a.offset - b.offset || b.depth - a.depth || a.size - b.size);
  const out: LeafField[] = [];
  let at = start;
  const gap = (from: number, to: number, group: string) => {
    if (to > from)
      out.push({
        key: `${from}:${to - from}:gap`,
        name: from >= m.offset + m.len ? 'NLMSG_ALIGN pad' : 'bytes',
        group,
        offset: from,
        size: to - from,
        display: `${to - from} B`,
        kind: from >= m.offset + m.len ? 'pad' : 'payload',
        depth: 0,
      });
  };
  for (const f of raw) {
    if (f.size <= 0 || f.offset < at || f.offset >= end) continue;
    gap(at, f.offset, out.at(-1)?.group ?? 'payload');
    const size = Math.min(f.size, end - f.offset);
    out.push(size === f.size ? f : { ...f, size });
    at = f.offset + size;
  }
  gap(at, end, 'padding');
  return out;
}

/** Whether two leaf fields say the same (the same bytes, name, place and value). */
const sameLeaf = (a: LeafField, b: LeafField) =>
  a.key === b.key &&
  a.group === b.group &&
  a.display === b.display &&
  a.kind === b.kind &&
  a.depth === b.depth &&
  (a.displayMsg === b.displayMsg ||
    (a.displayMsg !== undefined &&
      b.displayMsg !== undefined &&
      a.displayMsg.id === b.displayMsg.id &&
      JSON.stringify(a.displayMsg.values) === JSON.stringify(b.displayMsg.values)));

/**
 * `next` with every field that says the same as one of `before` (by key) replaced by that earlier
 * object, and `before` itself when nothing changed: after a one-digit edit the diagram's rows and
 * the table's rows of the fields that did not change are the same objects, and their memoised
 * components skip them.
 */
export function keepSameFields(before: readonly LeafField[], next: LeafField[]): LeafField[] {
  if (before.length === 0) return next;
  const byKey = new Map(before.map((f) => [f.key, f]));
  let changed = next.length !== before.length;
  const out = next.map((f, i) => {
    const was = byKey.get(f.key);
    const kept = was && sameLeaf(was, f) ? was : f;
    if (kept !== before[i]) changed = true;
    return kept;
  });
  return changed ? out : (before as LeafField[]);
}

export interface MessageFields {
  message: NlMessage;
  fields: LeafField[];
}

/**
 * A lookup from a byte offset to its leaf field and message. A message's leaf fields are made the
 * first time one of its bytes is looked up (the byte grid asks for the rows on screen), so a new
 * decode of a 64 KiB buffer costs the messages in view, not all of them.
 */
export function indexBuffer(result: NlDecodeResult, bufferLength: number) {
  const messages = result.messages;
  const leaves = new Map<number, LeafField[]>();
  /** Message `i`'s leaf fields (leafFields), made once. */
  const leavesOf = (i: number): LeafField[] => {
    let l = leaves.get(i);
    if (!l) {
      l = leafFields(messages[i]!, bufferLength);
      leaves.set(i, l);
    }
    return l;
  };
  /** The field holding byte `o` and its message, or null (bytes outside every message). */
  const at = (o: number): { field: LeafField; message: number } | null => {
    // The last message that starts at or before `o` (messages are in buffer order).
    let lo = 0;
    let hi = messages.length - 1;
    let i = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (messages[mid]!.offset <= o) {
        i = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (i < 0) return null;
    const all = leavesOf(i);
    lo = 0;
    hi = all.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const f = all[mid]!;
      if (o < f.offset) hi = mid - 1;
      else if (o >= f.offset + f.size) lo = mid + 1;
      else return { field: f, message: i };
    }
    return null;
  };
  return { at, leaves: leavesOf };
}

// ---- the 32-bit row layout ----

export interface Segment {
  field: LeafField;
  /** First and last+1 byte of the row (0..4) this piece covers. */
  from: number;
  to: number;
  /** The piece that carries the label (the widest one of the field). */
  labelled: boolean;
  /** Open edges: the field continues on the row above / below. */
  continuesUp: boolean;
  continuesDown: boolean;
}

export type LayoutRow =
  | { kind: 'row'; offset: number; segments: Segment[] }
  | { kind: 'elided'; offset: number; bytes: number; field: LeafField };

/** Rows a field must fill before the ones in its middle are drawn as one "⋮ N bytes" row. */
const KEEP_ROWS = 3;

/**
 * 32-bit rows from the message's first byte: each field a box over its bytes, split where it
 * crosses a row; runs of rows wholly inside one long field collapse into one elided row.
 * `maxRows` caps what is drawn (the table below lists everything).
 */
export function layoutRows(fields: readonly LeafField[], start: number, maxRows = 400): LayoutRow[] {
  if (fields.length === 0) return [];
  const last = fields[fields.length - 1]!;
  const end = last.offset + last.size;
  const nRows = Math.ceil((end - start) / 4);
  const rows: LayoutRow[] = [];
  const rs0 = (o: number) => start + Math.floor((o - start) / 4) * 4;
  let fi = 0;
  for (let r = 0; r < nRows && rows.length < maxRows; r++) {
    const rs = start + r * 4;
    const re = rs + 4;
    while (fi < fields.length && fields[fi]!.offset + fields[fi]!.size <= rs) fi++;
    const f = fields[fi];
    // A run of whole rows inside one field, with KEEP_ROWS-1 rows of it drawn before: elide.
    if (f && f.offset <= rs - 4 * (KEEP_ROWS - 1) && f.offset + f.size >= re + 4) {
      const lastRowStart = start + Math.floor((f.offset + f.size - 1 - start) / 4) * 4;
      const skip = (lastRowStart - rs) / 4;
      if (skip >= 2) {
        rows.push({ kind: 'elided', offset: rs, bytes: skip * 4, field: f });
        r += skip - 1;
        continue;
      }
    }
    const segments: Segment[] = [];
    for (let j = fi; j < fields.length && fields[j]!.offset < re; j++) {
      const g = fields[j]!;
      const from = Math.max(g.offset, rs) - rs;
      const to = Math.min(g.offset + g.size, re) - rs;
      if (to <= from) continue;
      // The label goes on the field's first piece, or on its second when the first is under 2 bytes.
      const firstWidth = Math.min(g.offset + g.size, rs0(g.offset) + 4) - g.offset;
      const labelled =
        g.offset >= rs ? !(firstWidth < 2 && g.offset + g.size > re) : g.offset >= rs - 4 && firstWidth < 2;
      segments.push({
        field: g,
        from,
        to,
        labelled,
        continuesUp: g.offset < rs,
        continuesDown: g.offset + g.size > re,
      });
    }
    rows.push({ kind: 'row', offset: rs, segments });
  }
  return rows;
}

// ---- labels in narrow boxes ----

/**
 * A label cut into lines of at most `maxChars` characters, at most `maxLines` of them: breaks go
 * after `_`, `|`, a space, `(` or `,` where they can (IFLA_EXT_MASK → IFLA_ / EXT_ / MASK), else
 * inside a word. Nothing is dropped unless the lines run out; then the last line ends in "…".
 * An empty list when not even one character fits.
 */
export function wrapLabel(text: string, maxChars: number, maxLines = 8): string[] {
  // The diagram is measured again after every edit: the same labels in the same boxes are cut once.
  const key = `${Math.floor(maxChars)}|${maxLines}|${text}`;
  const hit = wrapped.get(key);
  if (hit) return hit;
  const lines = wrapLabelNow(text, maxChars, maxLines);
  if (wrapped.size >= WRAPPED_MAX) wrapped.clear();
  wrapped.set(key, lines);
  return lines;
}

const wrapped = new Map<string, string[]>();
/** Where a label may break: after these (IFLA_|EXT_|MASK, NLM_F_REQUEST||NLM_F_DUMP). */
const BREAK_AFTER = /[_| (,]/;
const WRAPPED_MAX = 4096;

function wrapLabelNow(text: string, maxChars: number, maxLines: number): string[] {
  const n = Math.floor(maxChars);
  if (n <= 0 || maxLines <= 0 || text === '') return [];
  const chars = [...text];
  if (chars.length <= n) return [text];
  const lines: string[] = [];
  let at = 0;
  while (at < chars.length && lines.length < maxLines) {
    let end = Math.min(chars.length, at + n);
    if (end < chars.length) {
      // The last break point inside the window. Taken when the word after it fits a line of its
      // own (then no word is cut: IFLA_ / IFNAME, never IFLA_IF / NAME), else only when it leaves
      // more than a third of the line used (a word longer than a line is cut anyway).
      let k = end;
      while (k > at + 1 && !BREAK_AFTER.test(chars[k - 1]!)) k--;
      if (k > at + 1 || BREAK_AFTER.test(chars[at]!)) {
        let w = k;
        while (w < chars.length && !BREAK_AFTER.test(chars[w]!)) w++;
        const word = Math.min(w + 1, chars.length) - k;
        if (word <= n || k > at + Math.max(1, Math.floor(n / 3))) end = k;
      }
    }
    lines.push(chars.slice(at, end).join('').trimEnd());
    at = end;
    while (chars[at] === ' ') at++;
  }
  if (at < chars.length) {
    const last = [...lines[lines.length - 1]!];
    lines[lines.length - 1] = `${last.slice(0, Math.max(0, Math.min(last.length, n - 1))).join('')}…`;
  }
  return lines;
}
