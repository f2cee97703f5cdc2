import { describe, expect, it } from 'vitest';
import { fitPacket, fitText, journeyGeometry, placePx, textWidth } from './layout.ts';
import { LAYERS, type Layer, type Side } from '../../../core/journey/index.ts';

const parts = [
  { kind: 'eth', bytes: 14, labels: ['Ethernet 14', '14'] },
  { kind: 'ip', bytes: 20, labels: ['IP 20', '20'] },
  { kind: 'payload', bytes: 1480, labels: ['payload 1,480', '1,480'] },
];

describe('Journey diagram layout', () => {
  it('estimates text generously and picks the first candidate that fits', () => {
    expect(textWidth('payload 1,480', 12)).toBeGreaterThan(80);
    expect(textWidth('分片', 12)).toBe(24);
    expect(fitText(['a long label here', 'short'], textWidth('short', 12), 12)).toBe('short');
    expect(fitText(['much too long'], 5, 12)).toBe('');
  });

  it('a packet with room shows every part named with its bytes, and its tag; the parts tile the bar', () => {
    const f = fitPacket(parts, ['fragment 2 · offset 1,480', '#2 @1,480'], 500, 300, 12);
    expect(f.parts.map((p) => p.text)).toEqual(['Ethernet 14', 'IP 20', 'payload 1,480']);
    expect(f.tag).toBe('fragment 2 · offset 1,480');
    expect(f.w).toBe(300);
    let x = 0;
    for (const p of f.parts) {
      expect(p.x).toBeCloseTo(x, 9);
      expect(p.w).toBeGreaterThanOrEqual(textWidth(p.text, 12));
      x += p.w;
    }
    expect(x).toBeCloseTo(f.w, 9);
    expect(f.w + textWidth(f.tag, 12) + 6).toBeLessThanOrEqual(500);
  });

  it('short of room it keeps the tag (a fragment’s offset) and shortens the part names first', () => {
    const f = fitPacket(parts, ['fragment 2 · offset 1,480', '#2 @1,480'], 200, 100, 12);
    expect(f.tag).not.toBe('');
    expect(f.parts.map((p) => p.text)).toEqual(['14', '20', '1,480']);
    expect(f.w + textWidth(f.tag, 12) + 6).toBeLessThanOrEqual(200);
    // the cell's packets share the plainest style: starting from a later rank never goes back
    const g = fitPacket(parts, ['fragment 2 · offset 1,480', '#2 @1,480'], 500, 300, 12, f.rank);
    expect(g.rank).toBeGreaterThanOrEqual(f.rank);
    expect(g.parts[0]?.text).toBe('14');
  });

  it('wide: two columns, the wire across the bottom; rows as tall as their busiest cell', () => {
    const g = journeyGeometry(1330, false, (side, layer) => (side === 'tx' && layer === 'l2' ? 3 : 1));
    expect(g.narrow).toBe(false);
    const tx = g.cell('tx', 'l3');
    const rx = g.cell('rx', 'l3');
    expect(tx.y).toBe(rx.y);
    expect(rx.x).toBeGreaterThan(tx.x + tx.w);
    expect(g.cell('tx', 'l2').h).toBeGreaterThan(g.cell('tx', 'app').h);
    expect(g.cell('tx', 'l2').h).toBeGreaterThanOrEqual(3 * g.slotPx);
    const wire = g.cell('wire', 'wire');
    expect(wire.w).toBeGreaterThan(1300);
    expect(wire.y).toBeGreaterThan(g.cell('rx', 'l2').y);
    expect(g.height).toBeGreaterThanOrEqual(wire.y + wire.h);
    // the words sit left of the packets
    const t = g.text('tx', 'l3');
    expect(t.x + t.w).toBeLessThanOrEqual(g.zone('tx', 'l3').x);
    expect(g.font).toBeGreaterThanOrEqual(12);
  });

  it('placePx: the sender column, the receiver column, and stacked slots inside the cell', () => {
    const g = journeyGeometry(1330, false, 3);
    const a = placePx(g, 0.25, 3, 0);
    const b = placePx(g, 0.75, 3, 0);
    expect(a.py).toBe(b.py);
    expect(a.px).toBe(g.zone('tx', 'l3').x);
    expect(b.px).toBe(g.zone('rx', 'l3').x);
    const up = placePx(g, 0.25, 3, -1);
    const down = placePx(g, 0.25, 3, 1);
    expect(down.py - up.py).toBe(2 * g.slotPx);
    const c = g.cell('tx', 'l3');
    expect(up.py).toBeGreaterThanOrEqual(c.y);
    expect(down.py + g.barH).toBeLessThanOrEqual(c.y + c.h);
  });

  it('narrow: one column, the receiver below the wire with its link layer first', () => {
    const g = journeyGeometry(316, false, 2);
    expect(g.narrow).toBe(true);
    const order = [
      g.cell('tx', 'app'),
      g.cell('tx', 'l2'),
      g.cell('wire', 'wire'),
      g.cell('rx', 'l2'),
      g.cell('rx', 'app'),
    ].map((c) => c.y);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    // a packet crossing the wire goes down the page; a deck's small x spread stays in its column
    const w = placePx(g, 0.5, 5, 0);
    const r = placePx(g, 0.75, 4, 0);
    expect(r.py).toBeGreaterThan(w.py);
    expect(placePx(g, 0.28, 3, 0).py).toBe(placePx(g, 0.25, 3, 0).py);
  });
});

describe('Journey diagram layout in a box narrower than its margins', () => {
  // A wrapper can be measured a few px wide for a frame while the page lays out (a console error
  // "<rect> attribute width: A negative value" once in an e2e run at 360 px): no box, words' room or
  // packets' zone is ever drawn with a negative width.
  it.each([1, 5, 19, 20, 24, 639, 640, 650])('at %i px every width is ≥ 0', (width) => {
    for (const dense of [false, true]) {
      const g = journeyGeometry(width, dense);
      const places: [Side, Layer][] = [
        ...(['tx', 'rx'] as const).flatMap((side) => LAYERS.map((layer) => [side, layer] as [Side, Layer])),
        ['wire', 'wire'],
      ];
      for (const [side, layer] of places) {
        expect(g.cell(side, layer).w).toBeGreaterThanOrEqual(0);
        expect(g.text(side, layer).w).toBeGreaterThanOrEqual(0);
        expect(g.zone(side, layer).w).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
