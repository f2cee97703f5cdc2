/**
 * The main diagram of a lab as a self-contained SVG file: every style the page's CSS gives it is
 * written onto the elements (computed values, so CSS variables arrive resolved for the current
 * theme and the font stack is spelled out — nothing is fetched, the app works offline), patterns
 * it borrows from elsewhere in the page (`url(#room-hatch)`) are copied into its own `<defs>`,
 * and it gets `xmlns`, `width`, `height`, `viewBox` and a background.
 *
 * A diagram drawn in HTML (the Socket lab's call path) is exported the same way inside a
 * `<foreignObject>`: browsers draw it (and so does the PNG export), other SVG tools may not.
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Anything with computed values by property name (a CSSStyleDeclaration, or a fake in tests). */
export interface StyleLike {
  getPropertyValue(name: string): string;
  readonly length?: number;
  [index: number]: string;
}
export type StyleOf = (el: Element) => StyleLike;

/** SVG presentation properties that inherit: written where they differ from the parent's. */
export const SVG_INHERITED = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'letter-spacing',
  'word-spacing',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'white-space',
  'color',
] as const;

/** SVG properties that do not inherit, with the values that need not be written. */
const SVG_OWN: Record<string, readonly string[]> = {
  opacity: ['1'],
  display: ['inline', 'block', 'inline-block', 'flex', 'grid', 'contents'],
  'clip-path': ['none'],
  mask: ['none'],
  filter: ['none'],
  'text-decoration-line': ['none'],
  'mix-blend-mode': ['normal'],
};

/** Attributes that are presentation properties: a `var(…)` in one is replaced by its computed value. */
const PRESENTATION_ATTRS = new Set<string>([...SVG_INHERITED, ...Object.keys(SVG_OWN), 'stop-color']);

/** `url("http://host/page#id")` and `url("#id")` → `url(#id)`: references stay inside the file. */
export function localUrls(value: string): string {
  return value.replace(/url\(\s*(["']?)[^"')]*?#([^"')]+)\1\s*\)/g, 'url(#$2)');
}

/** The ids a piece of SVG markup refers to (`url(#id)` in attributes and styles, `href="#id"`). */
export function referencedIds(root: Element): Set<string> {
  const ids = new Set<string>();
  const scan = (el: Element) => {
    for (const a of Array.from(el.attributes)) {
      if ((a.localName === 'href' || a.name === 'xlink:href') && a.value.startsWith('#'))
        ids.add(a.value.slice(1));
      for (const m of a.value.matchAll(/url\(\s*["']?#([^"')]+)["']?\s*\)/g)) ids.add(m[1]!);
    }
  };
  scan(root);
  root.querySelectorAll('*').forEach(scan);
  return ids;
}

const parentValues = (cs: StyleLike, names: readonly string[]) =>
  new Map(names.map((n) => [n, localUrls(cs.getPropertyValue(n).trim())]));

/**
 * Write the computed SVG styles of `src` (and its subtree) onto `dst`, a deep clone of it.
 * `parent` holds the inherited values already written above; null writes them all (the root).
 */
export function inlineSvgStyles(
  src: Element,
  dst: Element,
  styleOf: StyleOf,
  parent: Map<string, string> | null = null,
): void {
  const cs = styleOf(src);
  const mine = parentValues(cs, SVG_INHERITED);
  const decl: string[] = [];
  for (const [name, v] of mine) if (v && parent?.get(name) !== v) decl.push(`${name}:${v}`);
  for (const [name, skip] of Object.entries(SVG_OWN)) {
    const v = localUrls(cs.getPropertyValue(name).trim());
    if (v && !skip.includes(v)) decl.push(`${name}:${v}`);
  }
  // A CSS transform (or one written per frame) becomes the attribute every SVG reader knows.
  const transform = cs.getPropertyValue('transform').trim();
  if (transform && transform !== 'none' && src.localName !== 'svg') dst.setAttribute('transform', transform);
  for (const a of Array.from(dst.attributes)) {
    if (!a.value.includes('var(')) continue;
    if (PRESENTATION_ATTRS.has(a.name)) {
      const v = localUrls(cs.getPropertyValue(a.name).trim());
      if (v) dst.setAttribute(a.name, v);
      else dst.removeAttribute(a.name);
    } else if (a.name !== 'style') dst.removeAttribute(a.name);
  }
  if (decl.length) dst.setAttribute('style', decl.join(';'));
  else dst.removeAttribute('style');
  const s = Array.from(src.children);
  const d = Array.from(dst.children);
  s.forEach((child, i) => {
    const c = d[i];
    if (c) inlineSvgStyles(child, c, styleOf, mine);
  });
}

