/**
 * An sk_buff panel (SkbStep: a trace's selected step, or one snapshot on its own), fetched when it
 * is wanted (issue 17: ≤ 150 KB to show a lab). It sits below the fold — in the Fragmentation lab
 * under the step list, in the Reassembly lab in the outcome, under each delivered datagram — so
 * its chunk (SkbStep: SkbPanel, its geometry and fields table, and what only they import, such as
 * d3-scale when no other part of the lab's first screen needs it; ≈12 KB gzip in all) comes when
 * the panel nears the view (an IntersectionObserver, 600 px ahead of it: it is drawn before it is
 * seen) or when it is asked for (focus or a pointer in the `.panel` around it: a step chosen by
 * keyboard or mouse), or, whichever is first, once the page has settled: IDLE_MS after the first
 * screen, in the next idle period (so a page printed or left to go offline has it). Not at the
 * first idle moment: that comes while the first screen is still loading its last parts, and the
 * panel's chunk would be one of them. Until then an empty placeholder stands in, out of view, so
 * nothing on the screen moves when it arrives. One chunk for every lab: fetched once a page, later
 * panels draw at once.
 */
import { useEffect, useState } from 'react';
import { useElementWidth } from '../../hooks/useElementWidth.ts';
import { useLocale } from '../../i18n/locale.ts';
import { idsBefore } from './marks.ts';
import { pageMeasure, skbPanelHeight } from './panel-height.ts';
import type * as SkbStepNs from './SkbStep.tsx';
import type { SkbStepProps } from './SkbStep.tsx';

type SkbStepModule = typeof SkbStepNs;

/**
 * How long after the panel's first render its chunk is fetched anyway, in the next idle period
 * (at most as long again) (ms).
 */
export const IDLE_MS = 4000;

/** How far ahead of the view the panel starts coming (px). */
export const NEAR_VIEW = '600px 0px';

let chunk: Promise<SkbStepModule> | null = null;
let loaded: SkbStepModule['SkbStep'] | null = null;
/** Fetch the panel's chunk (once; a failed fetch is tried again the next time it is wanted). */
export function loadSkbPanel(): Promise<SkbStepModule> {
  chunk ??= import('./SkbStep.tsx').then(
    (m) => ((loaded = m.SkbStep), m),
    (e: unknown) => {
      chunk = null;
      throw e;
    },
  );
  return chunk;
}

export function LazySkbPanel(props: SkbStepProps) {
  const [Panel, setPanel] = useState(() => loaded);
  /** Drawn where the placeholder stood: at the width it measured, so its first layout is its last. */
  const [arrived, setArrived] = useState(false);
  const [wait, width] = useElementWidth<HTMLDivElement>(520);
  const locale = useLocale();
  useEffect(() => {
    const el = wait.current;
    if (Panel || !el) return;
    let live = true;
    const near =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((seen) => seen.some((s) => s.isIntersecting) && want(), {
            rootMargin: NEAR_VIEW,
          })
        : null;
    const area = el.closest('.panel') ?? el;
    let idle: number | undefined;
    // Once the page has settled: fetched anyway, before anyone prints or the network goes.
    const settled = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(want, { timeout: IDLE_MS });
      else want();
    }, IDLE_MS);
    const stop = () => {
      clearTimeout(settled);
      near?.disconnect();
      if (idle !== undefined && typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
      idle = undefined;
      area.removeEventListener('focusin', want);
      area.removeEventListener('pointerenter', want);
      removeEventListener('scroll', want);
    };
    function want() {
      stop();
      loadSkbPanel().then(
        (m) => {
          if (!live) return;
          setArrived(true);
          setPanel(() => m.SkbStep);
        },
        () => {},
      );
    }
    area.addEventListener('focusin', want);
    area.addEventListener('pointerenter', want);
    // The reader is moving down the page (a wheel, a swipe, keys): the panel may be reached sooner
    // than the observer's margin allows, so it comes now.
    addEventListener('scroll', want, { passive: true, once: true });
    if (near) near.observe(el);
    else want();
    return () => {
      live = false;
      stop();
    };
  }, [Panel, wait]);
  if (Panel) return <Panel {...props} initialWidth={arrived ? width : props.initialWidth} />;
  const snapshot = props.trace ? props.trace[props.index]?.snapshot : props.snapshot;
  const height = snapshot
    ? skbPanelHeight({
        skbs: snapshot.skbs,
        vars: snapshot.vars,
        width,
        locale,
        hasPrevious: (props.index ?? 0) > 0,
        seenBefore: props.trace ? idsBefore(props.trace, props.index) : undefined,
        measure: pageMeasure(),
      })
    : 0;
  return <div ref={wait} className="skb-panel skb-panel-waiting" aria-busy="true" style={{ height }} />;
}
