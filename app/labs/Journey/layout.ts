/**
 * The Journey diagram's geometry, pure (no DOM): where each layer box, its label lines and its
 * packets go, how a packet's parts and tag fit the room they have, and where a packet of the
 * timeline (x across the stage, a layer row, a slot in its cell's stack) is drawn in pixels.
 *
 * Wide (≥ 640 px): the sender's stack on the left, the receiver's on the right, the wire across the
 * bottom; each box has its words on the left (layer, function, skb) and its packets on the right.
 * Narrow: one column read top to bottom — the sender down, the wire, the receiver up (its link
 * layer first) — each box with its words above its packets.
 *
 * Text widths are estimated from DejaVu Sans / Sans Mono metrics, on the generous side, so that a
 * label chosen to fit does fit (the e2e overlap test measures the real boxes).
 */
import { LAYERS, type Layer, type Side } from '../../../core/journey/index.ts';

export type Font = 'sans' | 'bold' | 'mono';

/** Estimated advance of `text` at `size` px (DejaVu metrics, rounded up). */
export function textWidth(text: string, size: number, font: Font = 'sans'): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (font === 'mono') em += c >= 0x2e80 ? 1.0 : 0.61;
    else if (c >= 0x2e80) em += 1.0;
    else if (/[ .,:;'’·()|/!-]/.test(ch)) em += 0.36;
    else if (/[0-9]/.test(ch)) em += 0.64;
    else if (/[A-Z×→@#_%&]/.test(ch)) em += 0.76;
    else em += 0.62;
  }
  return em * size * (font === 'bold' ? 1.1 : 1);
}

/** The first candidate that fits `max` px ('' when none does). */
export function fitText(
  candidates: readonly string[],
  max: number,
  size: number,
  font: Font = 'sans',
): string {
  for (const c of candidates) if (textWidth(c, size, font) <= max) return c;
  return '';
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Geometry {
  width: number;
  height: number;
  narrow: boolean;
  dense: boolean;
  /** Text size of the diagram (px). */
  font: number;
  rowH: number;
  /** Height of a packet bar, and the distance between two stacked ones. */
  barH: number;
  slotPx: number;
  /** Where the column titles sit (baseline) and their anchor x. */
  titles: { side: 'tx' | 'rx'; x: number; y: number; anchor: 'start' | 'middle' }[];
  /** A layer box (a cell), its words' first baseline and line height, its packets' room. */
  cell: (side: Side, layer: Layer) => Box;
  text: (side: Side, layer: Layer) => { x: number; y: number; line: number; w: number };
  zone: (side: Side, layer: Layer) => Box;
  /** How many lines of words a cell has (narrow: the first holds the layer and the function). */
  lines: number;
}

const WIRE_ROW = 5;

/**
 * `stack`: the most packets one cell holds at once anywhere in the trace (a deck counts as 3), so
 * the rows are as tall as the busiest cell needs and never change height while it plays.
 */
export function journeyGeometry(
  width: number,
  dense = false,
  stack: number | ((side: Side, layer: Layer) => number) = 1,
  /** The most height the drawing may take (px); wide only. */
  fit = Infinity,
): Geometry {
  const narrow = width < 640;
  const kOf = (side: Side, layer: Layer) =>
    Math.max(1, Math.min(5, typeof stack === 'number' ? stack : stack(side, layer)));
  if (narrow) {
    // 12 px text at least (issue 14); rows as tight as their words and their busiest stack allow
    const font = 12;
    const line = 15;
    const pad = 2;
    const barH = 16;
    const slotPx = 18;
    const head = 2 * line + 2;
    const band = 20;
    const top = band;
    // (a wrapper measured a few px wide for a frame draws empty boxes, never negative widths)
    const colW = Math.max(0, width - 2 * pad);
    // tx rows 0–4, the wire 5, rx rows 6–10 (its link layer first): the journey reads downwards.
    // Each row is as tall as its busiest moment needs.
    const placeOf = (row: number): [Side, Layer] =>
      row === WIRE_ROW
        ? ['wire', 'wire']
        : row < WIRE_ROW
          ? ['tx', LAYERS[row] as Layer]
          : ['rx', LAYERS[10 - row] as Layer];
    const heights = Array.from({ length: 11 }, (_, row) => head + kOf(...placeOf(row)) * slotPx + 6);
    const tops: number[] = [];
    let y = top;
    for (let row = 0; row < 11; row++) {
      if (row === WIRE_ROW + 1) y += band;
      tops.push(y);
      y += heights[row] as number;
    }
    const r = (side: Side, layer: Layer) => {
      if (side === 'wire' || layer === 'wire') return WIRE_ROW;
      const i = LAYERS.indexOf(layer);
      return side === 'tx' ? i : 10 - i;
    };
    const rowH = Math.max(...heights);
    const cell = (side: Side, layer: Layer): Box => {
      const row = r(side, layer);
      return { x: pad, y: tops[row] as number, w: colW, h: (heights[row] as number) - 4 };
    };
    return {
      width,
      height: y + 2,
      narrow,
      dense,
      font,
      rowH,
      barH,
      slotPx,
      titles: [
        { side: 'tx', x: pad + 4, y: 14, anchor: 'start' },
        { side: 'rx', x: pad + 4, y: (tops[6] as number) - 6, anchor: 'start' },
      ],
      cell,
      text: (side, layer) => {
        const c = cell(side, layer);
        return { x: c.x + 8, y: c.y + 14, line, w: Math.max(0, c.w - 16) };
      },
      zone: (side, layer) => {
        const c = cell(side, layer);
        return { x: c.x + 8, y: c.y + head, w: Math.max(0, c.w - 16), h: c.h - head };
      },
      lines: 2,
    };
  }
  const font = dense ? 11 : 12;
  const pad = 2;
  const gap = 16;
  const top = dense ? 22 : 26;
  // Each row as tall as its busiest cell (either host) ever needs; when that is taller than `fit`
  // (the room the viewport leaves), the rows and the packets' spacing tighten, never the text.
  const sizes = (tight: number) => {
    const barH = dense ? 14 : 18 - tight;
    const slotPx = barH + (dense ? 2 : 4 - tight);
    const minRow = dense ? 50 : 62 - 3 * tight;
    return { barH, slotPx, line: dense ? 13.5 : 15 - tight / 2, minRow };
  };
  const rowsOf = (z: ReturnType<typeof sizes>) =>
    Array.from({ length: 6 }, (_, row) => {
      const layer = LAYERS[row] as Layer;
      const k = row === WIRE_ROW ? kOf('wire', 'wire') : Math.max(kOf('tx', layer), kOf('rx', layer));
      return Math.max(z.minRow, k * z.slotPx + (dense ? 8 : 12 - tight(z)));
    });
  const tight = (z: ReturnType<typeof sizes>) => (18 - z.barH) * 2;
  let z = sizes(0);
  let heights = rowsOf(z);
  for (let k = 1; k <= 2 && !dense && top + heights.reduce((a, b) => a + b, 0) > fit; k++) {
    z = sizes(k);
    heights = rowsOf(z);
  }
  const { barH, slotPx, line } = z;
  const tops: number[] = [];
  let yy = top;
  for (const h of heights) {
    tops.push(yy);
    yy += h;
  }
  const rowH = Math.max(...heights);
  const colW = (width - 2 * pad - gap) / 2;
  // room for "sk_rmem_alloc 6,912 / 212,992" and the longest function names
  const labelW = Math.max(150, Math.min(230, colW * 0.46));
  const colX = (side: Side) => (side === 'rx' ? pad + colW + gap : pad);
  const rowOf = (layer: Layer) => (layer === 'wire' ? WIRE_ROW : LAYERS.indexOf(layer));
  const cell = (side: Side, layer: Layer): Box => {
    const row = rowOf(layer);
    const y = tops[row] as number;
    const h = (heights[row] as number) - 6;
    if (side === 'wire' || layer === 'wire') return { x: pad, y, w: width - 2 * pad, h };
    return { x: colX(side), y, w: colW, h };
  };
  return {
    width,
    height: yy,
    narrow,
    dense,
    font,
    rowH,
    barH,
    slotPx,
    titles: [
      { side: 'tx', x: pad + colW / 2, y: top - 8, anchor: 'middle' },
      { side: 'rx', x: colX('rx') + colW / 2, y: top - 8, anchor: 'middle' },
    ],
    cell,
    text: (side, layer) => {
      const c = cell(side, layer);
      return { x: c.x + 8, y: c.y + (dense ? 13 : 16 - (18 - barH)), line, w: labelW - 12 };
    },
    zone: (side, layer) => {
      const c = cell(side, layer);
      const s = side === 'wire' || layer === 'wire' ? 'tx' : side;
      const x = colX(s) + labelW + 4;
      return { x, y: c.y, w: colX(s) + colW - 8 - x, h: c.h };
    },
    lines: 3,
  };
}

/**
 * Where a packet of the timeline is drawn: the top-left corner of its bar. `x` runs from the
 * sender's column (0.25) to the receiver's (0.75), `row` is the layer row (5: the wire), `slot`
 * its place in its cell's stack (0: the middle).
 */
export function placePx(g: Geometry, x: number, row: number, slot: number): { px: number; py: number } {
  const slotY = slot * g.slotPx - g.barH / 2;
  if (g.narrow) {
    // a deck's cards spread a little in x around their column: not a move towards the other host
    const u = Math.max(0, Math.min(1, (x - 0.29) / 0.42));
    // one column: the sender's rows, then the receiver's mirrored below the wire
    const txZ = g.zone('tx', 'app');
    const mid = (z: { y: number; h: number }) => z.y + z.h / 2;
    const rowMid = (r: number, side: 'tx' | 'rx') => {
      const lo = Math.max(0, Math.min(WIRE_ROW, Math.floor(r)));
      const hi = Math.min(WIRE_ROW, lo + 1);
      const at = (i: number) => mid(g.zone(i === WIRE_ROW ? 'wire' : side, LAYERS[i] as Layer));
      return at(lo) + (at(hi) - at(lo)) * (r - lo);
    };
    const py = rowMid(row, 'tx') + (rowMid(row, 'rx') - rowMid(row, 'tx')) * u;
    return { px: txZ.x, py: py + slotY };
  }
  // Along the wire the packets in flight sit a little towards the sender (u^1.5): the one ahead
  // keeps the room for its parts' names and its tag. The ends (the two columns) are unchanged.
  const u = Math.max(0, Math.min(1, (x - 0.25) / 0.5)) ** 1.5;
  const tx = g.zone('tx', 'app');
  const rx = g.zone('rx', 'app');
  const mid = (i: number) => {
    const z = g.zone(i === WIRE_ROW ? 'wire' : 'tx', LAYERS[i] as Layer);
    return z.y + z.h / 2;
  };
  const lo = Math.max(0, Math.min(WIRE_ROW, Math.floor(row)));
  const hi = Math.min(WIRE_ROW, lo + 1);
  const rowMid = mid(lo) + (mid(hi) - mid(lo)) * (row - lo);
  return { px: tx.x + (rx.x - tx.x) * u, py: rowMid + slotY };
}

/** A packet's part: its kind, bytes and the words it may show (longest first). */
export interface PartIn<K extends string = string> {
  kind: K;
  bytes: number;
  labels: readonly string[];
}

export interface PartOut<K extends string = string> {
  kind: K;
  x: number;
  w: number;
  text: string;
}

export interface FittedPacket<K extends string = string> {
  parts: PartOut<K>[];
  w: number;
  tag: string;
  /** The choice made, in order of preference (0: longest labels and longest tag). */
  rank: number;
}

/**
 * Lays a packet's parts out in a bar of at most `max` px (the bar grows towards `want` px, its
 * size on the drawing's scale), then its tag to the right. Preference: a tag (a fragment's offset,
 * "lost") before long part names; within that, the longest names, then the longest tag. Header
 * parts take what their label needs; the payload takes the rest. `from`: start at this rank (the
 * packets of one cell share the plainest style any of them needed).
 */
export function fitPacket<K extends string>(
  parts: readonly PartIn<K>[],
  tags: readonly string[],
  max: number,
  want: number,
  size: number,
  from = 0,
): FittedPacket<K> {
  const padX = 8;
  const tagGap = 6;
  const tiers = Math.max(0, ...parts.map((p) => p.labels.length)) + 1;
  const order: [number, number][] = [];
  for (let tier = 0; tier < tiers; tier++) for (let t = 0; t < tags.length; t++) order.push([tier, t]);
  for (let tier = 0; tier < tiers; tier++) order.push([tier, tags.length]);
  for (let rank = Math.min(from, order.length - 1); rank < order.length; rank++) {
    const [tier, t] = order[rank] as [number, number];
    const tag = tags[t] ?? '';
    const texts = parts.map((p) => p.labels[tier] ?? '');
    const need = parts.map((p, i) => {
      const text = texts[i] as string;
      return Math.max(p.kind === 'payload' ? 10 : 5, text ? textWidth(text, size) + padX : 0);
    });
    const needed = need.reduce((a, b) => a + b, 0);
    const tagW = tag ? textWidth(tag, size) + tagGap : 0;
    if (needed + tagW > max) continue;
    const w = Math.max(needed, Math.min(want, max - tagW));
    const extra = w - needed;
    let grow = parts.findIndex((p) => p.kind === 'payload');
    if (grow < 0) grow = parts.length - 1;
    let x = 0;
    const out = parts.map((p, i) => {
      const pw = (need[i] as number) + (i === grow ? extra : 0);
      const o = { kind: p.kind, x, w: pw, text: texts[i] as string };
      x += pw;
      return o;
    });
    return { parts: out, w, tag, rank };
  }
  // Nothing fits (a very narrow room): bare parts, no words.
  const total = Math.max(
    1,
    parts.reduce((a, q) => a + q.bytes, 0),
  );
  let x = 0;
  const out = parts.map((p) => {
    const pw = Math.max(2, (max * p.bytes) / total);
    const o = { kind: p.kind, x, w: pw, text: '' };
    x += pw;
    return o;
  });
  return { parts: out, w: x, tag: '', rank: order.length };
}