/** CSS properties that inherit (for the HTML of a foreignObject). */
const HTML_INHERITED = new Set([
  'color',
  'cursor',
  'direction',
  'font-family',
  'font-size',
  'font-style',
  'font-variant',
  'font-variant-numeric',
  'font-variant-ligatures',
  'font-variant-caps',
  'font-weight',
  'font-stretch',
  'font-feature-settings',
  'font-kerning',
  'font-size-adjust',
  'letter-spacing',
  'line-height',
  'list-style-image',
  'list-style-position',
  'list-style-type',
  'tab-size',
  'text-align',
  'text-indent',
  'text-rendering',
  'text-shadow',
  'text-transform',
  'visibility',
  'white-space',
  'white-space-collapse',
  'text-wrap',
  'text-wrap-mode',
  'word-break',
  'word-spacing',
  'overflow-wrap',
  'hyphens',
  'border-collapse',
  'border-spacing',
  'caption-side',
  'empty-cells',
  'quotes',
  'writing-mode',
  'orientation',
  '-webkit-text-fill-color',
  '-webkit-text-stroke-color',
  '-webkit-text-stroke-width',
  '-webkit-font-smoothing',
  ...SVG_INHERITED,
]);

/** Properties that only matter to a live page. */
const HTML_SKIP =
  /^(--|transition|animation|will-change|cursor|pointer-events|user-select|-webkit-user|caret|outline|scroll|overscroll|touch-action|content-visibility|view-transition|anchor|position-anchor|interactivity)/;

const LIST_TAGS = new Set(['ul', 'ol', 'li', 'menu']);

/** Computed values of a plain element of each tag: what need not be written. */
export type DefaultsOf = (tag: string) => Map<string, string>;

function styleEntries(cs: StyleLike): [string, string][] {
  const out: [string, string][] = [];
  const n = cs.length ?? 0;
  for (let i = 0; i < n; i++) {
    const name = cs[i];
    if (!name || HTML_SKIP.test(name)) continue;
    out.push([name, localUrls(cs.getPropertyValue(name).trim())]);
  }
  return out;
}

export interface HtmlContext {
  styleOf: StyleOf;
  defaultsOf: DefaultsOf;
  /** Computed style of `::before` / `::after`, when the browser has them. */
  pseudoOf?: (el: Element, pseudo: '::before' | '::after') => StyleLike;
  /** CSS rules for the pseudo-elements, keyed by a `data-x` attribute on their element. */
  rules: string[];
}

function declarations(entries: [string, string][], keep: (name: string, v: string) => boolean): string {
  return entries
    .filter(([name, v]) => v && keep(name, v))
    .map(([name, v]) => `${name}:${v}`)
    .join(';');
}

