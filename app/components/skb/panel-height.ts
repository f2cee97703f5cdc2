/**
 * How tall the sk_buff panel (SkbPanel.tsx) will be, from its snapshot and width, before its chunk
 * is fetched: LazySkbPanel's placeholder reserves it, so the panel's arrival moves nothing below it
 * even when a reader flings past it before the chunk is in (issue 17). Computed from the same
 * quantities the panel's CSS and geometry use: the drawings' heights exactly (pointer label rows by
 * geometry.ts's markRows on the panel's linear scale), the fields table's rows (turned or not, by
 * the table's own rule, its 18rem cap), the frag_list chains, the head lines of each drawing (the
 * id badge, the label and the sizes wrapped as the flex row wraps them, text measured with the
 * page's fonts where the browser can). The colour key's entries are measured widths (the words are
 * in the panel's chunk): an error there is a line (≈20 px), not the panel.
 */
import type { Locale } from '../../../core/i18n/index.ts';
import type { RegionKind, SkbSnapshot } from '../../../core/skb/index.ts';
import { num } from '../../format.ts';
import { FIELDS, MAX_ROWS, isTurned } from './fields.ts';
import { ROW, extent, flatten, markRows, pointerMarks } from './marks.ts';

/** Line boxes (px): body text is 15 px at line-height 1.55; the panel's sizes are in rem (16 px). */
const LH = 1.55;
const REM = 16;
export const PANEL = {
  /** .skb-panel, .skb-list, .frag-list row gaps; .frag-list margin-top; .skb-head margin-bottom. */
  panelGap: 12,
  listGap: 14,
  chainGap: 10,
  chainTop: 8,
  /** The frag_list title (0.78rem). */
  chainTitle: 0.78 * REM * LH,
  /** .frag-list padding-left + border, and the nested drawing's margin. */
  chainIndent: 12 + 2 + 12,
  headBelow: 4,
  headGap: { row: 4, column: 10 },
  /** The id badge: 0.78rem mono bold, padding 1px 8px, 1px border. */
  badgeLine: 0.78 * REM * LH + 4,
  badgePad: 18,
  stateLine: 0.51,
  labelLine: 0.9 * REM * LH,
  monoLine: 0.78 * REM * LH,
  /** .skb-note: 0.8rem, margin-top 2. */
  noteLine: 0.8 * REM * LH,
  /** .more, .empty: 0.85rem. */
  moreLine: 0.85 * REM * LH,
  legendLine: 0.82 * REM * LH,
  legendGap: { row: 4, column: 14 },
  /** A step's values (.vars): boxes of 0.82rem (.mono text, 0.92em), padding 2px 8px, a 1px border, 6px apart. */
  vars: { line: 24.72, pad: 18, inner: 6, gap: 6 },
  /** The fields table: its border, caption (0.9rem, 8px padding), head row, a row, its 18rem cap. */
  table: { border: 2, caption: 0.9 * REM * LH + 16, head: 27.84, row: 28.34, max: 18 * REM },
  /** A sans line on a Chinese page (its CJK face named first) is a little taller (the face's ascent). */
  cjk: 1,
};

/** A step's value and its name: .mono (0.92em) in a 0.82rem box. */
const VAR_PX = 0.82 * 0.92 * REM;

const CJK = /[\u2e80-\u9fff\uff00-\uffef]/;

/**
 * The colour key's entries' widths (px, swatch and gap included), measured in Chromium with the
 * default faces: the words come with the panel's chunk.
 */
const LEGEND_PX: Record<Locale, Record<RegionKind | 'rooms' | 'shinfo' | 'outside', number>> = {
  en: {
    eth: 96,
    ip: 96,
    ipopt: 104,
    ip6: 96,
    frag6: 131,
    udp: 96,
    payload: 69,
    rooms: 152,
    shinfo: 127,
    outside: 145,
  },
  'zh-CN': {
    eth: 88,
    ip: 73,
    ipopt: 88,
    ip6: 73,
    frag6: 70,
    udp: 74,
    payload: 44,
    rooms: 134,
    shinfo: 127,
    outside: 122,
  },
};

/** The fields table's `headroom` and `tailroom` headers (catalog keys app.skb.headroom / tailroom). */
export const ROOM_HEADERS: Record<Locale, readonly [string, string]> = {
  en: ['headroom', 'tailroom'],
  'zh-CN': ['头部空间', '尾部空间'],
};

export type Measure = (
  text: string,
  font: 'badge' | 'state' | 'label' | 'mono' | 'varName' | 'varValue',
) => number;

/** The id badge's "new" / "seen before" (catalog keys app.skb.badge.new / seenBefore). */
export const BADGE_STATES: Record<Locale, { isNew: string; seenBefore: string }> = {
  en: { isNew: 'new', seenBefore: 'seen before' },
  'zh-CN': { isNew: '新', seenBefore: '之前出现过' },
};

