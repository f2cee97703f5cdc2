/**
 * The Journey lab's state as a hash query:
 * `#/journey?len=4000&mtu=1500&family=inet` plus, when not default, `n=` (datagrams), `fault=lose|reorder`
 * with `frag=` (1-based wire packet) and `dg=` (1-based datagram), `rcvbuf=`, `read=each|slow|end`,
 * `buf=` (recvfrom buffer) and `step=` (1-based stop). Values are kept as typed, so a bad one reaches
 * the form and is reported there. The animation clock and speed are never in the URL.
 */
import { encodeQuery, parseStep } from '../../lab-kit/index.ts';
import { KIT } from '../../lab-kit/words.ts';
import { msg, normalizeInput } from '../../../core/i18n/index.ts';
import type { Issue } from '../../lab-kit/index.ts';
export interface JourneyFields {
  len: string;
  mtu: string;
  family: string;
  n: string;
  fault: string;
  frag: string;
  dg: string;
  rcvbuf: string;
  read: string;
  buf: string;
}

export const DEFAULT_JOURNEY_FIELDS: JourneyFields = {
  len: '4000',
  mtu: '1500',
  family: 'inet',
  n: '1',
  fault: 'none',
  frag: '2',
  dg: '1',
  rcvbuf: '212992',
  read: 'each',
  buf: '65536',
};

const KEYS = Object.keys(DEFAULT_JOURNEY_FIELDS) as (keyof JourneyFields)[];
const ALWAYS: (keyof JourneyFields)[] = ['len', 'mtu', 'family'];

export const JOURNEY_KEYS: readonly string[] = [...KEYS, 'step'];

export interface JourneyUrlState {
  fields: JourneyFields;
  step: number;
  issues: Issue[];
}

export function parseJourneyQuery(query: string): JourneyUrlState {
  const q = new URLSearchParams(query);
  const fields = { ...DEFAULT_JOURNEY_FIELDS };
  for (const k of KEYS) {
    const v = q.get(k);
    if (v !== null) fields[k] = v;
  }
  const { step, issues } = parseStep(q, msg(KIT.firstStep));
  return { fields, step: step ?? 0, issues };
}

/** Largest fragment or datagram number accepted. */
export const MAX_FAULT_INDEX = 100000;

/** Whether an unused `frag=`/`dg=` (no fault) is a number the lab would accept. */
export function isUnusedIndexOk(typed: string): boolean {
  const v = normalizeInput(typed);
  if (!/^\s*\d+\s*$/.test(v)) return false;
  const n = Number(v);
  return n >= 1 && n <= MAX_FAULT_INDEX;
}

export function serialiseJourneyQuery(fields: JourneyFields, step: number): string {
  const parts: [string, string][] = [];
  for (const k of KEYS) {
    if (ALWAYS.includes(k) || fields[k] !== DEFAULT_JOURNEY_FIELDS[k]) {
      // Unused without a fault: left out unless it is not a whole number the lab would accept,
      // which stays in the URL so its issue is named again when the link is opened.
      if ((k === 'frag' || k === 'dg') && fields.fault === 'none' && isUnusedIndexOk(fields[k])) continue;
      parts.push([k, fields[k]]);
    }
  }
  if (step > 0) parts.push(['step', String(step + 1)]);
  return encodeQuery(parts);
}
