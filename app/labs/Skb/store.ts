/**
 * The sk_buff lab's slice: the user's sequence (alloc size + ops) with undo/redo, the core's run
 * of it, the selected step, and the "fragmented send" replay of the Fragmentation trace. Actions
 * call core/skb (runSkbOps) or core/ip (ipSend) and `set` what they return; nothing here models
 * the kernel.
 */
import { createStore } from 'zustand';
import type { StoreApi } from 'zustand';
import { ipSend } from '../../../core/ip/send.ts';
import { DEFAULT_SEND_INPUT } from '../../../core/ip/types.ts';
import type { OutputSnapshot, SendInput } from '../../../core/ip/index.ts';
import { SKB_PRESETS, runSkbOps } from '../../../core/skb/index.ts';
import type { SkbLabSnapshot, SkbOp, SkbRun } from '../../../core/skb/index.ts';
import type { Trace } from '../../../core/trace/index.ts';
import type { Msg } from '../../../core/i18n/index.ts';
import { clampStep, createLabContext, pushHistory, redoHistory, undoHistory } from '../../lab-kit/index.ts';
import type { History } from '../../lab-kit/index.ts';
import { DEFAULT_ALLOC, parseSequence } from './params.ts';
import type { SkbIssue, SkbReplay, SkbUrlState } from './params.ts';

/** One state of the user's buffer: what undo and redo move between. */
export interface SkbEdit {
  alloc: number;
  ops: SkbOp[];
}

export interface SkbReplayRun {
  kind: SkbReplay;
  label: string;
  /** The send it replays (a link to the same send in the Fragmentation lab uses it). */
  input: SendInput;
  trace: Trace<OutputSnapshot, Msg>;
}

export interface SkbState extends SkbEdit {
  /** The core's run of alloc + ops: one trace step per op (refused ops included). */
  run: SkbRun;
  /** The selected step: an index into run.trace, or into replay.trace while replaying. */
  step: number;
  /** The kernel trace being replayed instead of the user's sequence (null: the user's buffer). */
  replay: SkbReplayRun | null;
  past: readonly SkbEdit[];
  future: readonly SkbEdit[];
  /** Problems with a pasted URL or a typed sequence; the last good state stays on screen. */
  issues: SkbIssue[];
  /**
   * Apply one op to the end of the sequence (undoable) and show its step. Refused (nothing
   * changes) after a kernel BUG(): the kernel is gone until undo, `recover` or a new buffer.
   */
  apply: (op: SkbOp) => void;
  /** After a panic: the sequence up to the op before the panic (undoable). */
  recover: () => void;
  /** Start again from alloc_skb(size) with no ops (undoable). */
  restart: (size: number) => void;
  /** Replace the sequence with typed text; returns the reason when it does not parse (state kept). */
  setSequence: (text: string) => Msg | null;
  /** Load a core preset (SKB_PRESETS key) at its first step, or the fragmented-send replay. */
  loadPreset: (key: string) => void;
  leaveReplay: () => void;
  undo: () => void;
  redo: () => void;
  selectStep: (step: number) => void;
  /** Replace the lab state from a parsed URL (null fields keep what is there). */
  load: (url: SkbUrlState) => void;
  dismissIssues: () => void;
}

/** The sequence a first visit shows: the UDP send preset, on its last step. */
export const DEFAULT_EDIT: SkbEdit = (() => {
  const ops = SKB_PRESETS.udpSend?.ops ?? [];
  const first = ops[0];
  return first?.op === 'alloc'
    ? { alloc: first.n, ops: ops.slice(1) }
    : { alloc: DEFAULT_ALLOC, ops: ops.slice() };
})();

export const REPLAY_LABELS: Record<SkbReplay, string> = { fragmented: 'Fragmented send' };

export function runEdit(e: SkbEdit): SkbRun {
  return runSkbOps([{ op: 'alloc', n: e.alloc }, ...e.ops]);
}

function makeReplay(kind: SkbReplay): SkbReplayRun | null {
  // The Fragmentation lab's default send: 4,000 bytes of UDP over an MTU of 1,500.
  const input = DEFAULT_SEND_INPUT;
  const r = ipSend(input);
  return { kind, label: REPLAY_LABELS[kind], input, trace: r.trace };
}

const lastOf = (run: SkbRun) => run.trace.length - 1;

/** Split a core preset (whose first op is alloc) into an edit. */
export function presetEdit(key: string): SkbEdit | null {
  const p = SKB_PRESETS[key];
  if (!p) return null;
  const [first, ...rest] = p.ops;
  return first?.op === 'alloc' ? { alloc: first.n, ops: rest } : { alloc: DEFAULT_ALLOC, ops: p.ops.slice() };
}

