/**
 * Ready-made arrivals for the datagram on the form: each one shows one kernel outcome. They only
 * arrange cards (order, copies, times); the core decides what happens.
 */
import { DEFRAG_DEFAULTS } from '../../../core/ip/index.ts';
import {
  DEFAULT_REASSEMBLE_FIELDS,
  cutFragments,
  withCut,
  type ArrivalSlot,
  type ReassembleFields,
} from './params.ts';

export interface ReassemblePreset {
  id: string;
  label: string;
  /** What it shows, for the chip's title and the announcement. */
  shows: string;
  make: (f: ReassembleFields) => ReassembleFields;
}

/** The form's datagram cut afresh (every card once, in order); the default one if the form does not parse. */
function fresh(f: ReassembleFields): ReassembleFields {
  const cut = cutFragments(f.len, f.mtu, f.family);
  const base = cut.ok
    ? { ...f, until: '', source: 'self', maxDist: '', rcvbuf: '' }
    : DEFAULT_REASSEMBLE_FIELDS;
  return withCut(base, cut.ok ? cut.frags : [...DEFAULT_REASSEMBLE_FIELDS.frags]);
}

const slots = (order: readonly number[]): ArrivalSlot[] => order.map((frag) => ({ frag, at: '' }));
const timeout = (f: ReassembleFields) =>
  String((f.family === 'inet6' ? DEFRAG_DEFAULTS.inet6 : DEFRAG_DEFAULTS.inet).timeout + 1000);

export const PRESETS: readonly ReassemblePreset[] = [
  {
    id: 'in-order',
    label: 'In order',
    shows: 'every fragment once, in order: one run grows until ip_frag_reasm joins it',
    make: fresh,
  },
  {
    id: 'reversed',
    label: 'Reversed',
    shows: 'last fragment first: a run per fragment until the holes close',
    make: (f) => {
      const g = fresh(f);
      return { ...g, arrivals: [...g.arrivals].reverse() };
    },
  },
  {
    id: 'lost',
    label: 'One lost',
    shows: 'a middle fragment never comes: the queue waits with a hole',
    make: (f) => {
      const g = fresh(f);
      const n = g.arrivals.length;
      return n < 2 ? g : { ...g, arrivals: g.arrivals.filter((_, k) => k !== Math.max(1, n - 2)) };
    },
  },
  {
    id: 'expired',
    label: 'Lost → timer (ICMP)',
    shows:
      'the last fragment never comes and the clock runs past the timer: ip_expire, and ICMP Time Exceeded to another host',
    make: (f) => {
      const g = fresh(f);
      return { ...g, arrivals: g.arrivals.slice(0, -1), until: timeout(g), source: 'remote' };
    },
  },
  {
    id: 'expired-no-first',
    label: 'First lost → timer',
    shows: 'the first fragment never comes: the queue expires without an ICMP',
    make: (f) => {
      const g = fresh(f);
      return { ...g, arrivals: g.arrivals.slice(1), until: timeout(g), source: 'remote' };
    },
  },
  {
    id: 'duplicate',
    label: 'Duplicate',
    shows: 'one fragment arrives twice: the copy is dropped alone and the datagram still arrives',
    make: (f) => {
      const g = fresh(f);
      const frags = [...g.frags, { ...(g.frags[0] ?? DEFAULT_REASSEMBLE_FIELDS.frags[0]!) }];
      return { ...g, frags, arrivals: [...slots([0, frags.length - 1]), ...g.arrivals.slice(1)] };
    },
  },
  {
    id: 'overlap',
    label: 'Overlap',
    shows: 'a copy of the second fragment moved 8 bytes back overlaps the first: the whole queue is dropped',
    make: (f) => {
      const g = fresh(f);
      const second = g.frags[1];
      if (!second) return g;
      const moved = { ...second, offset: String(Math.max(0, Number(second.offset) - 8)) };
      const frags = [...g.frags, moved];
      return {
        ...g,
        frags,
        arrivals: [...g.arrivals.slice(0, 1), ...slots([frags.length - 1]), ...g.arrivals.slice(1)],
      };
    },
  },
  {
    id: 'late',
    label: 'Last one late',
    shows:
      'the last fragment comes after the timer fired: the first queue expired, the late one starts a new queue',
    make: (f) => {
      const g = fresh(f);
      const late = timeout(g);
      return {
        ...g,
        arrivals: g.arrivals.map((a, k) =>
          k === g.arrivals.length - 1 ? { ...a, at: late } : { ...a, at: '0' },
        ),
      };
    },
  },
  {
    id: 'too-big',
    label: 'Too big',
    shows: 'fragments that add up to more than 65,535 bytes: ip_frag_reasm refuses with E2BIG',
    make: (f) => ({
      len: '65620',
      mtu: f.mtu,
      family: 'inet',
      source: 'self',
      until: '',
      maxDist: '',
      rcvbuf: '',
      frags: [
        { offset: '0', length: '32768', mf: '1', fill: 'same', id: '', extra: '' },
        { offset: '32768', length: '32760', mf: '1', fill: 'same', id: '', extra: '' },
        { offset: '65528', length: '100', mf: '0', fill: 'same', id: '', extra: '' },
      ],
      arrivals: slots([0, 1, 2]),
    }),
  },
];