/** Write the computed styles of an HTML subtree onto its clone; SVG inside it goes through inlineSvgStyles. */
export function inlineHtmlStyles(
  src: Element,
  dst: Element,
  ctx: HtmlContext,
  parent: Map<string, string> | null = null,
): void {
  if (src.namespaceURI === SVG_NS) return inlineSvgStyles(src, dst, ctx.styleOf);
  const entries = styleEntries(ctx.styleOf(src));
  const defaults = ctx.defaultsOf(src.localName);
  // An inherited value equal to the parent's is left to inheritance — except list markers, which
  // the user-agent sheet sets by nesting (`ul ul` gets circles): a nested list must say `none` itself.
  const listTag = LIST_TAGS.has(src.localName);
  const differs = (name: string, v: string) =>
    HTML_INHERITED.has(name) && parent && !(listTag && name.startsWith('list-style'))
      ? parent.get(name) !== v
      : defaults.get(name) !== v || (listTag && name.startsWith('list-style'));
  dst.setAttribute('style', declarations(entries, differs));
  dst.removeAttribute('class');
  const mine = new Map(entries);
  // Pseudo-elements (connectors, dots, counters) cannot be inlined: a rule per element instead.
  for (const pseudo of ['::before', '::after'] as const) {
    const ps = ctx.pseudoOf?.(src, pseudo);
    const content = ps?.getPropertyValue('content').trim();
    if (!ps || !content || content === 'none' || content === 'normal') continue;
    const key = String(ctx.rules.length);
    dst.setAttribute(`data-x${pseudo.slice(2)}`, key);
    const span = ctx.defaultsOf('span');
    const pe = styleEntries(ps);
    const body = declarations(pe, (name, v) =>
      HTML_INHERITED.has(name) ? mine.get(name) !== v : span.get(name) !== v || name === 'content',
    );
    ctx.rules.push(`[data-x${pseudo.slice(2)}="${key}"]${pseudo}{${body}}`);
  }
  const s = Array.from(src.children);
  const d = Array.from(dst.children);
  s.forEach((child, i) => {
    const c = d[i];
    if (c) inlineHtmlStyles(child, c, ctx, mine);
  });
}

/** Defaults read from plain elements in a hidden, unstyled iframe; call `dispose` when done. */
export function browserDefaults(doc: Document): { defaultsOf: DefaultsOf; dispose: () => void } {
  const frame = doc.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
  doc.body.append(frame);
  const fdoc = frame.contentDocument;
  const cache = new Map<string, Map<string, string>>();
  const defaultsOf: DefaultsOf = (tag) => {
    let m = cache.get(tag);
    if (m) return m;
    m = new Map();
    if (fdoc?.body && frame.contentWindow) {
      const el = fdoc.createElement(tag);
      fdoc.body.append(el);
      for (const [k, v] of styleEntries(frame.contentWindow.getComputedStyle(el))) m.set(k, v);
      el.remove();
    }
    cache.set(tag, m);
    return m;
  };
  return { defaultsOf, dispose: () => frame.remove() };
}

const TRANSPARENT = new Set(['', 'transparent', 'rgba(0, 0, 0, 0)']);

/** The colour the diagram sits on: the first ancestor with a background colour. */
export function backgroundOf(el: Element, styleOf: StyleOf): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const v = styleOf(e).getPropertyValue('background-color').trim();
    if (!TRANSPARENT.has(v)) return v;
  }
  return '#ffffff';
}

export interface SerializedDiagram {
  svg: string;
  width: number;
  height: number;
}

export interface SerializeOptions {
  styleOf?: StyleOf;
  defaultsOf?: DefaultsOf;
  /** Computed style of an element's `::before` / `::after` (default: the window's). */
  pseudoOf?: HtmlContext['pseudoOf'];
  /** Written into the file's `<desc>` (the link to the state it shows). */
  description?: string;
  /** The background colour; default: the diagram's own. */
  background?: string;
}

/** Room around an HTML diagram, for what it draws just outside its box (dots on a rail, shadows). */
const HTML_PAD = 12;

function size(el: Element): { width: number; height: number } {
  const r = el.getBoundingClientRect();
  const attr = (n: string) => Number.parseFloat(el.getAttribute(n) ?? '') || 0;
  const pad = el.namespaceURI === SVG_NS ? 0 : 2 * HTML_PAD;
  return {
    width: Math.ceil(r.width || attr('width')) + pad,
    height: Math.ceil(r.height || attr('height')) + pad,
  };
}