/** Widths by character (mono: 0.6 em; the label's bold sans: 0.65 em; Chinese: 1 em). */
export const charWidths: Measure = (text, font) => {
  const px =
    font === 'label'
      ? 14.4
      : font === 'varName' || font === 'varValue'
        ? VAR_PX
        : font === 'state'
          ? 11.52
          : 12.48;
  const em = font === 'label' ? 0.655 : font === 'state' ? 0.72 : 0.602;
  let w = 0;
  for (const ch of text) w += CJK.test(ch) ? px : px * em;
  return w;
};

let canvasMeasure: Measure | null | undefined;
/** Text widths in the page's own faces (an OffscreenCanvas), else by character. */
export function pageMeasure(): Measure {
  if (canvasMeasure === undefined) {
    canvasMeasure = null;
    try {
      const ctx =
        typeof OffscreenCanvas === 'function' && typeof getComputedStyle === 'function'
          ? new OffscreenCanvas(1, 1).getContext('2d')
          : null;
      if (ctx) {
        const css = getComputedStyle(document.body);
        const sans = css.getPropertyValue('--font-sans').trim() || 'sans-serif';
        const mono = css.getPropertyValue('--font-mono').trim() || 'monospace';
        const fonts = {
          badge: `700 ${0.78 * REM}px ${mono}`,
          state: `600 ${0.72 * REM}px ${sans}`,
          label: `600 ${0.9 * REM}px ${sans}`,
          mono: `${0.78 * REM}px ${mono}`,
          varName: `${VAR_PX}px ${mono}`,
          varValue: `650 ${VAR_PX}px ${mono}`,
        };
        canvasMeasure = (text, font) => {
          ctx.font = fonts[font];
          // The badge's state is in capitals, 0.04em apart.
          if (font === 'state')
            return ctx.measureText(text.toUpperCase()).width + [...text].length * 0.04 * 0.72 * REM;
          return ctx.measureText(text).width;
        };
      }
    } catch {
      canvasMeasure = null;
    }
  }
  return canvasMeasure ?? charWidths;
}

/** How many lines `words` (joined by spaces) take at `width`, each line as wide as it fits. */
function wrappedLines(words: readonly string[], width: number, measure: Measure): number {
  const space = measure(' ', 'mono');
  let lines = 1;
  let at = 0;
  for (const w of words) {
    const ww = measure(w, 'mono');
    if (at > 0 && at + space + ww > width) {
      lines++;
      at = ww;
    } else at += (at > 0 ? space : 0) + ww;
  }
  return lines;
}

export interface PanelShape {
  skbs: readonly SkbSnapshot[];
  /** The step's values (a trace's step), shown above the drawings. */
  vars?: Readonly<Record<string, number | string | boolean>> | undefined;
  /** The panel's width (px), as SkbPanel measures it. */
  width: number;
  locale: Locale;
  /** The badge says "new" / "seen before" (a step after the first). */
  hasPrevious?: boolean;
  /** The sk_buffs held at the steps before (their badge says "seen before"). */
  seenBefore?: ReadonlySet<number>;
  measure?: Measure;
}

/** The head line of one drawing: the id badge, the label, the sizes, as the flex row wraps them. */
function headHeight(skb: SkbSnapshot, width: number, p: Required<Omit<PanelShape, 'vars'>>): number {
  const m = p.measure;
  const states = BADGE_STATES[p.locale];
  const state = p.hasPrevious ? (p.seenBefore.has(skb.id) ? states.seenBefore : states.isNew) : '';
  const badge = m(`skb #${skb.id}`, 'badge') + PANEL.badgePad + (state ? 6 + m(state, 'state') : 0);
  const label = m(skb.label, 'label');
  const sizes = ['len', num(skb.len), '·', 'data_len', num(skb.data_len), '·', 'truesize', num(skb.truesize)];
  const sizesW = m(sizes.join(' '), 'mono');
  const gap = PANEL.headGap.column;
  const cjk = p.locale === 'en' && !CJK.test(skb.label) ? 0 : PANEL.cjk;
  // Items on the badge's line, then lines of their own.
  // Its state's sans capitals deepen the badge's line a little.
  let h = PANEL.badgeLine + (cjk || (state ? PANEL.stateLine : 0));
  let at = badge;
  if (at + gap + label <= width) at += gap + label;
  else {
    h += PANEL.headGap.row + PANEL.labelLine + cjk;
    at = label;
  }
  if (at + gap + sizesW > width) h += PANEL.headGap.row + wrappedLines(sizes, width, m) * PANEL.monoLine;
  return h + PANEL.headBelow;
}

