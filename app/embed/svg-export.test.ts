import { describe, expect, it } from 'vitest';
import {
  backgroundOf,
  localUrls,
  referencedIds,
  serializeDiagram,
  SVG_NS,
  type StyleLike,
  type StyleOf,
} from './svg-export.ts';

/**
 * jsdom computes no CSS cascade worth the name, so the tests give the exporter the computed
 * styles a browser would: per element, by class, with inheritance from the parent as in CSS.
 */
const INHERITED = new Set([
  'fill',
  'stroke',
  'font-family',
  'font-size',
  'font-weight',
  'color',
  'text-anchor',
  'list-style-type',
]);
type Rules = Record<string, Record<string, string>>;

function fakeStyles(rules: Rules, root: Record<string, string> = {}): StyleOf {
  const cache = new Map<Element, Record<string, string>>();
  const computed = (el: Element): Record<string, string> => {
    const hit = cache.get(el);
    if (hit) return hit;
    const parent = el.parentElement ? computed(el.parentElement) : root;
    const own: Record<string, string> = {};
    for (const [k, v] of Object.entries(parent)) if (INHERITED.has(k)) own[k] = v;
    for (const cls of Array.from(el.classList)) Object.assign(own, rules[`.${cls}`]);
    Object.assign(own, rules[el.localName]);
    cache.set(el, own);
    return own;
  };
  return (el) => {
    const v = computed(el);
    const names = Object.keys(v);
    const style: StyleLike = { getPropertyValue: (n) => v[n] ?? '', length: names.length };
    names.forEach((n, i) => ((style as unknown as Record<number, string>)[i] = n));
    return style;
  };
}

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
}

describe('localUrls and referencedIds', () => {
  it('rewrites absolute and quoted url(#id) references to local ones', () => {
    expect(localUrls('url("http://127.0.0.1:4173/docs/#room-hatch")')).toBe('url(#room-hatch)');
    expect(localUrls("url('#clip-1') none")).toBe('url(#clip-1) none');
    expect(localUrls('url(#a)')).toBe('url(#a)');
    expect(localUrls('rgb(1, 2, 3)')).toBe('rgb(1, 2, 3)');
  });
  it('finds ids used by url() in attributes and styles, and by href', () => {
    mount(
      `<svg xmlns="${SVG_NS}"><rect fill="url(#p1)" style="clip-path:url('#c1')"/><use href="#sym"/><a href="https://x/#no"/></svg>`,
    );
    expect([...referencedIds(document.querySelector('svg')!)].sort()).toEqual(['c1', 'p1', 'sym']);
  });
});

