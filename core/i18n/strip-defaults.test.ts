import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaOnlyMessages, catalogPart, partOf } from './tools/catalog-parts.ts';
import { KEEP_DEFAULTS, stripMessageDefaults } from './tools/strip-defaults.ts';
import en from './locales/en.json' with { type: 'json' };

const ROOT = join(import.meta.dirname, '../..');

describe('stripMessageDefaults (the browser build)', () => {
  it('blanks defaultMessage and description of descriptors, keeping every line and column', () => {
    const code = [
      'const M = defineMessages({',
      "  a: { id: 'x.a', defaultMessage: 'Hello, {n}', description: 'greeting' },",
      '  b: {',
      "    description: 'first',",
      '    id: `x.b`,',
      '    defaultMessage:',
      "      'two lines',",
      '  },',
      '});',
      "const packet = { id: 'p1', description: 'kept: not a message' };",
    ].join('\n');
    const out = stripMessageDefaults(code, 'm.ts');
    expect(out).not.toBeNull();
    expect(out!.length).toBe(code.length);
    expect(out!.split('\n').map((l) => l.length)).toEqual(code.split('\n').map((l) => l.length));
    expect(out).not.toMatch(/Hello|greeting|first|two lines/);
    expect(out).toContain('kept: not a message');
    // Still a valid object: the ids are where they were.
    const obj = new Function('defineMessages', `${out!.replace(/^const packet.*$/m, '')}; return M;`)(
      (m: unknown) => m,
    );
    expect(obj).toEqual({ a: { id: 'x.a' }, b: { id: 'x.b' } });
  });

  it('leaves code without descriptors alone', () => {
    expect(stripMessageDefaults("const a = { id: 1, description: 'x' };", 'a.ts')).toBeNull();
    expect(stripMessageDefaults("const d = { defaultMessage: 'no id' };", 'a.ts')).toBeNull();
  });

  it('KEEP_DEFAULTS names every module whose descriptors are read for their English', () => {
    // A reader of `.defaultMessage` outside the i18n tools: its descriptors must stay (listed).
    const readers: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f) && !/\.test\.tsx?$|\.d\.ts$/.test(f)) {
          const rel = relative(ROOT, p).replace(/\\/g, '/');
          if (rel.startsWith('core/i18n/')) continue;
          if (/\.defaultMessage\b/.test(readFileSync(p, 'utf8'))) readers.push(rel);
        }
      }
    };
    walk(join(ROOT, 'app'));
    walk(join(ROOT, 'core'));
    // Each reader and the module it reads: errno/index.ts reads its own; define-lab reads names.ts.
    expect(readers.sort()).toEqual(['app/lab-kit/define-lab.ts', 'core/errno/index.ts']);
    expect(KEEP_DEFAULTS).toEqual(['core/errno/index.ts', 'app/labs/names.ts']);
  });
});

/** The app's and the core's modules (not their tests). */
function sourceFiles(): string[] {
  const walk = (dir: string, out: string[] = []) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p, out);
      else if (/\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)) out.push(p);
    }
    return out;
  };
  return [...walk(join(ROOT, 'app')), ...walk(join(ROOT, 'core'))];
}

