import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PageUrlBanner } from './PageUrlBanner.tsx';

afterEach(() => {
  window.location.hash = '';
});

describe('pages without parameters name unknown ones (home, capture)', () => {
  it('#/capture?foo=1&bar=2 names foo= and bar=; page parameters are not named', () => {
    window.location.hash = '#/capture?foo=1&embed=0&bar=2';
    render(<PageUrlBanner />);
    const banner = screen.getByRole('status');
    expect(banner.textContent).toContain('foo=');
    expect(banner.textContent).toContain('bar=');
    expect(banner.textContent).not.toContain('embed=');
  });

  it('#/ without a query shows no banner, and one appears when the hash gains a parameter', () => {
    window.location.hash = '#/';
    render(<PageUrlBanner />);
    expect(screen.queryByRole('status')).toBeNull();
    act(() => {
      window.location.hash = '#/?len=4000';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByRole('status').textContent).toContain('len=');
  });
});
