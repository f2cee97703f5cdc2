/**
 * The student's score per lab, for the browser session only (sessionStorage: it survives a reload,
 * not closing the tab; nothing leaves the browser). A storage that is missing, full or refused (a
 * sandboxed frame) falls back to memory; what is read back is checked, never trusted.
 */

export interface Score {
  right: number;
  asked: number;
}

export const ZERO_SCORE: Score = { right: 0, asked: 0 };
/** Counts stop here (a bound: no stored value grows without end). */
export const MAX_COUNT = 1_000_000;
const PREFIX = 'sockscope:challenge:';

/** The part of Storage the score uses. */
export type ScoreStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const memory = new Map<string, string>();
const memoryStorage: ScoreStorage = {
  getItem: (k) => memory.get(k) ?? null,
  setItem: (k, v) => void memory.set(k, v),
  removeItem: (k) => void memory.delete(k),
};

/** The session's storage, or memory when there is none to use. */
export function sessionScoreStorage(): ScoreStorage {
  try {
    const s = globalThis.sessionStorage;
    const probe = `${PREFIX}probe`;
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return memoryStorage;
  }
}

const count = (v: unknown): number | null =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? Math.min(v, MAX_COUNT) : null;

/** A stored score (any text): the counts when they make sense, else zero. */
export function parseScore(text: string | null): Score {
  if (text === null || text.length > 200) return ZERO_SCORE;
  try {
    const o: unknown = JSON.parse(text);
    if (typeof o !== 'object' || o === null) return ZERO_SCORE;
    const right = count((o as Record<string, unknown>).right);
    const asked = count((o as Record<string, unknown>).asked);
    return right !== null && asked !== null && right <= asked ? { right, asked } : ZERO_SCORE;
  } catch {
    return ZERO_SCORE;
  }
}

const keyOf = (lab: string) => PREFIX + lab.slice(0, 64);

export function readScore(storage: ScoreStorage, lab: string): Score {
  try {
    return parseScore(storage.getItem(keyOf(lab)));
  } catch {
    return ZERO_SCORE;
  }
}

function write(storage: ScoreStorage, lab: string, s: Score): Score {
  try {
    storage.setItem(keyOf(lab), JSON.stringify(s));
  } catch {
    // Full or refused: the score on show still moves for this page.
  }
  return s;
}

/** One more answer, right or not; returns the new score. */
export function recordAnswer(storage: ScoreStorage, lab: string, right: boolean): Score {
  const s = readScore(storage, lab);
  return write(storage, lab, {
    right: Math.min(MAX_COUNT, s.right + (right ? 1 : 0)),
    asked: Math.min(MAX_COUNT, s.asked + 1),
  });
}

export function resetScore(storage: ScoreStorage, lab: string): Score {
  try {
    storage.removeItem(keyOf(lab));
  } catch {
    // nothing stored to remove
  }
  return ZERO_SCORE;
}