function drawingHeight(
  skb: SkbSnapshot,
  width: number,
  x: (n: number) => number,
  w: number,
  p: Required<Omit<PanelShape, 'vars'>>,
): number {
  let h = headHeight(skb, width, p) + ROW.bar + 20 + markRows(pointerMarks(skb), x, w) * ROW.rowH;
  if (skb.frags.length > 0) h += 2 + PANEL.noteLine;
  if (skb.frag_list.length > 0) {
    h += PANEL.chainTop + PANEL.chainTitle;
    const inner = width - PANEL.chainIndent;
    for (const c of skb.frag_list.slice(0, 4)) h += PANEL.chainGap + drawingHeight(c, inner, x, w, p);
    if (skb.frag_list.length > 4) h += PANEL.chainGap + PANEL.moreLine;
  }
  return h;
}

/** The colour key: the kinds of bytes drawn, then the buffer's areas, as the two flex rows wrap. */
function legendHeight(all: readonly SkbSnapshot[], width: number, locale: Locale): number {
  const px = LEGEND_PX[locale];
  const kinds = [
    ...new Set(all.flatMap((s) => [...s.regions, ...s.frags.flatMap((f) => f.regions)].map((r) => r.kind))),
  ];
  const line = PANEL.legendLine + (locale === 'en' ? 0 : 0.38);
  const g = PANEL.legendGap;
  const rows = (items: readonly number[]): number[][] => {
    const out: number[][] = [];
    let at = Infinity;
    for (const w of items) {
      if (out.length && at + g.column + w <= width) {
        at += g.column + w;
        out[out.length - 1]!.push(w);
      } else {
        out.push([w]);
        at = w;
      }
    }
    return out;
  };
  const key = kinds.map((k) => px[k]);
  const areas = [px.rooms, px.shinfo, px.outside];
  const span = (items: readonly number[]) => items.reduce((a, w) => a + w, 0) + g.column * (items.length - 1);
  // skb_shared_info alone on a line is a mono line (a little lower).
  const height = (r: number[][]) =>
    r.reduce((a, l) => a + (l.length === 1 && l[0] === px.shinfo ? 18.72 : line), 0) + g.row * (r.length - 1);
  if (key.length === 0) return height(rows(areas));
  if (span(key) + g.column + span(areas) <= width) return line;
  return height(rows(key)) + g.row + height(rows(areas));
}

function tableHeight(all: readonly SkbSnapshot[], width: number, locale: Locale): number {
  const t = PANEL.table;
  const rows = all.slice(0, MAX_ROWS);
  const [headroom, tailroom] = ROOM_HEADERS[locale];
  const headers = [
    'skb',
    ...FIELDS.map((f) => (f === 'headroom' ? headroom : f === 'tailroom' ? tailroom : f)),
  ];
  const body = isTurned(rows, headers, width) ? FIELDS.length : rows.length;
  const caption = all.length > MAX_ROWS && width < 300 ? t.caption + 0.9 * REM * LH : t.caption;
  return Math.min(t.max, t.border + caption + t.head + body * t.row);
}

/** The step's values as the flex row wraps their boxes. */
function varsHeight(vars: Readonly<Record<string, number | string | boolean>>, width: number, m: Measure) {
  const v = PANEL.vars;
  let lines = 0;
  let at = Infinity;
  for (const [k, x] of Object.entries(vars)) {
    const w = v.pad + m(k, 'varName') + v.inner + m(typeof x === 'number' ? num(x) : String(x), 'varValue');
    if (at + v.gap + w <= width) at += v.gap + w;
    else {
      lines++;
      at = w;
    }
  }
  return lines === 0 ? 0 : lines * v.line + (lines - 1) * v.gap + PANEL.panelGap;
}

/** The panel's height (px) for these sk_buffs at this width (SkbPanel's layout). */
export function skbPanelHeight(shape: PanelShape): number {
  const p = {
    hasPrevious: false,
    measure: charWidths,
    ...shape,
    seenBefore: shape.seenBefore ?? new Set<number>(),
    vars: shape.vars ?? {},
  };
  const { skbs, width, locale } = p;
  const all = flatten(skbs);
  const above = varsHeight(p.vars, width, p.measure);
  if (all.length === 0) return above + PANEL.moreLine;
  const maxExtent = Math.max(1, ...all.map(extent));
  const range = Math.max(120, width - 34);
  const x = (n: number) => (n / maxExtent) * range;
  const w = range + 2;
  const drawn = skbs.slice(0, 6);
  let list =
    drawn.reduce((a, s) => a + drawingHeight(s, width, x, w, p), 0) + PANEL.listGap * (drawn.length - 1);
  if (skbs.length > 6) list += PANEL.listGap + PANEL.moreLine;
  return (
    above +
    list +
    PANEL.panelGap +
    legendHeight(all, width, locale) +
    PANEL.panelGap +
    tableHeight(all, width, locale)
  );
}
