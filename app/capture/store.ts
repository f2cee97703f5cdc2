/**
 * The page's side of the capture: one store for the page's lifetime (a capture dropped on a lab
 * is still open on `#/capture`, and coming back finds it), talking to the worker through a
 * transport (the real Worker in the page, the session in-process in the tests). The last good
 * capture stays on show when a newer file cannot be read at all.
 */
import { createStore, type StoreApi } from 'zustand';
import type { Msg } from '../../core/i18n/index.ts';
import type {
  CapturePhase,
  CaptureSummary,
  ComparisonView,
  PacketRow,
  PageRequest,
  WorkerReply,
} from './protocol.ts';

/** Packet rows per page of the list. */
export const PAGE_SIZE = 100;

export interface Transport {
  post(req: PageRequest): void;
  /** Replies from the worker; returns the unsubscribe. */
  listen(onReply: (m: WorkerReply) => void): void;
}

export interface CaptureProgress {
  phase: CapturePhase;
  done: number;
  total: number;
  packets: number;
}

export interface CaptureState {
  status: 'idle' | 'reading' | 'done' | 'failed';
  /** The file being read (or last read). */
  name: string | null;
  progress: CaptureProgress | null;
  /** The last capture read (kept when a newer file fails). */
  summary: CaptureSummary | null;
  error: Msg | null;
  /** The rows on show and where they start. */
  from: number;
  rows: PacketRow[];
  comparing: number | null;
  comparison: ComparisonView | null;
  compareError: Msg | null;
  open(file: Blob, name: string): void;
  showRows(from: number): void;
  compare(group: number, mtu?: number): void;
  closeComparison(): void;
}

export function createCaptureStore(transport: () => Transport): StoreApi<CaptureState> {
  let seq = 0;
  let openSeq = -1;
  let rowsSeq = -1;
  let compareSeq = -1;
  let t: Transport | null = null;
  const send = (req: PageRequest) => {
    if (!t) {
      t = transport();
      t.listen(onReply);
    }
    t.post(req);
  };
  const store = createStore<CaptureState>()((set, get) => ({
    status: 'idle',
    name: null,
    progress: null,
    summary: null,
    error: null,
    from: 0,
    rows: [],
    comparing: null,
    comparison: null,
    compareError: null,
    open(file, name) {
      openSeq = ++seq;
      set({
        status: 'reading',
        name,
        error: null,
        progress: { phase: 'read', done: 0, total: file.size, packets: 0 },
      });
      send({ type: 'open', seq: openSeq, file, name });
    },
    showRows(from) {
      const n = get().summary?.packets ?? 0;
      const start = Math.max(0, Math.min(Math.floor(from / PAGE_SIZE) * PAGE_SIZE, n - 1));
      rowsSeq = ++seq;
      send({ type: 'rows', seq: rowsSeq, from: Math.max(0, start), count: PAGE_SIZE });
    },
    compare(group, mtu) {
      compareSeq = ++seq;
      set({ comparing: group, compareError: null });
      send({ type: 'compare', seq: compareSeq, group, ...(mtu !== undefined ? { mtu } : {}) });
    },
    closeComparison() {
      compareSeq = ++seq;
      set({ comparing: null, comparison: null, compareError: null });
    },
  }));
  function onReply(m: WorkerReply) {
    if (!m || typeof m !== 'object') return;
    switch (m.type) {
      case 'progress':
        if (m.seq === openSeq)
          store.setState({
            progress: { phase: m.phase, done: m.done, total: m.total, packets: m.packets },
          });
        break;
      case 'done':
        if (m.seq !== openSeq) break;
        store.setState({
          status: 'done',
          summary: m.summary,
          error: null,
          rows: [],
          from: 0,
          comparing: null,
          comparison: null,
          compareError: null,
        });
        store.getState().showRows(0);
        break;
      case 'failed':
        if (m.seq === openSeq) store.setState({ status: 'failed', error: m.message });
        break;
      case 'rows':
        if (m.seq === rowsSeq) store.setState({ from: m.from, rows: m.rows });
        break;
      case 'compared':
        if (m.seq === compareSeq) store.setState({ comparison: m.comparison, compareError: m.message });
        break;
    }
  }
  return store;
}

/** The page's worker. */
export function workerTransport(): Transport {
  const w = new Worker(new URL('./capture.worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (req) => w.postMessage(req),
    listen: (onReply) => w.addEventListener('message', (e: MessageEvent<WorkerReply>) => onReply(e.data)),
  };
}

/** The page's one capture store (its worker starts with the first file). */
export const captureStore = createCaptureStore(workerTransport);
