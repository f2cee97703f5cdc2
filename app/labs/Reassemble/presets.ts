/**
 * Ready-made arrivals for the datagram on the form: each one shows one kernel outcome. They only
 * arrange cards (order, copies, times); the core decides what happens.
 */
import { DEFRAG_DEFAULTS } from '../../../core/ip/defrag-types.ts';
import {
  DEFAULT_REASSEMBLE_FIELDS,
  cutFragments,
  withCut,
  type ArrivalSlot,
  type ReassembleFields,
} from './params.ts';
import type { MessageDescriptor } from 'react-intl';
import { W } from './words.ts';

export interface ReassemblePreset {
  id: string;
  label: MessageDescriptor;
  /** What it shows, for the chip's title and the announcement. */
  shows: MessageDescriptor;
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
    label: W.pInOrder,
    shows: W.pInOrderShows,
    make: fresh,
  },
  {
    id: 'reversed',
    label: W.pReversed,
    shows: W.pReversedShows,
    make: (f) => {
      const g = fresh(f);
      return { ...g, arrivals: [...g.arrivals].reverse() };
    },
  },
  {
    id: 'lost',
    label: W.pLost,
    shows: W.pLostShows,
    make: (f) => {
      const g = fresh(f);
      const n = g.arrivals.length;
      return n < 2 ? g : { ...g, arrivals: g.arrivals.filter((_, k) => k !== Math.max(1, n - 2)) };
    },
  },
  {
    id: 'expired',
    label: W.pExpired,
    shows: W.pExpiredShows,
    make: (f) => {
      const g = fresh(f);
      return { ...g, arrivals: g.arrivals.slice(0, -1), until: timeout(g), source: 'remote' };
    },
  },
  {
    id: 'expired-no-first',
    label: W.pNoFirst,
    shows: W.pNoFirstShows,
    make: (f) => {
      const g = fresh(f);
      return { ...g, arrivals: g.arrivals.slice(1), until: timeout(g), source: 'remote' };
    },
  },
  {
    id: 'duplicate',
    label: W.pDuplicate,
    shows: W.pDuplicateShows,
    make: (f) => {
      const g = fresh(f);
      const frags = [...g.frags, { ...(g.frags[0] ?? DEFAULT_REASSEMBLE_FIELDS.frags[0]!) }];
      return { ...g, frags, arrivals: [...slots([0, frags.length - 1]), ...g.arrivals.slice(1)] };
    },
  },
  {
    id: 'overlap',
    label: W.pOverlap,
    shows: W.pOverlapShows,
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
    label: W.pLate,
    shows: W.pLateShows,
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
    label: W.pTooBig,
    shows: W.pTooBigShows,
    make: (f) => ({
      // The largest length the grammar takes (as `--len`): the fragments themselves run past 65,535.
      len: '65535',
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
