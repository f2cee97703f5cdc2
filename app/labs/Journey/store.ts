/**
 * The Journey lab's store: the form as typed, its issues, the last good core result (stops and
 * timeline) and the selected stop. The animation clock lives in the lab's hook, never here.
 */
import { DEFAULT_SEND_INPUT } from '../../../core/ip/index.ts';
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

const int = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : NaN);

export function journeyFieldsToInput(f: JourneyFields): Parsed<JourneyInput> {
  const issues: Issue[] = [];
  const need = (field: keyof JourneyFields, lo: number, hi: number, what: string): number => {
    const v = int(f[field]);
    if (!Number.isInteger(v) || v < lo || v > hi) {
      issues.push({ field, message: `${what} must be a whole number from ${lo} to ${hi}.` });
      return lo;
    }
    return v;
  };
  const len = need('len', 0, 65535, 'Payload length');
  const family = f.family === 'inet6' ? 'inet6' : f.family === 'inet' ? 'inet' : null;
  if (!family) issues.push({ field: 'family', message: 'Family is inet (IPv4) or inet6 (IPv6).' });
  const mtu = need('mtu', family === 'inet6' ? 1280 : 68, 65536, 'MTU');
  const n = need('n', 1, MAX_DATAGRAMS, 'Datagrams');
  const rcvbuf = need('rcvbuf', 2304, 2 ** 31 - 1, 'sk_rcvbuf');
  const buf = need('buf', 1, 1 << 20, 'recvfrom buffer');
  const read = (READ_MODES as readonly string[]).includes(f.read) ? (f.read as ReadMode) : null;
  if (!read) issues.push({ field: 'read', message: 'Read mode is each, slow or end.' });
  let fault: JourneyInput['fault'] = { kind: 'none' };
  if (f.fault === 'lose' || f.fault === 'reorder') {
    const frag = need('frag', 1, MAX_FAULT_INDEX, 'Fragment');
    const dg = need('dg', 1, n, 'Datagram');
    fault = { kind: f.fault, fragment: frag - 1, datagram: dg - 1 };
  } else if (f.fault !== 'none') issues.push({ field: 'fault', message: 'Fault is none, lose or reorder.' });
  else {
    // Unused without a fault, but a bad value is still named, never dropped silently (issue 19);
    // the same test decides whether the URL keeps it (serialiseJourneyQuery).
    need('frag', 1, MAX_FAULT_INDEX, 'Fragment');
    need('dg', 1, MAX_FAULT_INDEX, 'Datagram');
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
