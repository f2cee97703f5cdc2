/**
 * The Journey lab's slice: the form as typed, its issues, the last good core result (stops and
 * timeline) and the selected stop. The animation clock lives in the lab's hook, never here.
 */
import type { StateCreator } from 'zustand';
import { DEFAULT_SEND_INPUT } from '../../core/ip/index.ts';
import {
  MAX_DATAGRAMS,
  READ_MODES,
  buildTimeline,
  journey,
  type JourneyInput,
  type JourneyResult,
  type ReadMode,
  type Timeline,
} from '../../core/journey/index.ts';
import type { AppState } from './index.ts';
import { DEFAULT_JOURNEY_FIELDS, type JourneyFields } from './journey-url.ts';

export interface JourneyIssue {
  field: keyof JourneyFields | 'step';
  message: string;
}

export interface JourneyState {
  fields: JourneyFields;
  issues: JourneyIssue[];
  result: JourneyResult | null;
  timeline: Timeline | null;
  step: number;
  setField: <K extends keyof JourneyFields>(field: K, value: JourneyFields[K]) => void;
  load: (fields: JourneyFields, step: number, issues?: JourneyIssue[]) => void;
  selectStep: (step: number) => void;
}

export interface JourneySlice {
  journey: JourneyState;
}

const int = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : NaN);

export function journeyFieldsToInput(
  f: JourneyFields,
): { ok: true; input: JourneyInput } | { ok: false; issues: JourneyIssue[] } {
  const issues: JourneyIssue[] = [];
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
    const frag = need('frag', 1, 100000, 'Fragment');
    const dg = need('dg', 1, n, 'Datagram');
    fault = { kind: f.fault, fragment: frag - 1, datagram: dg - 1 };
  } else if (f.fault !== 'none') issues.push({ field: 'fault', message: 'Fault is none, lose or reorder.' });
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

type Computed = Pick<JourneyState, 'issues' | 'result' | 'timeline' | 'step'>;

const clamp = (step: number, r: JourneyResult | null) =>
  Math.max(0, Math.min(step, (r?.stops.length ?? 1) - 1));

function compute(
  fields: JourneyFields,
  before: Computed,
  step: number,
  extra: JourneyIssue[] = [],
): Computed {
  const parsed = journeyFieldsToInput(fields);
  if (!parsed.ok)
    return {
      result: before.result,
      timeline: before.timeline,
      issues: [...parsed.issues, ...extra],
      step: clamp(step, before.result),
    };
  const result = journey(parsed.input);
  return { result, timeline: buildTimeline(result.stops), issues: extra, step: clamp(step, result) };
}

const EMPTY: Computed = { issues: [], result: null, timeline: null, step: 0 };

export const createJourneySlice: StateCreator<AppState, [], [], JourneySlice> = (set, get) => {
  const update = (fields: JourneyFields, step: number, extra: JourneyIssue[] = []) =>
    set((s) => ({ journey: { ...s.journey, fields, ...compute(fields, s.journey, step, extra) } }));
  return {
    journey: {
      fields: DEFAULT_JOURNEY_FIELDS,
      ...compute(DEFAULT_JOURNEY_FIELDS, EMPTY, 0),
      setField: (field, value) => update({ ...get().journey.fields, [field]: value }, 0),
      load: (fields, step, issues = []) => update(fields, step, issues),
      selectStep: (step) =>
        set((s) =>
          clamp(step, s.journey.result) === s.journey.step
            ? s
            : { journey: { ...s.journey, step: clamp(step, s.journey.result) } },
        ),
    },
  };
};
