/**
 * The Journey lab's store: the form as typed, its issues, the last good core result (stops and
 * timeline) and the selected stop. The animation clock lives in the lab's hook, never here.
 */
import { DEFAULT_SEND_INPUT } from '../../../core/ip/types.ts';
import {
  MAX_DATAGRAMS,
  READ_MODES,
  buildTimeline,
  journey as runJourney,
  type JourneyInput,
  type JourneyResult,
  type ReadMode,
  type Timeline,
} from '../../../core/journey/index.ts';
import { createFormStore, createLabContext } from '../../lab-kit/index.ts';
import type { FormState, Issue, Parsed } from '../../lab-kit/index.ts';
import { DEFAULT_JOURNEY_FIELDS, MAX_FAULT_INDEX, type JourneyFields } from './params.ts';
import { formatMsg, msg, normalizeInput } from '../../../core/i18n/index.ts';
import type { Msg } from '../../../core/i18n/index.ts';
import { W } from './words.ts';

/** An issue of the form: the catalog message, and its English (tests, logs). */
const issue = (field: string, m: Msg): Issue => ({ field, message: formatMsg(m, 'en'), msg: m });

/** A whole number as typed, full-width digits (a Chinese IME's ４０００) read as ASCII. */
const int = (typed: string) => {
  const s = normalizeInput(typed);
  return /^\s*\d+\s*$/.test(s) ? Number(s) : NaN;
};

export function journeyFieldsToInput(f: JourneyFields): Parsed<JourneyInput> {
  const issues: Issue[] = [];
  const need = (field: keyof JourneyFields, lo: number, hi: number, what: { id: string }): number => {
    const v = int(f[field]);
    if (!Number.isInteger(v) || v < lo || v > hi) {
      issues.push(issue(field, msg(W.needRange, { what: msg(what), lo, hi })));
      return lo;
    }
    return v;
  };
  const len = need('len', 0, 65535, W.whatLen);
  const family = f.family === 'inet6' ? 'inet6' : f.family === 'inet' ? 'inet' : null;
  if (!family) issues.push(issue('family', msg(W.badFamily)));
  const mtu = need('mtu', family === 'inet6' ? 1280 : 68, 65536, W.whatMtu);
  const n = need('n', 1, MAX_DATAGRAMS, W.whatN);
  const rcvbuf = need('rcvbuf', 2304, 2 ** 31 - 1, W.whatRcvbuf);
  const buf = need('buf', 1, 1 << 20, W.whatBuf);
  const read = (READ_MODES as readonly string[]).includes(f.read) ? (f.read as ReadMode) : null;
  if (!read) issues.push(issue('read', msg(W.badRead)));
  let fault: JourneyInput['fault'] = { kind: 'none' };
  if (f.fault === 'lose' || f.fault === 'reorder') {
    const frag = need('frag', 1, MAX_FAULT_INDEX, W.whatFrag);
    const dg = need('dg', 1, n, W.whatDg);
    fault = { kind: f.fault, fragment: frag - 1, datagram: dg - 1 };
  } else if (f.fault !== 'none') issues.push(issue('fault', msg(W.badFault)));
  else {
    // Unused without a fault, but a bad value is still named, never dropped silently (issue 19);
    // the same test decides whether the URL keeps it (serialiseJourneyQuery).
    need('frag', 1, MAX_FAULT_INDEX, W.whatFrag);
    need('dg', 1, MAX_FAULT_INDEX, W.whatDg);
  }
  if (issues.length || !family || !read) return { ok: false, issues };
  return {
    ok: true,
    input: {
      send: { ...DEFAULT_SEND_INPUT, family, mtu, sends: [len] },
      datagrams: n,
      fault,
      rcvbuf,
      read,
      bufsize: buf,
    },
  };
}

/** What the core gives for a valid form: the journey and its animation timeline. */
export interface JourneyRun {
  journey: JourneyResult;
  timeline: Timeline;
}

export type JourneyState = FormState<JourneyFields, JourneyInput, JourneyRun>;

export const createJourneyStore = () =>
  createFormStore<JourneyFields, JourneyInput, JourneyRun>(
    {
      defaults: DEFAULT_JOURNEY_FIELDS,
      parse: journeyFieldsToInput,
      run: (input) => {
        const journey = runJourney(input);
        return { journey, timeline: buildTimeline(journey.stops) };
      },
      steps: (r) => r.journey.stops.length,
      initialStep: 0,
    },
    // A new scenario starts from its first stop.
    { stepAfter: () => 0 },
  );

export const { Provider: JourneyProvider, useLabStore: useJourney } =
  createLabContext<JourneyState>('Journey');

export const selectJourney = (s: JourneyState) => ({
  fields: s.fields,
  issues: s.issues,
  result: s.result?.journey ?? null,
  timeline: s.result?.timeline ?? null,
  step: s.step ?? 0,
  setField: s.setField,
  selectStep: s.selectStep,
});