describe('catalog parts (the browser build)', () => {
  it('a lab’s words are its part; titles, short names and everything else are the base', () => {
    expect(partOf('lab.fragment.inputs.mtu')).toBe('lab.fragment');
    expect(partOf('lab.fragment.title')).toBe('base');
    expect(partOf('lab.socket.short')).toBe('base');
    expect(partOf('glossary.MTU.name')).toBe('base');
    expect(partOf('app.kit.term.close')).toBe('base');
  });

  it('the glossary’s explanations and the CLI’s words are not in the base', () => {
    expect(partOf('glossary.MTU.plain')).toBe('glossary');
    expect(partOf('glossary.skb_drop_reason.detail')).toBe('glossary');
    expect(partOf('app.capture.title')).toBe('base');
    expect(partOf('cli.flags.twice')).toBeNull();
  });

  it('challenge mode’s words are parts of their own; its toggle and veil stay in the base', () => {
    expect(partOf('lab.reassemble.challenge.fate.q')).toBe('challenge.reassemble');
    expect(partOf('lab.reassemble.challengeish')).toBe('lab.reassemble');
    expect(partOf('app.kit.challenge.title')).toBe('challenge');
    expect(partOf('app.kit.challengeOn.toggle')).toBe('base');
    expect(partOf('app.kit.challengeOn.hidden')).toBe('base');
  });

  it('the challenge parts hold the words only challenge mode’s modules use', () => {
    const kitOnly = /^app\/lab-kit\/challenge\/(ChallengePanel\.tsx|check\.ts|words\.ts)$/;
    const files = sourceFiles();
    for (const file of files) {
      const rel = relative(ROOT, file).replace(/\\/g, '/');
      const text = readFileSync(file, 'utf8');
      // Whole ids (not the prefix catalog-parts.ts tests for).
      for (const m of text.matchAll(/['"`]((?:lab|app)\.[\w.-]*\w)['"`]/g)) {
        const part = partOf(m[1]!);
        if (part === 'challenge') expect(rel, m[1]).toMatch(kitOnly);
        else if (part?.startsWith('challenge.'))
          expect(rel.toLowerCase(), m[1]).toBe(`app/labs/${part.slice('challenge.'.length)}/challenge.ts`);
      }
    }
    // Every lab has questions, and each lab's are a part of their own.
    const parts = new Set(Object.keys(en).map(partOf));
    for (const lab of ['socket', 'netlink', 'skb', 'fragment', 'reassemble', 'journey'])
      expect(parts.has(`challenge.${lab}`), lab).toBe(true);
  });

  it('a base message only labs or pages use goes to their parts, found in the module graph', () => {
    const g: Record<string, { imports: string[]; code: string }> = {
      '/r/index.html': { imports: ['/r/app/main.tsx'], code: '' },
      '/r/app/main.tsx': {
        imports: [
          '/r/app/shell.ts',
          '/r/app/labs/Foo/def.ts',
          '/r/app/labs/Bar/def.ts',
          '/r/app/home/Home.tsx',
        ],
        code: '',
      },
      '/r/app/shell.ts': { imports: ['/r/core/y.ts'], code: `const a = { id: 'a.shell' };` },
      '/r/core/y.ts': { imports: [], code: `"a.y"` },
      '/r/app/labs/Foo/def.ts': { imports: ['/r/core/x.ts'], code: `'a.lab'; 'a.both'; 'lab.foo.x'` },
      '/r/app/labs/Bar/def.ts': { imports: ['/r/core/x.ts'], code: `'a.both'; 'a.y'` },
      '/r/core/x.ts': { imports: [], code: '`a.core` "glossary.K.plain"' },
      '/r/app/home/Home.tsx': { imports: ['/r/core/y.ts'], code: `'a.home'` },
    };
    const moved = areaOnlyMessages(
      {
        modules: Object.keys(g),
        entries: ['/r/index.html'],
        imports: (m) => g[m]?.imports ?? [],
        code: (m) => g[m]?.code,
      },
      ['a.shell', 'a.y', 'a.lab', 'a.both', 'a.core', 'a.home', 'a.none', 'lab.foo.x', 'glossary.K.plain'],
    );
    expect(Object.fromEntries(moved)).toEqual({
      'a.lab': ['lab.foo'],
      'a.both': ['lab.bar', 'lab.foo'],
      'a.core': ['lab.bar', 'lab.foo'],
      'a.home': ['page.home'],
    });
    const catalog = { 'a.shell': 'S', 'a.core': 'C', 'a.none': 'N', 'lab.foo.x': 'X' };
    expect(catalogPart(catalog, 'base', moved)).toEqual({ 'a.shell': 'S', 'a.none': 'N' });
    expect(catalogPart(catalog, 'lab.foo', moved)).toEqual({ 'a.core': 'C', 'lab.foo.x': 'X' });
    expect(catalogPart(catalog, 'lab.bar', moved)).toEqual({ 'a.core': 'C' });
  });

  it('the parts cover the catalog once', () => {
    const parts = [...new Set(Object.keys(en).map(partOf))].filter((p) => p !== null);
    expect(parts).toContain('lab.reassemble');
    const joined = Object.assign({}, ...parts.map((p) => catalogPart(en, p))) as Record<string, string>;
    const browser = Object.keys(en).filter((id) => !id.startsWith('cli.'));
    expect(Object.keys(joined).length).toBe(browser.length);
    expect(parts.reduce((n, p) => n + Object.keys(catalogPart(en, p)).length, 0)).toBe(browser.length);
  });

  it('a lab’s words are used only in its own folder (so its part comes with its code)', () => {
    const labs = [...new Set(Object.keys(en).map(partOf))].filter((p) => p?.startsWith('lab.'));
    for (const file of sourceFiles()) {
      const rel = relative(ROOT, file).replace(/\\/g, '/');
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/['"`](lab\.[a-z]+\.[\w.-]+)['"`]/g)) {
        const part = partOf(m[1]!);
        if (part === null || !labs.includes(part)) continue;
        const lab = part.slice(4);
        expect(rel.toLowerCase(), m[1]).toMatch(new RegExp(`^app/labs/${lab}/`));
      }
      // The CLI's words only in the CLI (and the fuzzer that drives it).
      for (const m of text.matchAll(/['"`](cli\.[\w.-]+)['"`]/g))
        expect(rel, m[1]).toMatch(/^core\/(cli|fuzz)\//);
    }
  });
});
