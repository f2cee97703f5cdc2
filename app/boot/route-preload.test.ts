import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clientScript, labRoutes, routeMap, type RouteMap } from '../../vite/route-preload.ts';
import { INTL_WARMED_EVENT, INTL_WARMING } from './intl-warm.ts';
import { pickLocale } from '../../core/i18n/locale.ts';
import { isEmbedHref } from '../embed/embed-url.ts';
import { parseHash } from '../lab-kit/url.ts';
import { isChallengeHref } from '../lab-kit/challenge/url.ts';
import { langOfHref, STORAGE_KEY } from '../i18n/locale.ts';
import { DEFAULT_LAB, LABS } from '../labs/index.ts';

const SOURCE = readFileSync('app/boot/route-preload.js', 'utf8');
// Run before it in the page (<head>): it picks the language this script reads.
const THEME_JS = readFileSync('public/theme.js', 'utf8');

const MAP: RouteMap = {
  base: './',
  embedDefault: 'fragment',
  files: [
    'assets/FragmentLab.js',
    'assets/shared.js',
    'assets/FragmentLab.css',
    'assets/Home.js',
    'assets/en-base.js',
    'assets/en-frag.js',
    'assets/en-home.js',
    'assets/zh-base.js',
    'assets/zh-frag.js',
    'assets/zh-home.js',
    'assets/FragmentChallenge.js',
    'assets/ChallengePanel.js',
    'assets/en-challenge.js',
    'assets/en-challenge-frag.js',
    'assets/zh-challenge.js',
    'assets/zh-challenge-frag.js',
  ],
  routes: {
    fragment: { part: 'lab.fragment', files: [0, 1, 2], challenge: [10, 11] },
    '': { part: 'page.home', files: [3] },
  },
  catalogs: {
    en: { base: 4, 'lab.fragment': 5, 'page.home': 6, challenge: 12, 'challenge.fragment': 13 },
    'zh-CN': { base: 7, 'lab.fragment': 8, 'page.home': 9, challenge: 14, 'challenge.fragment': 15 },
  },
};

