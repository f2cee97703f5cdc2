import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GLOSSARY, glossaryEntry, glossaryLinks } from '../../core/glossary/index.ts';
import { formatMsg } from '../../core/i18n/index.ts';
import { DEFAULT_SEND_INPUT, ipSend } from '../../core/ip/index.ts';
import { useLocaleStore } from '../i18n/locale.ts';
import { Term, loadGlossaryEntries, placePopover } from './Term.tsx';

// The entries are a chunk the page fetches when a term is first pointed at (issue 17): here, first.
beforeAll(() => loadGlossaryEntries());
afterEach(() => act(() => useLocaleStore.setState({ locale: 'en' })));

const han = /[\u4e00-\u9fff]/;
const plainOf = (key: string, locale: 'en' | 'zh-CN' = 'en') =>
  formatMsg(glossaryEntry(key)!.plain, locale).slice(0, 30);

describe('Term: a kernel term with its glossary popover', () => {
  it('is a button that a click opens and pins, showing plain words, the kernel detail and the source link', async () => {
    const user = userEvent.setup();
    render(
      <p>
        Each fragment but the last is <Term k="maxfraglen">maxfraglen</Term> bytes.
      </p>,
    );
    const term = screen.getByRole('button', { name: 'maxfraglen' });
    expect(term).toHaveAttribute('aria-expanded', 'false');
    expect(term).not.toHaveAttribute('aria-controls');
    await user.click(term);
    expect(term).toHaveAttribute('aria-expanded', 'true');
    const pop = screen.getByRole('group', { name: 'Glossary: maxfraglen' });
    expect(term.getAttribute('aria-controls')).toBe(pop.id);
    expect(pop).toHaveTextContent(plainOf('maxfraglen'));
    expect(pop).toHaveTextContent('In the kernel');
    const e = glossaryEntry('maxfraglen')!;
    const link = screen.getByRole('link', { name: new RegExp(e.file.replace(/\./g, '\\.')) });
    expect(link).toHaveAttribute('href', glossaryLinks(e).file);
    expect(link).toHaveAttribute('target', '_blank');
    // a second click closes it
    await user.click(term);
    expect(term).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('opens on keyboard focus, Enter pins it, Escape closes it and focus is back on the term', async () => {
    const user = userEvent.setup();
    render(
      <p>
        <Term k="MF">MF</Term> and <Term k="DF">DF</Term>
      </p>,
    );
    await user.tab();
    const mf = screen.getByRole('button', { name: 'MF' });
    expect(mf).toHaveFocus();
    expect(mf).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Enter}');
    expect(mf).toHaveAttribute('aria-expanded', 'true');
    // Tab goes into the popover (its close button), Escape from there comes back to the term
    await user.tab();
    expect(screen.getByRole('group', { name: 'Glossary: MF' })).toContainElement(
      document.activeElement as HTMLElement,
    );
    await user.keyboard('{Escape}');
    expect(mf).toHaveFocus();
    expect(mf).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard(' ');
    expect(mf).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard(' ');
    expect(mf).toHaveAttribute('aria-expanded', 'false');
  });

  it('one popover at a time; a related term shows in the same popover', async () => {
    const user = userEvent.setup();
    render(
      <p>
        <Term k="MF">MF</Term> <Term k="DF">DF</Term>
      </p>,
    );
    await user.click(screen.getByRole('button', { name: 'MF' }));
    await user.click(screen.getByRole('button', { name: 'DF', expanded: false }));
    expect(screen.getAllByRole('group')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'MF', expanded: false })).toBeInTheDocument();
    const related = glossaryEntry('DF')!.related[0]!;
    const pop = screen.getByRole('group');
    await user.click(
      [...pop.querySelectorAll('button')].find((b) => b.textContent === related) as HTMLElement,
    );
    expect(screen.getByRole('group')).toHaveTextContent(plainOf(related));
  });

  it('a press outside closes a pinned popover', async () => {
    const user = userEvent.setup();
    render(
      <div>
        <Term k="truesize" />
        <span>outside</span>
      </div>,
    );
    await user.click(screen.getByRole('button', { name: 'truesize' }));
    expect(screen.getByRole('group')).toBeInTheDocument();
    fireEvent.pointerDown(screen.getByText('outside'));
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('speaks Chinese with the identifier untranslated', async () => {
    const user = userEvent.setup();
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    render(<Term k="hh_len" />);
    await user.click(screen.getByRole('button', { name: 'hh_len' }));
    const pop = screen.getByRole('group');
    expect(pop.textContent).toMatch(han);
    expect(pop).toHaveTextContent(plainOf('hh_len', 'zh-CN'));
    expect(pop.querySelector('code')?.textContent).toBe('hh_len');
    expect(pop).toHaveTextContent('在内核中');
  });

  it('a key the glossary does not have is plain text, never an error', () => {
    render(<Term k="no_such_term">no_such_term</Term>);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('no_such_term')).toBeInTheDocument();
  });
});

describe('placePopover keeps the popover inside the viewport', () => {
  it('for any term position and popover that fits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 320, max: 2000 }),
        fc.integer({ min: 300, max: 1200 }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 0.45, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (vw, vh, sw, sh, fx, fy) => {
          // a popover never wider than the viewport less its margins (its CSS width), nor taller than half
          const pw = sw * (vw - 16);
          const ph = sh * vh;
          const left = fx * (vw - 20);
          const top = fy * (vh - 20);
          const p = placePopover(
            { left, top, bottom: top + 20 },
            { width: pw, height: ph },
            { width: vw, height: vh },
          );
          expect(p.left).toBeGreaterThanOrEqual(0);
          expect(p.left + pw).toBeLessThanOrEqual(vw);
          expect(p.top).toBeGreaterThanOrEqual(0);
          // below the term, or above it: never over it
          expect(p.top >= top + 20 || p.top + ph <= top).toBe(true);
        },
      ),
    );
  });
});

/** Every .tsx file of the app (tests excluded). */
function appSources(dir = join(import.meta.dirname, '..')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return appSources(p);
    return /\.tsx$/.test(name) && !/\.test\.tsx$/.test(name) ? [p] : [];
  });
}

describe('every glossary key the app uses exists', () => {
  it('in each <Term k="…"> of the sources', () => {
    const used = appSources().flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/<Term\s+k=(?:"([^"]+)"|\{'([^']+)'\})/g)].map((m) => ({
        file: f,
        key: m[1] ?? m[2] ?? '',
      })),
    );
    expect(used.length).toBeGreaterThan(5);
    const missing = used.filter((u) => !glossaryEntry(u.key));
    expect(missing).toEqual([]);
  });

  it('in the key numbers of a send (the Fragmentation lab links each one)', () => {
    const r = ipSend(DEFAULT_SEND_INPUT);
    const keys = Object.keys(r.numbers);
    expect(keys.length).toBeGreaterThan(3);
    expect(keys.filter((k) => !glossaryEntry(k))).toEqual([]);
  });

  it('every related key of every entry exists (the popover links them)', () => {
    for (const e of GLOSSARY)
      for (const r of e.related) expect(glossaryEntry(r), `${e.key} → ${r}`).toBeDefined();
  });
});
