/**
 * The drop-in script's grammar: what a placeholder's attributes mean, and the iframe address they
 * make. Pure functions of strings (no DOM), so every rule is unit-tested and bad input is a
 * warning, never an exception — whatever value an attribute holds.
 *
 *   <div data-sockscope="#/fragment?len=4000&mtu=1500" data-view="diagram"
 *        data-controls="len,mtu" data-theme="light" data-lang="zh-CN" data-bg="transparent"
 *        data-autoplay data-loop data-step="3" data-title="…"></div>
 */

/** The embed views the app knows (issue 16); `full` is the lab as it is today. */
export const VIEWS = ['full', 'compact', 'diagram'] as const;
export const THEMES = ['light', 'dark', 'auto'] as const;
export type View = (typeof VIEWS)[number];
export type Theme = (typeof THEMES)[number];

/** Bounds: a placeholder's text is echoed into a URL and into warnings, so both are capped. */
export const MAX_TARGET_CHARS = 4000;
export const MAX_CONTROLS = 12;
export const MAX_STEP = 100_000;
/** The longest attribute value quoted back in a warning. */
const ECHO_CHARS = 80;

/** The labs' titles, for the iframe's `title` (what a screen reader announces for the frame). */
export const LAB_TITLES: Readonly<Record<string, string>> = {
  socket: 'Socket creation',
  netlink: 'Netlink messages',
  skb: 'sk_buff',
  fragment: 'Fragmentation',
  reassemble: 'Reassembly',
  journey: 'Journey of a datagram',
};

/** What one placeholder asks for, once read. Absent fields are not passed to the lab. */
export interface EmbedOptions {
  /** The lab's route (`fragment`). */
  lab: string;
  /** The lab's own state, the hash query as written (`len=4000&mtu=1500`), without drop-in keys. */
  query: string;
  /** Set when `data-sockscope` was a full address: the sockscope it names, instead of the script's. */
  base?: string;
  view?: View;
  controls?: string[];
  theme?: Theme;
  lang?: string;
  bg?: 'transparent';
  autoplay?: boolean;
  loop?: boolean;
  step?: number;
  title: string;
}

/** The attributes a placeholder may carry, by their `data-` name. */
export const ATTRIBUTES = [
  'data-sockscope',
  'data-view',
  'data-controls',
  'data-theme',
  'data-lang',
  'data-bg',
  'data-autoplay',
  'data-loop',
  'data-step',
  'data-title',
] as const;

/** Attribute values by name; `null` for an absent attribute (as `getAttribute` returns). */
export type AttributeReader = (name: (typeof ATTRIBUTES)[number]) => string | null;

/** Page-wide defaults (from `<html data-sockscope-theme>` etc.), used where a placeholder is silent. */
export interface PageDefaults {
  theme?: Theme;
  lang?: string;
}

export type ParseResult =
  { ok: true; options: EmbedOptions; warnings: string[] } | { ok: false; error: string; warnings: string[] };

const echo = (s: string) => JSON.stringify(s.length > ECHO_CHARS ? `${s.slice(0, ECHO_CHARS)}…` : s);

/** The query keys the drop-in sets itself; the same keys in `data-sockscope`'s query give way to the attributes. */
const OWN_KEYS = new Set(['embed', 'view', 'controls', 'theme', 'lang', 'bg', 'autoplay', 'loop', 'step']);

const LAB_RE = /^[a-z][a-z0-9-]{0,31}$/;
const CONTROL_RE = /^[a-zA-Z][a-zA-Z0-9_-]{0,31}$/;
// BCP 47 in the shape browsers use (`en`, `zh-CN`, `zh-Hant-TW`); the app negotiates what it has.
const LANG_RE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/;

/** A boolean attribute: present (`data-loop`, `data-loop=""`, `="1"`, `="true"`) is on; `"0"`/`"false"` off. */
function flag(v: string | null): boolean | undefined {
  if (v === null) return undefined;
  const t = v.trim().toLowerCase();
  return !(t === '0' || t === 'false' || t === 'no' || t === 'off');
}

/** Normalise a language tag's case the way BCP 47 writes it (`zh-cn` → `zh-CN`), or undefined. */
export function normaliseLang(v: string | null | undefined): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim().replace(/_/g, '-');
  if (!LANG_RE.test(t)) return undefined;
  return t
    .split('-')
    .map((part, i) =>
      i === 0
        ? part.toLowerCase()
        : part.length === 2
          ? part.toUpperCase()
          : part.length === 4
            ? part[0]!.toUpperCase() + part.slice(1).toLowerCase()
            : part.toLowerCase(),
    )
    .join('-');
}

export function parseTheme(v: string | null | undefined): Theme | undefined {
  const t = typeof v === 'string' ? v.trim().toLowerCase() : '';
  return (THEMES as readonly string[]).includes(t) ? (t as Theme) : undefined;
}

