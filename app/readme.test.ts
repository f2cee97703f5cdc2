/**
 * Issue 15: `npm start` is `--strictPort` on one port, and the README did not say how to use
 * another. Both READMEs name the ports the scripts really use and how to pass another one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
const portOf = (script: string) => /--port (\d+)/.exec(pkg.scripts[script] ?? '')?.[1];

describe('README: another port', () => {
  for (const file of ['README.md', 'README.zh-CN.md']) {
    it(`${file} says how to start on another port, and names the scripts' own ports`, () => {
      const text = readFileSync(file, 'utf8');
      const start = portOf('start');
      const preview = portOf('preview');
      expect(start).toBeDefined();
      expect(preview).toBeDefined();
      expect(pkg.scripts.start).toContain('--strictPort');
      expect(text).toContain(start!);
      expect(text).toContain(preview!);
      expect(text).toMatch(/npm start -- --port \d+/);
      expect(text).toContain('E2E_PORT=');
    });
  }
});
