import { render } from '@testing-library/react';
import { createElement, version } from 'react';
import { describe, expect, it } from 'vitest';

describe('react is preact/compat here, with app/preact/props.ts', () => {
  it('the unit tests run Preact, as the page does', () => {
    // preact/compat reports the React version it mimics; only Preact puts __k on a vnode.
    expect(version).toMatch(/^\d+\./);
    expect(createElement('i', null)).toHaveProperty('__k');
  });

  it('an SVG element with tabIndex is a tab stop: the attribute is written tabindex', () => {
    const { container } = render(
      <svg tabIndex={0} aria-label="bits">
        <g tabIndex={-1} />
      </svg>,
    );
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('tabindex')).toBe('0');
    expect(svg.hasAttribute('tabIndex')).toBe(false);
    expect(container.querySelector('g')!.getAttribute('tabindex')).toBe('-1');
  });

  it('on HTML too; tabIndex={undefined} removes it (it does not become 0)', () => {
    const { container, rerender } = render(<a href="#x" tabIndex={-1} />);
    const a = container.querySelector('a')!;
    expect(a.getAttribute('tabindex')).toBe('-1');
    rerender(<a href="#x" tabIndex={undefined} />);
    expect(a.hasAttribute('tabindex')).toBe(false);
  });
});