/**
 * Split `data-sockscope` into the lab, its query and (for a full address) the sockscope base.
 * Accepted: `#/fragment?len=4000`, `/fragment?…`, `fragment?…`, `#fragment`, and
 * `https://site/sockscope/#/fragment?…`.
 */
export function parseTarget(
  raw: string,
): { ok: true; lab: string; query: string; base?: string } | { ok: false; error: string } {
  const v = raw.trim();
  if (v === '')
    return { ok: false, error: 'data-sockscope is empty: write the lab, e.g. "#/fragment?len=4000"' };
  if (v.length > MAX_TARGET_CHARS)
    return { ok: false, error: `data-sockscope is longer than ${MAX_TARGET_CHARS} characters` };
  let base: string | undefined;
  let hash = v;
  if (/^https?:\/\//i.test(v)) {
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      return { ok: false, error: `data-sockscope ${echo(v)} is not a valid address` };
    }
    hash = url.hash;
    url.hash = '';
    base = url.href;
  }
  const path = hash.replace(/^#/, '').replace(/^\/+/, '');
  const q = path.indexOf('?');
  const lab = (q < 0 ? path : path.slice(0, q)).replace(/\/+$/, '');
  if (!LAB_RE.test(lab))
    return { ok: false, error: `data-sockscope ${echo(v)} names no lab: write it as "#/fragment?len=4000"` };
  const query = q < 0 ? '' : path.slice(q + 1);
  return base === undefined ? { ok: true, lab, query } : { ok: true, lab, query, base };
}

/** Read a placeholder's attributes. Never throws; every ignored attribute is one warning. */
export function parseAttributes(read: AttributeReader, defaults: PageDefaults = {}): ParseResult {
  const warnings: string[] = [];
  const get = (name: (typeof ATTRIBUTES)[number]): string | null => {
    try {
      const v: unknown = read(name);
      return typeof v === 'string' ? v : null;
    } catch {
      return null;
    }
  };
  const target = parseTarget(get('data-sockscope') ?? '');
  if (!target.ok) return { ok: false, error: target.error, warnings };

  const options: EmbedOptions = {
    lab: target.lab,
    query: target.query,
    title: `sockscope: ${LAB_TITLES[target.lab] ?? target.lab}`,
  };
  if (target.base !== undefined) options.base = target.base;

  const view = get('data-view');
  if (view !== null) {
    const t = view.trim().toLowerCase();
    if ((VIEWS as readonly string[]).includes(t)) options.view = t as View;
    else warnings.push(`data-view ${echo(view)} is not one of ${VIEWS.join(', ')}; the full lab is shown`);
  }

  const controls = get('data-controls');
  if (controls !== null) {
    const names = controls
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const good = names.filter((n) => CONTROL_RE.test(n));
    if (good.length < names.length)
      warnings.push(
        `data-controls ${echo(controls)}: names are parameter keys like "len,mtu"; others ignored`,
      );
    if (good.length > MAX_CONTROLS) warnings.push(`data-controls: only the first ${MAX_CONTROLS} are kept`);
    const kept = [...new Set(good)].slice(0, MAX_CONTROLS);
    if (kept.length) options.controls = kept;
  }

  const themeAttr = get('data-theme');
  const theme = parseTheme(themeAttr);
  if (themeAttr !== null && theme === undefined)
    warnings.push(
      `data-theme ${echo(themeAttr)} is not one of ${THEMES.join(', ')}; the page's default is used`,
    );
  const pickedTheme = theme ?? defaults.theme;
  if (pickedTheme) options.theme = pickedTheme;

  const langAttr = get('data-lang');
  const lang = normaliseLang(langAttr);
  if (langAttr !== null && lang === undefined)
    warnings.push(
      `data-lang ${echo(langAttr)} is not a language tag like "en" or "zh-CN"; the page's is used`,
    );
  const pickedLang = lang ?? defaults.lang;
  if (pickedLang) options.lang = pickedLang;

  const bg = get('data-bg');
  if (bg !== null) {
    if (bg.trim().toLowerCase() === 'transparent') options.bg = 'transparent';
    else if (bg.trim() !== '') warnings.push(`data-bg ${echo(bg)}: only "transparent" is known; ignored`);
  }

  const autoplay = flag(get('data-autoplay'));
  if (autoplay) options.autoplay = true;
  const loop = flag(get('data-loop'));
  if (loop) options.loop = true;

  const step = get('data-step');
  if (step !== null) {
    const t = step.trim();
    const n = /^\d{1,6}$/.test(t) ? Number(t) : NaN;
    if (Number.isInteger(n) && n <= MAX_STEP) options.step = n;
    else warnings.push(`data-step ${echo(step)} is not a step number 0…${MAX_STEP}; ignored`);
  }

  const title = get('data-title');
  if (title !== null && title.trim() !== '') options.title = title.trim().slice(0, 200);

  return { ok: true, options, warnings };
}