describe('serializeDiagram of an SVG diagram', () => {
  const rules: Rules = {
    '.diagram': { 'font-family': FONT, 'font-size': '12px', fill: 'rgb(20, 20, 30)' },
    '.frag': { fill: 'rgb(122, 167, 245)', stroke: 'rgb(255, 255, 255)', 'stroke-width': '1px' },
    '.label': { 'font-weight': '600', 'text-anchor': 'middle' },
    '.faded': { opacity: '0.5' },
    '.panel': { 'background-color': 'rgb(250, 250, 252)' },
  };

  function diagram() {
    mount(`<div class="panel">
      <svg class="diagram" data-main-diagram="fragments" width="400" height="60" role="img" aria-label="Fragments">
        <g class="frags">
          <rect class="frag" x="0" width="200" height="20" fill="var(--k-ip)"/>
          <rect class="frag faded" x="200" width="200" height="20" style="fill: var(--k-ip)"/>
        </g>
        <text class="label" x="100" y="40">#1 · 1,480 B</text>
        <text class="label" x="300" y="40">#2 · 1,048 B &amp; &lt;more&gt;</text>
        <rect x="0" y="50" width="400" height="4" fill="url(#room-hatch)"/>
      </svg>
      <svg width="0" height="0"><defs><pattern id="room-hatch" width="4" height="4"><path class="hatch" d="M0 4L4 0"/></pattern></defs></svg>
    </div>`);
    return document.querySelector('[data-main-diagram]')!;
  }

  it('is a standalone SVG document that parses, with size, viewBox and namespace', () => {
    const d = serializeDiagram(diagram(), { styleOf: fakeStyles(rules) });
    expect(d.svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect({ width: d.width, height: d.height }).toEqual({ width: 400, height: 60 });
    const root = parse(d.svg).documentElement;
    expect(root.localName).toBe('svg');
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.getAttribute('width')).toBe('400');
    expect(root.getAttribute('height')).toBe('60');
    expect(root.getAttribute('viewBox')).toBe('0 0 400 60');
    // The page's hooks do not travel; the classes inside stay as names only: no stylesheet.
    expect(root.hasAttribute('class')).toBe(false);
    expect(root.hasAttribute('data-main-diagram')).toBe(false);
    expect(d.svg).not.toContain('<style');
  });

  it('keeps the labels (escaped as XML) and the accessible name', () => {
    const doc = parse(serializeDiagram(diagram(), { styleOf: fakeStyles(rules) }).svg);
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent)).toEqual([
      '#1 · 1,480 B',
      '#2 · 1,048 B & <more>',
    ]);
    expect(doc.documentElement.getAttribute('aria-label')).toBe('Fragments');
  });

  it('inlines the computed styles: the font on the root, inherited values only where they change', () => {
    const doc = parse(serializeDiagram(diagram(), { styleOf: fakeStyles(rules) }).svg);
    const root = doc.documentElement;
    expect(root.getAttribute('style')).toContain(`font-family:${FONT}`);
    expect(root.getAttribute('style')).toContain('font-size:12px');
    const [a, b] = [...doc.querySelectorAll('g > rect')];
    expect(a!.getAttribute('style')).toBe(
      'fill:rgb(122, 167, 245);stroke:rgb(255, 255, 255);stroke-width:1px',
    );
    expect(b!.getAttribute('style')).toContain('opacity:0.5');
    const label = doc.querySelector('text')!.getAttribute('style')!;
    expect(label).toContain('font-weight:600');
    expect(label).toContain('text-anchor:middle');
    expect(label).not.toContain('font-family'); // inherited from the root, not repeated
  });

  it('leaves no CSS variable behind: var() in a presentation attribute becomes its computed value', () => {
    const d = serializeDiagram(diagram(), { styleOf: fakeStyles(rules) });
    expect(d.svg).not.toContain('var(');
    const first = parse(d.svg).querySelector('g > rect')!;
    expect(first.getAttribute('fill')).toBe('rgb(122, 167, 245)');
  });

  it('copies a pattern it borrows from elsewhere in the page into its own defs, styled', () => {
    const hatch = { ...rules, '.hatch': { stroke: 'rgb(180, 180, 190)' } };
    const doc = parse(serializeDiagram(diagram(), { styleOf: fakeStyles(hatch) }).svg);
    const defs = doc.documentElement.querySelector(':scope > defs')!;
    expect(defs).not.toBeNull();
    const pattern = defs.querySelector('pattern#room-hatch')!;
    expect(pattern).not.toBeNull();
    expect(pattern.querySelector('path')!.getAttribute('style')).toContain('stroke:rgb(180, 180, 190)');
  });

  it('puts a background rectangle of the panel colour first, and the link in <desc>', () => {
    const d = serializeDiagram(diagram(), {
      styleOf: fakeStyles(rules),
      description: 'sockscope — Fragmentation: https://example.org/#/fragment?len=4000',
    });
    const root = parse(d.svg).documentElement;
    const kids = [...root.children].map((c) => c.localName);
    expect(kids.slice(0, 3)).toEqual(['desc', 'defs', 'rect']);
    expect(root.querySelector('desc')!.textContent).toContain('#/fragment?len=4000');
    const bg = root.children[2]!;
    expect(bg.getAttribute('fill')).toBe('rgb(250, 250, 252)');
    expect([bg.getAttribute('width'), bg.getAttribute('height')]).toEqual(['400', '60']);
    expect(serializeDiagram(diagram(), { styleOf: fakeStyles(rules), background: '#000' }).svg).toContain(
      'fill="#000"',
    );
  });

  it('does not change the page it exports from', () => {
    const el = diagram();
    const before = el.outerHTML;
    serializeDiagram(el, { styleOf: fakeStyles(rules) });
    expect(el.outerHTML).toBe(before);
  });
});

