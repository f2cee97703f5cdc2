/**
 * Embed views (issue 16): how much of a lab an embed shows. The page parameters `view=` and
 * `controls=` (in the hash query or the page's query, like `embed=1`) pick it; outside embed mode
 * the view is always `full`.
 *
 * - `full` — everything (the default).
 * - `compact` — the diagram, the result and the key inputs (`controls=`, else the lab's
 *   `embedControls`); no intro paragraph, step list, tables or detail panels.
 * - `diagram` — the main diagram with only the controls named by `controls=` (none by default),
 *   plus what makes it alive (Play/step for the Journey and the traces: part `playback`).
 *
 * A lab marks its page with `<Part kind="…">` (or asks `useShowsPart(kind)` / `useControl(key)`);
 * the kit decides what each view shows, so every lab behaves the same.
 */
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';

export type EmbedViewName = 'full' | 'compact' | 'diagram';

/** The parts of a lab's page. */
export type PartKind =
  /** The lab's main diagram (SVG or its HTML equivalent). */
  | 'diagram'
  /** Play/pause/step controls that drive the diagram. */
  | 'playback'
  /** The headline result (verdict, counts, errno). */
  | 'result'
  /** Preset chips. */
  | 'presets'
  /** The intro paragraph (title stays in every view but `diagram`). */
  | 'intro'
  /** The step list / trace. */
  | 'steps'
  /** Data tables (wire packets, fields, queues…). */
  | 'tables'
  /** Anything else: detail panels, counters, explanations, export buttons. */
  | 'detail';

export interface EmbedView {
  view: EmbedViewName;
  /** Input keys named by `controls=` (lab URL keys, e.g. `len`, `mtu`); null when not given. */
  controls: readonly string[] | null;
  /** `autoplay=1`: start playing on load (a lab with playback; reduced motion still wins). */
  autoplay: boolean;
  /** `loop=1`: start again at the end. */
  loop: boolean;
}

export const FULL_VIEW: EmbedView = { view: 'full', controls: null, autoplay: false, loop: false };

const SHOWN: Record<EmbedViewName, ReadonlySet<PartKind>> = {
  full: new Set<PartKind>(['diagram', 'playback', 'result', 'presets', 'intro', 'steps', 'tables', 'detail']),
  compact: new Set<PartKind>(['diagram', 'playback', 'result']),
  diagram: new Set<PartKind>(['diagram', 'playback']),
};

/** Whether a view shows a part. */
export function showsPart(v: EmbedView, kind: PartKind): boolean {
  return SHOWN[v.view].has(kind);
}

/**
 * Whether a view shows the input with URL key `key`. `defaults` are the lab's key inputs for the
 * compact view (`embedControls` in its declaration).
 */
export function showsControl(v: EmbedView, key: string, defaults: readonly string[] = []): boolean {
  if (v.view === 'full') return true;
  if (v.controls) return v.controls.includes(key);
  return v.view === 'compact' && defaults.includes(key);
}

/** The most `controls=` may name, and the longest key read (bounds, issue 19). */
const MAX_CONTROLS = 16;
const MAX_KEY = 32;

/** Read `view=` and `controls=` from a query string (any text; never throws). */
export function parseEmbedView(query: string): EmbedView {
  let q: URLSearchParams;
  try {
    q = new URLSearchParams(query);
  } catch {
    return FULL_VIEW;
  }
  const v = q.get('view');
  const view: EmbedViewName = v === 'compact' || v === 'diagram' ? v : 'full';
  const c = q.get('controls');
  const controls =
    c === null
      ? null
      : c
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s && s.length <= MAX_KEY)
          .slice(0, MAX_CONTROLS);
  const on = (k: string) => {
    const x = q.get(k);
    return x !== null && x !== '0' && x !== 'false';
  };
  return { view, controls, autoplay: on('autoplay'), loop: on('loop') };
}

const ViewContext = createContext<EmbedView>(FULL_VIEW);
/** Provides the view to a lab (the app sets it from the URL in embed mode). */
export const EmbedViewProvider = ViewContext.Provider;
const ControlsContext = createContext<readonly string[]>([]);
/** The lab's compact-view inputs (its `embedControls`), provided by the shell. */
export const EmbedControlsProvider = ControlsContext.Provider;

export function useEmbedView(): EmbedView {
  return useContext(ViewContext);
}

/**
 * Challenge mode (app/lab-kit/challenge): while a question is open these parts are hidden, since
 * they would give the answer away; the inputs, presets and intro stay.
 */
export const VEILED_PARTS: ReadonlySet<PartKind> = new Set<PartKind>([
  'diagram',
  'playback',
  'result',
  'steps',
  'tables',
  'detail',
]);
const VeilContext = createContext(false);
/** Whether a challenge question is open (set by the challenge root). */
export const ChallengeVeilProvider = VeilContext.Provider;

/** Whether the current view shows a part (and no open challenge question hides it). */
export function useShowsPart(kind: PartKind): boolean {
  const veiled = useContext(VeilContext);
  return showsPart(useContext(ViewContext), kind) && !(veiled && VEILED_PARTS.has(kind));
}

/** Whether the current view shows the input with URL key `key`. */
export function useControl(key: string): boolean {
  return showsControl(useContext(ViewContext), key, useContext(ControlsContext));
}

/** Renders its children only in the views that show `kind`. */
export function Part({ kind, children }: { kind: PartKind; children: ReactNode }) {
  return useShowsPart(kind) ? <>{children}</> : null;
}

/** Renders its children only when the view shows the input `name` (a lab URL key). */
export function Control({ name, children }: { name: string; children: ReactNode }) {
  return useControl(name) ? <>{children}</> : null;
}