/** Copy the page's elements that the export refers to but does not contain (e.g. shared patterns). */
function copyMissingDefs(svg: Element, doc: Document, styleOf: StyleOf) {
  let defs: Element | null = null;
  const seen = new Set<string>();
  for (;;) {
    const own = new Set(Array.from(svg.querySelectorAll('[id]'), (e) => e.getAttribute('id')));
    const missing = [...referencedIds(svg)].filter((id) => !seen.has(id) && !own.has(id));
    if (missing.length === 0) return;
    for (const id of missing) {
      seen.add(id);
      const src = doc.getElementById(id);
      if (!src || src.namespaceURI !== SVG_NS) continue;
      if (!defs) {
        defs = doc.createElementNS(SVG_NS, 'defs');
        svg.insertBefore(defs, svg.firstChild);
      }
      const copy = src.cloneNode(true) as Element;
      inlineSvgStyles(src, copy, styleOf);
      defs.append(copy);
    }
  }
}

/** Serialise a lab's main diagram (an `<svg>`, or an HTML element) as a standalone SVG document. */
export function serializeDiagram(el: Element, opts: SerializeOptions = {}): SerializedDiagram {
  const doc = el.ownerDocument;
  const win = doc.defaultView;
  const styleOf: StyleOf =
    opts.styleOf ?? ((e) => (win ? win.getComputedStyle(e) : { getPropertyValue: () => '' }));
  const { width, height } = size(el);
  const background = opts.background ?? backgroundOf(el, styleOf);

  let svg: Element;
  if (el.namespaceURI === SVG_NS && el.localName === 'svg') {
    svg = el.cloneNode(true) as Element;
    inlineSvgStyles(el, svg, styleOf);
    if (!svg.getAttribute('viewBox')) svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  } else {
    svg = doc.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const fo = doc.createElementNS(SVG_NS, 'foreignObject');
    fo.setAttribute('x', String(HTML_PAD));
    fo.setAttribute('y', String(HTML_PAD));
    fo.setAttribute('width', String(width - 2 * HTML_PAD));
    fo.setAttribute('height', String(height - 2 * HTML_PAD));
    const copy = el.cloneNode(true) as Element;
    const own = opts.defaultsOf ? { defaultsOf: opts.defaultsOf, dispose: () => {} } : browserDefaults(doc);
    const ctx: HtmlContext = {
      styleOf,
      defaultsOf: own.defaultsOf,
      pseudoOf: opts.pseudoOf ?? (win ? (e, p) => win.getComputedStyle(e, p) : undefined),
      rules: [],
    };
    try {
      inlineHtmlStyles(el, copy, ctx);
    } finally {
      own.dispose();
    }
    if (ctx.rules.length) {
      const style = doc.createElementNS(SVG_NS, 'style');
      style.textContent = ctx.rules.join('\n');
      svg.append(style);
    }
    // The HTML's inherited text styles (font, colour) come from the page around it.
    const cs = styleOf(el);
    const inherited = ['font-family', 'font-size', 'line-height', 'color']
      .map((p) => `${p}:${cs.getPropertyValue(p).trim()}`)
      .join(';');
    copy.setAttribute('style', `${inherited};${copy.getAttribute('style') ?? ''};margin:0`);
    fo.append(copy);
    svg.append(fo);
  }
  // In the xmlns namespace: a plain attribute would be written twice (once more by the serializer).
  svg.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  svg.setAttributeNS(XMLNS_NS, 'xmlns:xlink', XLINK_NS);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.removeAttribute('data-main-diagram');
  svg.removeAttribute('class');

  copyMissingDefs(svg, doc, styleOf);

  const bg = doc.createElementNS(SVG_NS, 'rect');
  const [vx, vy, vw, vh] = (svg.getAttribute('viewBox') ?? `0 0 ${width} ${height}`)
    .split(/[\s,]+/)
    .map(Number);
  bg.setAttribute('x', String(vx ?? 0));
  bg.setAttribute('y', String(vy ?? 0));
  bg.setAttribute('width', String(vw ?? width));
  bg.setAttribute('height', String(vh ?? height));
  bg.setAttribute('fill', background);
  const first =
    svg.firstElementChild?.localName === 'defs' ? svg.firstElementChild.nextSibling : svg.firstChild;
  svg.insertBefore(bg, first);
  if (opts.description) {
    const desc = doc.createElementNS(SVG_NS, 'desc');
    desc.textContent = opts.description;
    svg.insertBefore(desc, svg.firstChild);
  }
  const text = new XMLSerializer().serializeToString(svg);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`, width, height };
}
