import { act, render, renderHook } from '@testing-library/react';
import { memo, useDeferredValue } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LATER_FALLBACK_MS, flushLater, laterWaiting, useLater } from './useLater.ts';

/** One frame of the fake clock: requestAnimationFrame fires at 16 ms steps. */
const FRAME_MS = 16;

describe('useLater', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs on Preact: React’s own useDeferredValue hands the new value over at once', () => {
    // Why the kit has this hook at all (vite.config.ts aliases react to preact/compat).
    const { result, rerender } = renderHook(({ v }) => useDeferredValue(v), { initialProps: { v: 1 } });
    rerender({ v: 2 });
    expect(result.current).toBe(2);
  });

  it('gives the value itself on the first render', () => {
    const { result } = renderHook(() => useLater('first'));
    expect(result.current).toBe('first');
    expect(laterWaiting()).toBe(0);
  });

  it('gives `initial` on the first render when one is given, and the value in a task after the first paint', () => {
    const { result } = renderHook(() => useLater('value', null));
    expect(result.current).toBeNull();
    expect(laterWaiting()).toBe(1);
    act(() => vi.advanceTimersByTime(FRAME_MS));
    act(() => vi.advanceTimersToNextTimer());
    expect(result.current).toBe('value');
    expect(laterWaiting()).toBe(0);
  });

  it('gives an edit’s render the previous value, and the new one in a task after the next frame', () => {
    const { result, rerender } = renderHook(({ v }) => useLater(v), { initialProps: { v: 1 } });
    rerender({ v: 2 });
    expect(result.current).toBe(1);
    expect(laterWaiting()).toBe(1);
    // Just before the frame (its requestAnimationFrame): still the old value.
    act(() => vi.advanceTimersByTime(FRAME_MS - 1));
    expect(result.current).toBe(1);
    // The frame's callback queues a task; only that task (after the paint) hands it over.
    act(() => vi.advanceTimersToNextTimer());
    expect(result.current).toBe(1);
    act(() => vi.advanceTimersToNextTimer());
    expect(result.current).toBe(2);
    expect(laterWaiting()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('coalesces rapid edits: one hand-over, of the latest value, and the heavy part renders once', () => {
    let heavyRenders = 0;
    const Heavy = memo(function Heavy({ v }: { v: number }) {
      heavyRenders++;
      return <output>{v}</output>;
    });
    function Lab({ v }: { v: number }) {
      const later = useLater(v);
      return (
        <>
          <span>{v}</span>
          <Heavy v={later} />
        </>
      );
    }
    const { container, rerender } = render(<Lab v={0} />);
    expect(heavyRenders).toBe(1);
    for (let v = 1; v <= 5; v++) rerender(<Lab v={v} />);
    // Every edit painted its light part; the heavy one was passed by.
    expect(container.querySelector('span')?.textContent).toBe('5');
    expect(container.querySelector('output')?.textContent).toBe('0');
    expect(heavyRenders).toBe(1);
    expect(laterWaiting()).toBe(1);
    act(() => vi.runAllTimers());
    expect(container.querySelector('output')?.textContent).toBe('5');
    expect(heavyRenders).toBe(2);
  });

  it('an edit while one waits joins it rather than restarting it: typing never starves the heavy parts', () => {
    const { result, rerender } = renderHook(({ v }) => useLater(v), { initialProps: { v: 0 } });
    rerender({ v: 1 });
    act(() => vi.advanceTimersByTime(FRAME_MS - 2));
    rerender({ v: 2 });
    // The frame that was awaited for the first edit hands over the second.
    act(() => vi.advanceTimersByTime(2));
    act(() => vi.advanceTimersToNextTimer());
    expect(result.current).toBe(2);
  });

  it('hands every value deferred for the same frame over in one render', () => {
    const seen: [string, number][] = [];
    function Two({ s, n }: { s: string; n: number }) {
      const ls = useLater(s);
      const ln = useLater(n);
      seen.push([ls, ln]);
      return null;
    }
    const { rerender } = render(<Two s="a" n={1} />);
    rerender(<Two s="b" n={2} />);
    act(() => vi.runAllTimers());
    expect(seen).toEqual([
      ['a', 1],
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('a value changed back before the hand-over costs no render', () => {
    let renders = 0;
    const { rerender } = renderHook(
      ({ v }) => {
        renders++;
        return useLater(v);
      },
      { initialProps: { v: 'x' } },
    );
    rerender({ v: 'y' });
    rerender({ v: 'x' });
    const before = renders;
    act(() => vi.runAllTimers());
    expect(renders).toBe(before);
  });

  it('is cancelled on unmount', () => {
    const { rerender, unmount } = renderHook(({ v }) => useLater(v), { initialProps: { v: 1 } });
    rerender({ v: 2 });
    expect(laterWaiting()).toBe(1);
    unmount();
    expect(laterWaiting()).toBe(0);
    expect(() => act(() => vi.runAllTimers())).not.toThrow();
  });

  it('without frames (a hidden tab) the value still arrives, after LATER_FALLBACK_MS', () => {
    vi.useRealTimers();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const raf = vi.spyOn(globalThis, 'requestAnimationFrame').mockImplementation(() => 7);
    const { result, rerender } = renderHook(({ v }) => useLater(v), { initialProps: { v: 1 } });
    rerender({ v: 2 });
    act(() => vi.advanceTimersByTime(LATER_FALLBACK_MS - 1));
    expect(result.current).toBe(1);
    act(() => vi.advanceTimersByTime(1));
    act(() => vi.advanceTimersToNextTimer());
    expect(result.current).toBe(2);
    expect(raf).toHaveBeenCalled();
    raf.mockRestore();
  });

  it('a function is a value like any other', () => {
    const f = () => 1;
    const g = () => 2;
    const { result, rerender } = renderHook(({ v }) => useLater(v), { initialProps: { v: f } });
    rerender({ v: g });
    act(() => vi.runAllTimers());
    expect(result.current).toBe(g);
  });

  it('flushLater hands everything waiting over at once and leaves no timer behind', () => {
    const { result, rerender } = renderHook(({ v }) => useLater(v), { initialProps: { v: 1 } });
    rerender({ v: 2 });
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    act(() => flushLater());
    expect(result.current).toBe(2);
    expect(laterWaiting()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
