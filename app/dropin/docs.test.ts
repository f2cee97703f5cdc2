/**
 * docs/embedding.md quotes the example files under docs/examples/ exactly, and every placeholder in
 * the docs and the examples parses without a warning (so a snippet a teacher copies works as written).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAttributes, type AttributeReader } from './options.ts';

const doc = readFileSync('docs/embedding.md', 'utf8');
const examples = [...doc.matchAll(/<!-- example: (\S+) -->\n\n```\S*\n([\s\S]*?)\n```/g)].map((m) => ({
  path: m[1]!,
  quoted: m[2]!,
}));

/** Every element with data-sockscope in an HTML/Markdown/MDX text, as attribute readers. */
function placeholders(text: string): AttributeReader[] {
  const body = new DOMParser().parseFromString(text, 'text/html');
  return [...body.querySelectorAll('[data-sockscope]')].map((el) => (name) => el.getAttribute(name));
}

/** Hugo shortcode calls `{{< sockscope lab="…" view="…" >}}` as the attributes the shortcode writes. */
function shortcodes(text: string): AttributeReader[] {
  return [...text.matchAll(/\{\{<\s*sockscope\s+(.*?)\s*>\}\}/g)].map((m) => {
    const args = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
    return (name) => {
      const key = name === 'data-sockscope' ? 'lab' : name.replace(/^data-/, '');
      return args[key] ?? null;
    };
  });
}

describe('docs/embedding.md', () => {
  it('quotes every example file, verbatim', () => {
    expect(examples.map((e) => e.path).sort()).toEqual([
      'docs/examples/docusaurus/docusaurus.config.snippet.js',
      'docs/examples/docusaurus/week3.mdx',
      'docs/examples/hugo/content/week3.md',
      'docs/examples/hugo/hugo.toml',
      'docs/examples/hugo/layouts/shortcodes/sockscope.html',
      'docs/examples/mkdocs/docs/index.md',
      'docs/examples/mkdocs/mkdocs.yml',
      'docs/examples/plain.html',
    ]);
    for (const e of examples) expect(e.quoted, e.path).toBe(readFileSync(e.path, 'utf8').replace(/\n$/, ''));
  });

  it.each([
    ['docs/embedding.md', 5],
    ['docs/examples/plain.html', 3],
    ['docs/examples/mkdocs/docs/index.md', 2],
    ['docs/examples/docusaurus/week3.mdx', 2],
    ['docs/examples/hugo/content/week3.md', 2],
  ] as const)('%s: its placeholders parse without warnings', (path, atLeast) => {
    const file = readFileSync(path, 'utf8');
    // In this page, the HTML blocks (the Hugo template is not HTML until Hugo runs it).
    const text = path.endsWith('embedding.md')
      ? [...file.matchAll(/```html\n([\s\S]*?)\n```/g)].map((m) => m[1]).join('\n')
      : file;
    const readers = path.includes('hugo') ? shortcodes(text) : placeholders(text);
    expect(readers.length).toBeGreaterThanOrEqual(atLeast);
    for (const read of readers) {
      const r = parseAttributes(read);
      expect(r).toMatchObject({ ok: true, warnings: [] });
    }
  });

  it('the examples all load the script from the same placeholder address', () => {
    for (const path of [
      'docs/examples/plain.html',
      'docs/examples/mkdocs/mkdocs.yml',
      'docs/examples/docusaurus/docusaurus.config.snippet.js',
      'docs/examples/hugo/hugo.toml',
    ])
      expect(readFileSync(path, 'utf8'), path).toContain('https://YOUR-SITE/sockscope/');
  });
});
