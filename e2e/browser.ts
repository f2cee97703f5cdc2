/**
 * Find a Chromium without downloading one: $CHROMIUM_PATH, then a system Chromium, then
 * Playwright's own installed browser. Imported by playwright.config.ts and the benchmarks.
 *
 * Headless runs (the e2e specs, the page benchmarks) prefer Debian's `chromium-headless-shell`:
 * the same Chromium build without the browser window ("old headless", what Playwright itself
 * launches for headless runs). The full browser, run headless, opens a window per context whose
 * tab-strip WebUI renderer (`--top-chrome-webui`) kept 1.1–1.5 cores of this 2-core machine busy
 * for its first second (Chromium 156): ten contexts cost 9.4–10.5 s of CPU there, 3.0 s in the
 * shell. Lighthouse drives Chrome itself and asks for the full browser (`findChromium('full')`).
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

const FULL_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const SHELL_PATHS = ['/usr/bin/chromium-headless-shell'];

/** `shell`: the headless shell first, then a full browser; `full`: a full browser only. */
export type ChromiumKind = 'shell' | 'full';

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

function playwrightOwn(): string | undefined {
  try {
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

/** The Chromium executable to launch, or undefined to let Playwright use its own. Throws one sentence if none exists. */
export function findChromium(kind: ChromiumKind = 'shell'): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const paths = kind === 'shell' ? [...SHELL_PATHS, ...FULL_PATHS] : FULL_PATHS;
  const system = paths.find((p) => existsSync(p)) ?? onPath('google-chrome');
  if (system) return system;
  if (playwrightOwn()) return undefined;
  throw new Error(
    kind === 'shell'
      ? 'No Chromium found: install one with `apt-get install chromium-headless-shell` or `apt-get install chromium` (Debian) or `npx playwright install chromium`, or set CHROMIUM_PATH.'
      : 'No full Chromium found (Lighthouse drives the browser itself, not the headless shell): install one with `apt-get install chromium` (Debian), or set CHROMIUM_PATH.',
  );
}
