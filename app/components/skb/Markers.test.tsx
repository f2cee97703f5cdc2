import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { pointerMarks } from './geometry.ts';
import { Markers } from './parts.tsx';

/**
 * Issue 15: in the sk_buff lab the "head 0" tick line ran through its label. A pointer's line
 * stops above its own label, and every line is drawn before every label background, so a line
 * from a deeper row passes under a label instead of across its text.
 */
describe('<Markers>', () => {
  const crowded = pointerMarks({ head: 0, data: 2, tail: 4, end: 256 });

  function draw() {
    const { container } = render(
      <svg>
        <Markers marks={crowded} x={(n) => n * 1.2} y={40} rowH={14} width={320} />
      </svg>,
    );
    return container;
  }

  it('crowded pointers take separate rows, and each line ends above its own label', () => {
    const c = draw();
    const lines = [...c.querySelectorAll('g.skb-mark:not(.skb-mark-label) line')];
    const labels = [...c.querySelectorAll('g.skb-mark-label')];
    expect(lines).toHaveLength(4);
    expect(labels).toHaveLength(4);
    const tops = labels.map((g) => Number(g.querySelector('rect')!.getAttribute('y')));
    expect(new Set(tops).size).toBeGreaterThan(1);
    lines.forEach((line, i) => {
      expect(Number(line.getAttribute('y2'))).toBeLessThan(tops[i]!);
    });
  });

  it('every line comes before every label background in paint order', () => {
    const c = draw();
    const lines = [...c.querySelectorAll('line')];
    const bgs = [...c.querySelectorAll('rect.skb-mark-bg')];
    expect(bgs.length).toBe(4);
    for (const l of lines)
      for (const bg of bgs)
        expect(l.compareDocumentPosition(bg) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