/**
 * The iframe's address: the lab's own query first (minus the keys the drop-in writes), then view,
 * controls, theme, lang, bg, autoplay, loop, step, and `embed=1` last — as the app's `embedHref`
 * writes it. `base` is the sockscope the script came from (`https://site/sockscope/`).
 */
export function buildSrc(base: string, o: EmbedOptions): string {
  const own: [string, string][] = [];
  if (o.view && o.view !== 'full') own.push(['view', o.view]);
  if (o.controls?.length) own.push(['controls', o.controls.join(',')]);
  own.push(['theme', o.theme ?? 'auto']);
  if (o.lang) own.push(['lang', o.lang]);
  if (o.bg) own.push(['bg', o.bg]);
  if (o.autoplay) own.push(['autoplay', '1']);
  if (o.loop) own.push(['loop', '1']);
  if (o.step !== undefined) own.push(['step', String(o.step)]);
  own.push(['embed', '1']);
  // The lab's parameters are kept exactly as written (their grammar is the lab's), minus the keys
  // written above: an attribute wins, but a `step=` (or `view=`…) copied from the lab's address with
  // no attribute of its own stays — the Journey's address carries its step.
  const written = new Set(own.map(([k]) => k));
  const kept = o.query.split('&').filter((kv) => {
    if (kv === '') return false;
    let key = kv.split('=')[0] ?? '';
    try {
      key = decodeURIComponent(key);
    } catch {
      /* a malformed escape is the lab's to report; keep the pair */
    }
    return !(OWN_KEYS.has(key) && written.has(key));
  });
  const ours = own.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',')}`);
  const page = (o.base ?? base).replace(/#.*$/, '');
  return `${page}#/${o.lab}?${[...kept, ...ours].join('&')}`;
}

/**
 * The sockscope base from the script's own address: the folder `embed.js` sits in, so the script
 * works from a sub-path and from another origin (`https://site/docs/sockscope/embed.js` →
 * `https://site/docs/sockscope/`). Undefined when the address is not http(s).
 */
export function baseFromScriptSrc(src: string | null | undefined, documentUrl?: string): string | undefined {
  if (typeof src !== 'string' || src.trim() === '') return undefined;
  try {
    const url = new URL(src, documentUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.search = '';
    url.hash = '';
    return new URL('./', url).href;
  } catch {
    return undefined;
  }
}

/** The origin an embed's messages must come from. */
export function originOf(href: string): string | undefined {
  try {
    const o = new URL(href).origin;
    return o === 'null' ? undefined : o;
  } catch {
    return undefined;
  }
}

/** What the host page says about its theme and language (read by the runtime from the DOM). */
export interface HostSignals {
  /** `data-sockscope-theme` on the script tag, then on `<html>`: the page author's explicit choice. */
  explicitTheme?: string | null;
  /** `<html data-theme>` (Docusaurus and many Hugo themes), `<body data-md-color-scheme>` (MkDocs Material). */
  siteTheme?: string | null;
  mkdocsScheme?: string | null;
  /** The computed `color-scheme` of the host's root (`light`, `dark`, `light dark`, `normal`). */
  colorScheme?: string | null;
  /** `data-sockscope-lang` on the script tag or `<html>`, then `<html lang>`. */
  explicitLang?: string | null;
  documentLang?: string | null;
}

/**
 * The page-wide defaults, most explicit first: the author's `data-sockscope-theme`; a docs
 * framework's own light/dark switch; a page that declares only one `color-scheme`; else `auto`
 * (the embed follows the reader's system, as the host does when it declares both or nothing).
 * The language: `data-sockscope-lang`, else the page's `lang`.
 */
export function pageDefaults(s: HostSignals): PageDefaults {
  const out: PageDefaults = {};
  const mk = typeof s.mkdocsScheme === 'string' ? s.mkdocsScheme.trim() : '';
  const fromMkdocs = mk === 'slate' ? 'dark' : mk === 'default' ? 'light' : undefined;
  const cs = typeof s.colorScheme === 'string' ? s.colorScheme.trim().toLowerCase().split(/\s+/) : [];
  const only = cs.filter((w) => w === 'light' || w === 'dark');
  const fromColorScheme = only.length === 1 ? (only[0] as Theme) : undefined;
  out.theme =
    parseTheme(s.explicitTheme) ?? parseTheme(s.siteTheme) ?? fromMkdocs ?? fromColorScheme ?? 'auto';
  const lang = normaliseLang(s.explicitLang) ?? normaliseLang(s.documentLang);
  if (lang) out.lang = lang;
  return out;
}