function run(
  hash: string,
  opts: { stored?: string | null; languages?: string[]; search?: string; firstScreen?: boolean } = {},
) {
  window.history.replaceState(null, '', `/${opts.search ?? ''}${hash}`);
  localStorage.clear();
  if (opts.stored != null) localStorage.setItem(STORAGE_KEY, opts.stored);
  Object.defineProperty(window.navigator, 'languages', {
    value: opts.languages ?? ['en-US'],
    configurable: true,
  });
  for (const l of document.head.querySelectorAll('link')) l.remove();
  delete document.documentElement.dataset.lang;
  new Function(THEME_JS)();
  // No first screen on show (an embed, the home page): the downloads start at once (below: after it).
  if (!opts.firstScreen) delete document.documentElement.dataset.boot;
  new Function(clientScript(SOURCE, MAP))();
  return [...document.head.querySelectorAll('link')].map((l) => ({
    file: l.getAttribute('href')!.replace(/^\.\//, ''),
    rel: l.rel,
    as: l.getAttribute('as'),
    crossOrigin: l.getAttribute('crossorigin'),
  }));
}

afterEach(() => {
  for (const l of document.head.querySelectorAll('link')) l.remove();
  localStorage.clear();
});

describe('route-preload.js: the address’s files, asked for before the app runs', () => {
  it('a lab: its language’s base and lab parts, its chunks, its CSS as a style preload', () => {
    const links = run('#/fragment?len=4000');
    expect(links.map((l) => l.file)).toEqual([
      'assets/en-base.js',
      'assets/en-frag.js',
      'assets/FragmentLab.js',
      'assets/shared.js',
      'assets/FragmentLab.css',
    ]);
    expect(links.filter((l) => l.rel === 'modulepreload')).toHaveLength(4);
    expect(links.at(-1)).toMatchObject({ rel: 'preload', as: 'style' });
    // The same request as Vite's preload helper and the module scripts make (one fetch each).
    expect(links.every((l) => l.crossOrigin === '')).toBe(true);
  });

  it('a teacher’s challenge=1 link: the questions, the panel and their words too, after the lab’s', () => {
    expect(run('#/fragment?len=4000&challenge=1&lang=zh-CN').map((l) => l.file)).toEqual([
      'assets/zh-base.js',
      'assets/zh-frag.js',
      'assets/FragmentLab.js',
      'assets/shared.js',
      'assets/FragmentLab.css',
      'assets/FragmentChallenge.js',
      'assets/ChallengePanel.js',
      'assets/zh-challenge.js',
      'assets/zh-challenge-frag.js',
    ]);
    // Challenge mode as the app reads the address: the hash query's value first, then the page's.
    for (const [hash, search] of [
      ['#/fragment?challenge=1', ''],
      ['#/fragment?challenge=true', ''],
      ['#/fragment?challenge=0', ''],
      ['#/fragment?challenge=false', ''],
      ['#/fragment?challenge=', ''],
      ['#/fragment', '?challenge=1'],
      ['#/fragment?challenge=0', '?challenge=1'],
      ['#/fragment?challenge=1', '?challenge=0'],
      ['#/fragment', ''],
    ] as const) {
      const files = run(hash, { search }).map((l) => l.file);
      expect(files.includes('assets/ChallengePanel.js'), `${search}${hash}`).toBe(
        isChallengeHref(window.location.href),
      );
    }
    // A route without questions (the home page) asks for none.
    expect(run('#/?challenge=1').map((l) => l.file)).toEqual([
      'assets/en-base.js',
      'assets/en-home.js',
      'assets/Home.js',
    ]);
  });

  it('the home page, an embed with no lab, an unknown route', () => {
    expect(run('').map((l) => l.file)).toEqual(['assets/en-base.js', 'assets/en-home.js', 'assets/Home.js']);
    expect(run('#/?embed=1').map((l) => l.file)).toContain('assets/FragmentLab.js');
    expect(run('#/', { search: '?embed=1' }).map((l) => l.file)).toContain('assets/FragmentLab.js');
    expect(run('#/nosuchlab').map((l) => l.file)).toEqual(['assets/en-base.js']);
    expect(run('#/toString').map((l) => l.file)).toEqual(['assets/en-base.js']);
  });

  it('with the HTML’s first screen on show, the downloads start once it is painted', async () => {
    const frames: FrameRequestCallback[] = [];
    const raf = window.requestAnimationFrame;
    window.requestAnimationFrame = (cb) => frames.push(cb);
    try {
      expect(run('#/fragment?len=4000', { firstScreen: true })).toEqual([]);
      expect(frames).toHaveLength(1);
      frames[0]!(0);
      await new Promise((r) => setTimeout(r, 0));
      expect(document.head.querySelectorAll('link[rel=modulepreload]')).toHaveLength(4);
    } finally {
      window.requestAnimationFrame = raf;
      delete document.documentElement.dataset.boot;
    }
  });

  it('reads the language’s Intl data after the links, one task per part, the number data alone', async () => {
    const tick = () => new Promise((r) => setTimeout(r, 0));
    // The earlier tests' runs leave their warm-up tasks queued: they run first.
    await tick();
    await tick();
    const number = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf');
    const date = vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf');
    try {
      // The links are asked for in the script's own task; no Intl call runs in it.
      expect(run('#/fragment?lang=zh-CN').length).toBeGreaterThan(0);
      expect(number).not.toHaveBeenCalled();
      expect(date).not.toHaveBeenCalled();
      await tick();
      expect(number).toHaveBeenCalledWith('zh-CN');
      expect(date).not.toHaveBeenCalled();
      await tick();
      expect(date).toHaveBeenCalledWith('zh-CN');
    } finally {
      number.mockRestore();
      date.mockRestore();
    }
  });

  it('a route of many files: ten links a task, in order, and the Intl data after the last', async () => {
    const tick = () => new Promise((r) => setTimeout(r, 0));
    await tick();
    await tick();
    const many = Array.from({ length: 23 }, (_, i) => `assets/part${i}.js`);
    const map: RouteMap = {
      ...MAP,
      files: [...MAP.files, ...many],
      routes: {
        ...MAP.routes,
        fragment: { part: 'lab.fragment', files: many.map((_, i) => MAP.files.length + i) },
      },
    };
    const number = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf');
    try {
      window.history.replaceState(null, '', '/#/fragment');
      for (const l of document.head.querySelectorAll('link')) l.remove();
      new Function(THEME_JS)();
      delete document.documentElement.dataset.boot;
      new Function(clientScript(SOURCE, map))();
      const files = () => [...document.head.querySelectorAll('link')].map((l) => l.getAttribute('href'));
      // The language's two parts and the route's 23 files: 25 links, in tasks of 10, 10 and 5.
      expect(files()).toHaveLength(10);
      await tick();
      expect(files()).toHaveLength(20);
      expect(number).not.toHaveBeenCalled();
      await tick();
      expect(files()).toEqual(['./assets/en-base.js', './assets/en-frag.js', ...many.map((f) => `./${f}`)]);
      expect(number).not.toHaveBeenCalled();
      await tick();
      expect(number).toHaveBeenCalledWith('en');
    } finally {
      number.mockRestore();
    }
  });

  describe('the Intl data read by a worker (public/intl-warm.js)', () => {
    const tick = () => new Promise((r) => setTimeout(r, 0));
    /** A stand-in for the browser's Worker: records what the script asks of it. */
    class FakeWorker {
      static made: FakeWorker[] = [];
      static refuse = false;
      posted: unknown[] = [];
      terminated = false;
      onmessage: ((e: MessageEvent) => void) | null = null;
      onerror: ((e: Event) => void) | null = null;
      constructor(readonly url: string) {
        if (FakeWorker.refuse) throw new DOMException('refused', 'SecurityError');
        FakeWorker.made.push(this);
      }
      postMessage(m: unknown) {
        this.posted.push(m);
      }
      terminate() {
        this.terminated = true;
      }
    }
    const spies = () => ({
      number: vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf'),
      date: vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf'),
    });
    let events = 0;
    const count = () => events++;
    // The app's names for the mark and the event (intl-warm.ts): the script must use the same.
    const marked = () => document.documentElement.dataset.intl ?? null;

    beforeEach(async () => {
      // The earlier tests' runs leave their warm-up tasks queued: they run first.
      await tick();
      await tick();
      FakeWorker.made = [];
      FakeWorker.refuse = false;
      events = 0;
      vi.stubGlobal('Worker', FakeWorker);
      document.addEventListener(INTL_WARMED_EVENT, count);
    });
    afterEach(() => {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
      document.removeEventListener(INTL_WARMED_EVENT, count);
      delete document.documentElement.dataset.intl;
    });

    it('starts at once, with the page’s language, and the main thread reads nothing', async () => {
      const { number, date } = spies();
      expect(run('#/fragment?lang=zh-CN').length).toBeGreaterThan(0);
      expect(FakeWorker.made.map((w) => [w.url, w.posted])).toEqual([['./intl-warm.js', ['zh-CN']]]);
      expect(marked()).toBe(INTL_WARMING);
      await tick();
      await tick();
      await tick();
      expect(number).not.toHaveBeenCalled();
      expect(date).not.toHaveBeenCalled();
      // Its answer takes the mark off and says so, once.
      FakeWorker.made[0]!.onmessage!(new MessageEvent('message', { data: true }));
      expect(marked()).toBeNull();
      expect(events).toBe(1);
      FakeWorker.made[0]!.onmessage!(new MessageEvent('message', { data: true }));
      expect(events).toBe(1);
      await tick();
      expect(number).not.toHaveBeenCalled();
    });

    /** Run with the first screen on show: the links wait for a frame, fired by the returned function. */
    function runWaitingForFrame(hash: string): () => Promise<void> {
      const frames: FrameRequestCallback[] = [];
      const raf = window.requestAnimationFrame;
      window.requestAnimationFrame = (cb) => frames.push(cb);
      try {
        expect(run(hash, { firstScreen: true })).toEqual([]);
      } finally {
        window.requestAnimationFrame = raf;
        delete document.documentElement.dataset.boot;
      }
      expect(frames).toHaveLength(1);
      return async () => {
        frames[0]!(0);
        await tick();
        expect(document.head.querySelectorAll('link[rel=modulepreload]').length).toBeGreaterThan(0);
      };
    }

    it('also before the first screen is painted, whose links wait for the frame', async () => {
      const paint = runWaitingForFrame('#/fragment');
      expect(FakeWorker.made).toHaveLength(1);
      expect(marked()).toBe(INTL_WARMING);
      await paint();
    });

    it('a worker that fails: the mark goes, and the main thread reads the data after the links', async () => {
      const { number, date } = spies();
      run('#/fragment');
      const w = FakeWorker.made[0]!;
      w.onerror!(new Event('error'));
      expect(w.terminated).toBe(true);
      expect(marked()).toBeNull();
      expect(events).toBe(1);
      await tick();
      expect(number).toHaveBeenCalledWith('en');
      expect(date).not.toHaveBeenCalled();
      await tick();
      expect(date).toHaveBeenCalledWith('en');
    });

    it('a worker that fails while the links wait for the frame: the data is read after them', async () => {
      const { number } = spies();
      const paint = runWaitingForFrame('#/fragment?lang=zh-CN');
      FakeWorker.made[0]!.onerror!(new Event('error'));
      expect(events).toBe(1);
      await tick();
      await tick();
      // No link yet, so no Intl call yet: the links go first.
      expect(number).not.toHaveBeenCalled();
      await paint();
      await tick();
      expect(number).toHaveBeenCalledWith('zh-CN');
    });

    it('an error after the answer changes nothing: no second event, no read here', async () => {
      const { number } = spies();
      run('#/fragment');
      const w = FakeWorker.made[0]!;
      w.onmessage!(new MessageEvent('message', { data: true }));
      w.onerror!(new Event('error'));
      expect(events).toBe(1);
      await tick();
      await tick();
      expect(number).not.toHaveBeenCalled();
    });

    it('a worker the browser will not start: no mark, no event, and the main thread reads the data', async () => {
      FakeWorker.refuse = true;
      const { number } = spies();
      run('#/fragment?lang=zh-CN');
      expect(FakeWorker.made).toHaveLength(0);
      expect(marked()).toBeNull();
      expect(events).toBe(0);
      await tick();
      expect(number).toHaveBeenCalledWith('zh-CN');
    });
  });

  it('a map-less source (the checkout’s own file) does nothing', () => {
    window.history.replaceState(null, '', '/#/fragment');
    new Function(SOURCE)();
    expect(document.head.querySelectorAll('link')).toHaveLength(0);
  });

  // The language the app will start in (app/i18n/locale.ts initialLocale → core pickLocale).
  const cases: [string, { stored?: string | null; languages?: string[]; search?: string }][] = [
    ['#/fragment', {}],
    ['#/fragment?lang=zh-CN', {}],
    ['#/fragment?lang=zh-cn', { stored: 'en' }],
    ['#/fragment?lang=zh-TW', { stored: 'zh-CN' }],
    ['#/fragment?lang=fr', { languages: ['zh-SG'] }],
    ['#/fragment?lang=en', { stored: 'zh-CN' }],
    ['#/fragment', { stored: 'zh-CN' }],
    ['#/fragment', { stored: 'garbage', languages: ['zh-Hant-TW', 'zh'] }],
    ['#/fragment', { languages: ['zh-TW', 'fr', 'en-GB'] }],
    ['#/fragment', { languages: ['de'] }],
    ['#/fragment', { languages: ['zh_CN.UTF-8'] }],
    ['#/fragment', { search: '?lang=zh-CN' }],
    ['#/fragment?lang=en', { search: '?lang=zh-CN' }],
    ['#/fragment?lang=', { search: '?lang=zh-CN', languages: ['zh'] }],
  ];
  it.each(cases)('%s %j: the language pickLocale picks', (hash, opts) => {
    const links = run(hash, opts);
    const expected = pickLocale({
      url: langOfHref(window.location.href),
      stored: opts.stored ?? null,
      navigatorLanguages: opts.languages ?? ['en-US'],
    });
    expect(links[0]!.file).toBe(expected === 'en' ? 'assets/en-base.js' : 'assets/zh-base.js');
    expect(links[1]!.file).toBe(expected === 'en' ? 'assets/en-frag.js' : 'assets/zh-frag.js');
  });

  it('routes as the app does (parseHash; an empty one is home, or the default lab in an embed)', () => {
    for (const hash of [
      '#/fragment',
      '#fragment',
      '#//fragment//?x=1',
      '#/',
      '',
      '#/?embed=0',
      '#/?embed=true',
    ]) {
      const files = run(hash).map((l) => l.file);
      const path = parseHash(hash).path || (isEmbedHref(window.location.href) ? 'fragment' : '');
      expect(files.includes('assets/FragmentLab.js'), hash).toBe(path === 'fragment');
      expect(files.includes('assets/Home.js'), hash).toBe(path === '');
    }
  });
});

describe('route-preload.ts: the map from the build’s module graph', () => {
  const root = process.cwd();
  const labs = labRoutes(readFileSync('app/labs/index.ts', 'utf8'));
  const chunk = (
    fileName: string,
    facadeModuleId: string | null,
    imports: string[] = [],
    css: string[] = [],
  ) => ({
    type: 'chunk' as const,
    fileName,
    facadeModuleId,
    isEntry: false,
    imports,
    viteMetadata: { importedCss: new Set(css) },
  });
  const bundle = () => {
    const b: Record<string, ReturnType<typeof chunk>> = {
      'index.js': { ...chunk('index.js', `${root}/index.html`, ['react.js'], ['index.css']), isEntry: true },
      'react.js': chunk('react.js', null),
      'Home.js': chunk('Home.js', `${root}/app/home/Home.tsx`, ['react.js']),
    };
    for (const lab of labs)
      lab.modules.forEach((m, i) => {
        const f = `${lab.path}-${i}.js`;
        b[f] = chunk(
          f,
          `${root}/app/labs/${m.slice(2)}`,
          ['react.js', 'kit.js'],
          i ? [`${lab.path}.css`] : [],
        );
      });
    b['kit.js'] = chunk('kit.js', null, ['react.js'], ['kit.css']);
    for (const lab of labs) {
      const dir = lab.modules[0]!.slice(2).replace(/\/lab\.ts$/, '');
      const f = `${lab.path}-challenge.js`;
      b[f] = chunk(f, `${root}/app/labs/${dir}/challenge.ts`, ['kit.js', 'check.js']);
    }
    b['check.js'] = chunk('check.js', null, ['react.js']);
    b['panel.js'] = chunk(
      'panel.js',
      `${root}/app/lab-kit/challenge/ChallengePanel.tsx`,
      ['kit.js', 'check.js'],
      ['panel.css'],
    );
    for (const locale of ['en', 'zh-CN'])
      for (const part of [
        'base',
        'page.home',
        'challenge',
        ...labs.flatMap((l) => [`lab.${l.path}`, `challenge.${l.path}`]),
      ]) {
        const f = `${locale}-${part}.js`;
        b[f] = chunk(f, `\0virtual:sockscope-catalog/${locale}/${part}`);
      }
    return b;
  };

  it('every lab of app/labs/index.ts, each with its two modules', () => {
    expect(labs.map((l) => l.path)).toEqual(LABS.map((l) => l.path));
    for (const l of labs) expect(l.modules).toHaveLength(2);
  });

  it('a route: its chunks and what they import, their CSS, less what index.html loads', () => {
    const map = routeMap(bundle(), root);
    expect(map.embedDefault).toBe(DEFAULT_LAB);
    const files = (route: string) => map.routes[route]!.files.map((i) => map.files[i]);
    expect(files('fragment')).toEqual([
      'fragment-0.js',
      'fragment-1.js',
      'kit.js',
      'fragment.css',
      'kit.css',
    ]);
    expect(files('')).toEqual(['Home.js']);
    // Challenge mode: the lab's questions and the panel, with what they import that the lab does not.
    expect(map.routes.fragment!.challenge!.map((i) => map.files[i])).toEqual([
      'fragment-challenge.js',
      'panel.js',
      'check.js',
      'panel.css',
    ]);
    for (const l of labs) expect(map.routes[l.path]!.challenge, l.path).toBeDefined();
    expect(map.routes['']!.challenge).toBeUndefined();
    expect(map.files[map.catalogs['zh-CN']!['challenge.fragment']!]).toBe('zh-CN-challenge.fragment.js');
    expect(map.routes.netlink!.part).toBe('lab.netlink');
    expect(map.files[map.catalogs['zh-CN']!['lab.netlink']!]).toBe('zh-CN-lab.netlink.js');
    expect(map.files[map.catalogs.en!.base!]).toBe('en-base.js');
    for (const f of ['index.js', 'react.js', 'index.css']) expect(map.files).not.toContain(f);
  });

  it('a module or a catalog part missing from the build fails it', () => {
    const b = bundle();
    delete b['fragment-1.js'];
    expect(() => routeMap(b, root)).toThrow(/FragmentLab/);
    const c = bundle();
    delete c['zh-CN-lab.journey.js'];
    expect(() => routeMap(c, root)).toThrow(/zh-CN\/lab.journey/);
    const d = bundle();
    delete d['socket-challenge.js'];
    expect(() => routeMap(d, root)).toThrow(/Socket\/challenge\.ts/);
    const e = bundle();
    delete e['en-challenge.skb.js'];
    expect(() => routeMap(e, root)).toThrow(/en\/challenge\.skb/);
  });
});
