import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { LABS } from './index.ts';

/** The intro as a reader sees it: the eyebrow, the title and the opening paragraph's text. */
function introText(): string[] {
  const intro = document.querySelector('.lab-intro');
  return [...(intro?.querySelectorAll('.eyebrow, h1, .lede') ?? [])].map(
    (e) => `${e.tagName}.${e.className}: ${e.textContent}`,
  );
}

describe('a lab’s loading view (issue 17: the largest paint comes before the lab’s code)', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it.each([
    ...LABS.map((l) => [l.path, '']),
    ['reassemble', 'family=inet6'],
    ['reassemble', 'family=inet'],
  ])('#/%s?%s: shows the lab’s intro while its code loads, as the lab then shows it', async (path, query) => {
    window.location.hash = `#/${path}${query ? `?${query}` : ''}`;
    const lab = LABS.find((l) => l.path === path)!;
    const instance = lab.instantiate();
    const { View } = instance;
    render(
      <I18nProvider>
        <View />
      </I18nProvider>,
    );
    // While loading: the status line, and the intro above it.
    expect(screen.getByRole('status')).toHaveClass('lab-loading');
    const loading = introText();
    expect(loading).toHaveLength(3);
    // A preview for the eye: no heading for assistive technology (or a test) until the lab's own.
    expect(document.querySelector('.lab-intro')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    expect(loading.every((l) => !l.endsWith(': '))).toBe(true);
    // The lab itself: the same intro, to the letter.
    // The page reads the address into the lab's store once its code is in (app/App.tsx).
    const live = await instance.load();
    if (query) live.read(query);
    await waitFor(() => expect(document.querySelector('.lab-loading')).toBeNull(), { timeout: 10_000 });
    expect(introText()).toEqual(loading);
    expect(document.querySelector('.lab-intro')).not.toHaveAttribute('aria-hidden');
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
  }, 20_000);
});
