import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InTurns, mountPartsAtOnce, partsForTest, useTurn } from './InTurns.tsx';
import { flushLater, laterWaiting } from './useLater.ts';

const FRAME_MS = 16;

function Count({ name }: { name: string }) {
  const [n, setN] = useState(0);
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      {name} {n}
    </button>
  );
}

describe('InTurns', () => {
  beforeEach(() => {
    mountPartsAtOnce(false);
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    mountPartsAtOnce(true);
  });

  const names = () => screen.queryAllByRole('button').map((b) => b.textContent);

  it('mounts none of its parts in the first render, then one per painted frame, each in the task after it', () => {
    render(
      <InTurns>
        <Count name="a" />
        <Count name="b" />
        <Count name="c" />
      </InTurns>,
    );
    expect(names()).toEqual([]);
    expect(laterWaiting()).toBe(1);
    // The frame's callback queues a task; the part mounts in that task, not in the frame.
    act(() => vi.advanceTimersByTime(FRAME_MS));
    expect(names()).toEqual([]);
    act(() => vi.advanceTimersToNextTimer());
    expect(names()).toEqual(['a 0']);
    act(() => vi.advanceTimersByTime(FRAME_MS));
    act(() => vi.advanceTimersToNextTimer());
    expect(names()).toEqual(['a 0', 'b 0']);
    act(() => vi.advanceTimersByTime(FRAME_MS));
    act(() => vi.advanceTimersToNextTimer());
    expect(names()).toEqual(['a 0', 'b 0', 'c 0']);
    // All in: nothing waits any more.
    act(() => vi.advanceTimersByTime(10 * FRAME_MS));
    expect(laterWaiting()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('opens fragments and keeps holes: a part keeps its place and state when one before it comes or goes', () => {
    function Page() {
      const [on, setOn] = useState(true);
      return (
        <>
          <input type="checkbox" aria-label="first" checked={on} onChange={() => setOn(!on)} />
          <InTurns>
            {on && <Count name="first" />}
            <>
              <Count name="x" />
              <Count name="y" />
            </>
          </InTurns>
        </>
      );
    }
    render(<Page />);
    for (let i = 0; i < 3; i++) act(() => flushLater());
    expect(names()).toEqual(['first 0', 'x 0', 'y 0']);
    act(() => screen.getByRole('button', { name: 'y 0' }).click());
    expect(names()).toEqual(['first 0', 'x 0', 'y 1']);
    act(() => screen.getByRole('checkbox').click());
    // y kept its count: it was not remounted when the part before it went.
    expect(names()).toEqual(['x 0', 'y 1']);
    act(() => screen.getByRole('checkbox').click());
    expect(names()).toEqual(['first 0', 'x 0', 'y 1']);
  });

  it('renders what comes after the last turn at once (an edit is never held back)', () => {
    function Page() {
      const [n, setN] = useState(1);
      return (
        <>
          <input
            type="number"
            aria-label="n"
            value={n}
            onChange={(e) => setN(Number(e.currentTarget.value))}
          />
          <InTurns>
            {Array.from({ length: n }, (_, i) => (
              <Count key={i} name={`p${i}`} />
            ))}
            <Count name="tail" />
          </InTurns>
        </>
      );
    }
    render(<Page />);
    // One part (the keyed list), then the tail.
    for (let i = 0; i < 2; i++) act(() => flushLater());
    expect(names()).toEqual(['p0 0', 'tail 0']);
    fireEvent.input(screen.getByRole('spinbutton'), { target: { value: '3' } });
    expect(names()).toEqual(['p0 0', 'p1 0', 'p2 0', 'tail 0']);
    expect(laterWaiting()).toBe(0);
  });

  it('useTurn comes in the first turn; an InTurns beside it `after` that turn, so no task mounts both', () => {
    function Inputs() {
      return useTurn() ? <Count name="inputs" /> : null;
    }
    render(
      <>
        <Count name="diagram" />
        <Inputs />
        <InTurns after={1}>
          <Count name="a" />
          <Count name="b" />
        </InTurns>
      </>,
    );
    expect(names()).toEqual(['diagram 0']);
    act(() => flushLater());
    expect(names()).toEqual(['diagram 0', 'inputs 0']);
    act(() => flushLater());
    expect(names()).toEqual(['diagram 0', 'inputs 0', 'a 0']);
    act(() => flushLater());
    expect(names()).toEqual(['diagram 0', 'inputs 0', 'a 0', 'b 0']);
    expect(laterWaiting()).toBe(0);
  });

  it('cancels its turn when unmounted', () => {
    const { unmount } = render(
      <InTurns>
        <Count name="a" />
      </InTurns>,
    );
    expect(laterWaiting()).toBe(1);
    unmount();
    expect(laterWaiting()).toBe(0);
  });

  it('holds a space below its parts until all are in, when asked (nothing below moves into view meanwhile)', () => {
    const { container } = render(
      <InTurns pending="waiting">
        <Count name="a" />
        <Count name="b" />
      </InTurns>,
    );
    const spacer = () => container.querySelector('div.waiting[aria-hidden="true"]');
    expect(spacer()).not.toBeNull();
    act(() => flushLater());
    expect(spacer()).not.toBeNull();
    act(() => flushLater());
    expect(spacer()).toBeNull();
  });

  it('mounts everything in the first render when the tests ask for it', () => {
    mountPartsAtOnce(true);
    render(
      <InTurns>
        <Count name="a" />
        <Count name="b" />
      </InTurns>,
    );
    expect(names()).toEqual(['a 0', 'b 0']);
    expect(laterWaiting()).toBe(0);
  });

  it('counts its parts: fragments opened, holes kept, a keyed list as one part', () => {
    const list = [<Count key="1" name="1" />, <Count key="2" name="2" />];
    const parts = partsForTest([
      false,
      <>
        <Count name="a" />
        {null}
      </>,
      list,
    ]);
    expect(parts).toHaveLength(4);
    expect(parts[0]).toBe(false);
    expect(parts[2]).toBeNull();
    expect(parts[3]).toBe(list);
  });
});
