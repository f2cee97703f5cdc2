import { describe, expect, it } from 'vitest';
import { LABS } from '../labs/index.ts';
import { COURSE, courseOrder } from './course.ts';

describe('the course order', () => {
  it('names every lab of the page exactly once, and nothing else', () => {
    const paths = COURSE.map((s) => s.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect([...paths].sort()).toEqual(LABS.map((l) => l.path).sort());
  });

  it('gives every lab a question of its own', () => {
    const ids = COURSE.map((s) => s.question.id);
    expect(new Set(ids).size).toBe(COURSE.length);
  });

  it('keeps a lab the course does not name (at the end) and drops a stop with no lab', () => {
    const labs = [{ path: 'journey' }, { path: 'new-lab' }, { path: 'socket' }];
    const order = courseOrder(labs);
    expect(order.map((o) => o.lab.path)).toEqual(['socket', 'journey', 'new-lab']);
    expect(order[2]!.stop).toBeNull();
  });
});