export const createSkbStore = (): StoreApi<SkbState> =>
  createStore<SkbState>()((set, get) => {
    const patch = (p: Partial<SkbState>) => set(p);
    /** Move to a new edit, remembering the current one for undo. */
    const commit = (next: SkbEdit, step?: (run: SkbRun) => number) => {
      const s = get();
      const run = runEdit(next);
      patch({
        alloc: next.alloc,
        ops: next.ops,
        run,
        step: step ? step(run) : lastOf(run),
        replay: null,
        ...pushHistory(s, { alloc: s.alloc, ops: s.ops }),
        issues: [],
      });
    };
    /** Undo or redo: the other edit, on its last step. */
    const travel = (
      move: (h: History<SkbEdit>, current: SkbEdit) => { to: SkbEdit; history: History<SkbEdit> } | null,
    ) => {
      const s = get();
      const m = move(s, { alloc: s.alloc, ops: s.ops });
      if (!m) return;
      const run = runEdit(m.to);
      patch({ ...m.to, run, step: lastOf(run), replay: null, ...m.history, issues: [] });
    };
    const initialRun = runEdit(DEFAULT_EDIT);
    return {
      ...DEFAULT_EDIT,
      run: initialRun,
      step: lastOf(initialRun),
      replay: null,
      past: [],
      future: [],
      issues: [],
      apply: (op) => {
        const s = get();
        if (s.run.halted) return;
        commit({ alloc: s.alloc, ops: [...s.ops, op] });
      },
      recover: () => {
        const s = get();
        const h = s.run.halted;
        // trace[0] is alloc_skb, so the panicking op is ops[h.step - 1].
        if (h) commit({ alloc: s.alloc, ops: s.ops.slice(0, h.step - 1) });
      },
      restart: (size) => commit({ alloc: size, ops: [] }),
      setSequence: (text) => {
        const p = parseSequence(text);
        if (!p.ok) return p.why;
        commit({ alloc: p.alloc ?? get().alloc, ops: p.ops });
        return null;
      },
      loadPreset: (key) => {
        if (key === 'fragmented') {
          patch({ replay: makeReplay('fragmented'), step: 0, issues: [] });
          return;
        }
        const e = presetEdit(key);
        if (e) commit(e, () => 0);
      },
      leaveReplay: () => {
        const s = get();
        patch({ replay: null, step: lastOf(s.run) });
      },
      undo: () => travel(undoHistory),
      redo: () => travel(redoHistory),
      selectStep: (step) => {
        const s = get();
        const n = s.replay ? s.replay.trace.length : s.run.trace.length;
        patch({ step: clampStep(step, n), issues: s.issues.filter((i) => i.field !== 'step') });
      },
      load: (url) => {
        const s = get();
        const edit: SkbEdit = { alloc: url.alloc ?? s.alloc, ops: url.ops ?? s.ops };
        const same = edit.alloc === s.alloc && edit.ops === s.ops;
        const run = same ? s.run : runEdit(edit);
        const replay = url.replay
          ? s.replay?.kind === url.replay
            ? s.replay
            : makeReplay(url.replay)
          : null;
        const n = replay ? replay.trace.length : run.trace.length;
        const step = url.step === null ? (replay ? 0 : n - 1) : clampStep(url.step, n);
        patch({
          ...edit,
          run,
          step,
          replay,
          // A pasted URL starts a new history.
          past: same ? s.past : [],
          future: same ? s.future : [],
          issues: url.issues,
        });
      },
      dismissIssues: () => patch({ issues: [] }),
    };
  });

export const { Provider: SkbProvider, useLabStore: useSkb } = createLabContext<SkbState>('Skb');

/* ---------- selectors (module-level, stable identities) ---------- */

export const selectSkb = (s: SkbState) => s;
export const selectSkbIssues = (s: SkbState) => s.issues;
export const selectSkbReplay = (s: SkbState) => s.replay;
export const selectSkbActions = (s: SkbState) => ({
  apply: s.apply,
  recover: s.recover,
  restart: s.restart,
  setSequence: s.setSequence,
  loadPreset: s.loadPreset,
  leaveReplay: s.leaveReplay,
  undo: s.undo,
  redo: s.redo,
  selectStep: s.selectStep,
  dismissIssues: s.dismissIssues,
});
export const selectUndoRedo = (s: SkbState) => ({
  canUndo: s.past.length > 0,
  canRedo: s.future.length > 0,
});
/** The user's sequence view: run, step, and the selected step's snapshot and outcome. */
export const selectSkbRunView = (s: SkbState) => {
  const { run, step, alloc, ops } = s;
  const current = run.trace[step];
  return {
    run,
    alloc,
    ops,
    step,
    current,
    snapshot: current?.snapshot as SkbLabSnapshot | undefined,
    outcome: run.outcomes[step],
    halted: run.halted,
  };
};
