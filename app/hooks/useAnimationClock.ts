import { useCallback, useEffect, useRef } from 'react';
import { timer, type Timer } from 'd3-timer';
import { stopAt, stopEnd, type Timeline } from '../../core/journey/index.ts';

export interface AnimationClock {
  /** Jump the clock to time t (the scrubber) and draw. */
  seek: (t: number) => void;
  /** The clock's current time (read by controls; never stored in the store or the URL). */
  now: () => number;
}

/**
 * The Journey's one animation loop: a d3-timer in useEffect advances a time held in a ref,
 * calls `draw(t)` (which writes to SVG refs), tells the store when the stop changes (`onStep`),
 * and stops in cleanup. Under prefers-reduced-motion it never interpolates: it jumps from the end
 * of one stop to the end of the next. When the stop changes from outside (step list, keys, URL),
 * the clock jumps to that stop's end.
 */
export function useAnimationClock(opts: {
  timeline: Timeline | null;
  step: number;
  playing: boolean;
  speed: number;
  reduced: boolean;
  draw: (t: number) => void;
  onStep: (i: number) => void;
  onEnd: () => void;
}): AnimationClock {
  const { timeline, step, playing, speed, reduced } = opts;
  const t = useRef(0);
  const clockStep = useRef(-1);
  const cb = useRef(opts);
  useEffect(() => {
    cb.current = opts;
  });

  const apply = useCallback(
    (time: number) => {
      if (!timeline) return;
      t.current = Math.max(0, Math.min(time, timeline.total));
      cb.current.draw(t.current);
      const i = stopAt(timeline, t.current).index;
      if (i !== clockStep.current) {
        clockStep.current = i;
        cb.current.onStep(i);
      }
    },
    [timeline],
  );

  // A stop chosen from outside the clock: land at its end.
  useEffect(() => {
    if (!timeline) return;
    if (step === clockStep.current && t.current <= timeline.total) {
      cb.current.draw(t.current);
      return;
    }
    clockStep.current = step;
    t.current = stopEnd(timeline, step);
    cb.current.draw(t.current);
  }, [timeline, step]);

  useEffect(() => {
    if (!timeline || !playing) return;
    if (t.current >= timeline.total - 1e-6) {
      // playing from the end starts again
      clockStep.current = -1;
      apply(0);
    }
    let last = 0;
    let carried = 0;
    const tm: Timer = timer((elapsed) => {
      const dt = ((elapsed - last) / 1000) * speed;
      last = elapsed;
      if (reduced) {
        carried += dt;
        const { index, progress } = stopAt(timeline, t.current);
        if (carried < (timeline.durations[index] ?? 1)) return;
        carried = 0;
        apply(stopEnd(timeline, progress >= 1 ? Math.min(timeline.stops.length - 1, index + 1) : index));
      } else apply(t.current + dt);
      if (t.current >= timeline.total - 1e-9) {
        tm.stop();
        cb.current.onEnd();
      }
    });
    return () => tm.stop();
  }, [timeline, playing, speed, reduced, apply]);

  return { seek: apply, now: () => t.current };
}