describe('serializeDiagram of an HTML diagram', () => {
  it('wraps it in a foreignObject with the styles inlined and a margin around it', () => {
    mount(`<main><figure class="path" data-main-diagram="call-path" style="width:300px">
      <ol class="steps"><li class="step is-ok">__sys_socket()</li><li class="step">inet_create()</li></ol>
    </figure></main>`);
    const rules: Rules = {
      main: { 'background-color': 'rgb(255, 255, 255)' },
      '.path': { 'font-family': FONT, 'font-size': '14px', color: 'rgb(20, 20, 30)', display: 'block' },
      '.steps': { display: 'block', 'padding-left': '0px' },
      '.step': { display: 'list-item', 'border-left-color': 'rgb(200, 200, 210)' },
      '.is-ok': { color: 'rgb(0, 128, 0)' },
    };
    const defaults = (tag: string) =>
      new Map(tag === 'li' ? [['display', 'list-item']] : [['display', 'block']]);
    const el = document.querySelector('[data-main-diagram]')!;
    // The ok step draws a dot with ::before; the browser's computed style of it, as a fake.
    const pseudoOf = (e: Element, p: '::before' | '::after'): StyleLike =>
      p === '::before' && e.classList.contains('is-ok')
        ? fakeStyles({ span: { content: '""', 'background-color': 'rgb(0, 128, 0)', width: '8px' } })(
            document.createElement('span'),
          )
        : { getPropertyValue: () => 'none', length: 0 };
    const d = serializeDiagram(el, { styleOf: fakeStyles(rules), defaultsOf: defaults, pseudoOf });
    const doc = parse(d.svg);
    const fo = doc.querySelector('foreignObject')!;
    expect(fo).not.toBeNull();
    expect([fo.getAttribute('x'), fo.getAttribute('y')]).toEqual(['12', '12']);
    // jsdom lays nothing out: the size comes from nowhere, plus the 12 px margin on each side.
    expect(d.width).toBe(24);
    const fig = fo.firstElementChild!;
    expect(fig.getAttribute('style')).toContain(`font-family:${FONT}`);
    expect(fig.getAttribute('style')).toMatch(/margin:0$/);
    const [ok, plain] = [...fo.querySelectorAll('li')];
    expect(ok!.textContent).toBe('__sys_socket()');
    expect(ok!.getAttribute('style')).toContain('color:rgb(0, 128, 0)');
    expect(ok!.getAttribute('style')).toContain('border-left-color:rgb(200, 200, 210)');
    expect(ok!.getAttribute('style')).not.toContain('display'); // the default for an li
    expect(plain!.getAttribute('style')).not.toContain('color:rgb(20, 20, 30)'); // inherited, not repeated
    expect(d.svg).not.toContain('class=');
    // The pseudo-element cannot be inlined: a rule keyed by a data attribute instead.
    expect(ok!.getAttribute('data-xbefore')).toBe('0');
    expect(doc.querySelector('style')!.textContent).toBe(
      '[data-xbefore="0"]::before{content:"";background-color:rgb(0, 128, 0);width:8px}',
    );
  });
  it('writes list markers on every list, since the UA sheet gives nested lists circles', () => {
    mount(`<main><div class="path" data-main-diagram>
      <ol class="plain"><li><ul class="notes"><li>step 1</li></ul></li></ol>
    </div></main>`);
    const rules: Rules = { '.plain': { 'list-style-type': 'none', display: 'block' } };
    const defaults = (tag: string) => new Map([['list-style-type', tag === 'ol' ? 'decimal' : 'disc']]);
    const el = document.querySelector('[data-main-diagram]')!;
    const d = serializeDiagram(el, { styleOf: fakeStyles(rules), defaultsOf: defaults });
    const doc = parse(d.svg);
    // The inner ul inherits `none` from the ol, but in the exported file `ol ul` would get
    // circles from the user-agent sheet: each list element states its marker itself.
    for (const tag of ['ol', 'ul', 'li'])
      for (const e of doc.querySelectorAll(tag))
        expect(e.getAttribute('style'), tag).toContain('list-style-type:none');
    expect(doc.querySelector('div')!.getAttribute('style') ?? '').not.toContain('list-style');
  });
});

describe('backgroundOf', () => {
  it('is the first ancestor with a colour, else white', () => {
    mount('<section class="bg"><div><span id="x"></span></div></section>');
    const styles = fakeStyles({
      '.bg': { 'background-color': 'rgb(1, 2, 3)' },
      div: { 'background-color': 'rgba(0, 0, 0, 0)' },
    });
    expect(backgroundOf(document.getElementById('x')!, styles)).toBe('rgb(1, 2, 3)');
    expect(backgroundOf(document.getElementById('x')!, fakeStyles({}))).toBe('#ffffff');
  });
});
