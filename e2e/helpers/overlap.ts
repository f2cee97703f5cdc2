/**
 * Text that prints over other text (issue 14): the visible text of a diagram — every SVG `<text>`
 * and every HTML element's own text (its direct text nodes, measured glyph-tight with a Range, one
 * rectangle per line) — and the pairs whose rectangles intersect by more than a tolerance.
 */
import type { Page } from '@playwright/test';

/** One piece of text of the diagram: what it says, its effective font size in CSS px, its boxes. */
export interface TextItem {
  text: string;
  /** The font size as drawn (an SVG's viewBox scale applied), in CSS px. */
  fontPx: number;
  rects: { x: number; y: number; w: number; h: number }[];
}

export interface TextOverlap {
  a: string;
  b: string;
  /** The intersection's size in px (width × height). */
  w: number;
  h: number;
}

/** Every visible text item under each element matching `rootSelector` (in page coordinates). */
export function diagramTexts(page: Page, rootSelector: string): Promise<TextItem[]> {
  return page.evaluate((sel) => {
    const out: TextItem[] = [];
    const visible = (el: Element): boolean => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
        // visually-hidden (screen-reader-only) text: clipped to nothing
        if (s.clip === 'rect(0px, 0px, 0px, 0px)' || s.clipPath === 'inset(50%)') return false;
        if (e.classList.contains('visually-hidden') || e.classList.contains('sr-only')) return false;
      }
      return true;
    };
    const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
    const rectList = (rs: Iterable<DOMRect>) =>
      [...rs]
        .filter((r) => r.width > 0.5 && r.height > 0.5)
        .map((r) => ({ x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height }));
    for (const root of document.querySelectorAll(sel)) {
      // SVG text: one item per <text> (its tspans are its own lines).
      for (const t of root.querySelectorAll('text')) {
        const text = clean(t.textContent ?? '');
        if (!text || !visible(t)) continue;
        const m = (t as SVGGraphicsElement).getScreenCTM();
        const scale = m ? Math.sqrt(m.a * m.a + m.b * m.b) : 1;
        const fontPx = parseFloat(getComputedStyle(t).fontSize) * scale;
        const rects = rectList([t.getBoundingClientRect()]);
        if (rects.length) out.push({ text, fontPx, rects });
      }
      // HTML: each element's own text nodes (not inside an <svg>).
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const byEl = new Map<Element, Text[]>();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || el.closest('svg') || !clean(n.textContent ?? '')) continue;
        const list = byEl.get(el) ?? [];
        list.push(n as Text);
        byEl.set(el, list);
      }
      for (const [el, nodes] of byEl) {
        if (!visible(el)) continue;
        const rects = nodes.flatMap((n) => {
          const r = document.createRange();
          r.selectNodeContents(n);
          return rectList(r.getClientRects());
        });
        const text = clean(nodes.map((n) => n.textContent).join(' '));
        if (rects.length) out.push({ text, fontPx: parseFloat(getComputedStyle(el).fontSize), rects });
      }
    }
    return out;
  }, rootSelector);
}

/** The pairs of text items under `rootSelector` whose boxes overlap by more than `tolerance` px. */
export async function findTextOverlaps(
  page: Page,
  rootSelector: string,
  tolerance = 1,
): Promise<TextOverlap[]> {
  const items = await diagramTexts(page, rootSelector);
  const found: TextOverlap[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      let best: TextOverlap | null = null;
      for (const p of items[i]!.rects) {
        for (const q of items[j]!.rects) {
          const w = Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x);
          const h = Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y);
          if (w > tolerance && h > tolerance && (!best || w * h > best.w * best.h))
            best = { a: items[i]!.text, b: items[j]!.text, w: Math.round(w), h: Math.round(h) };
        }
      }
      if (best) found.push(best);
    }
  }
  return found;
}

/** Text items under `rootSelector` drawn smaller than `minPx`. */
export async function findSmallText(page: Page, rootSelector: string, minPx = 12): Promise<TextItem[]> {
  const items = await diagramTexts(page, rootSelector);
  return items.filter((t) => t.fontPx < minPx - 0.05);
}
