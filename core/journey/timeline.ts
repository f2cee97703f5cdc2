/**
 * The timeline: where every packet is at time t. Pure and unit-tested; the lab's animation hook
 * only asks `positionAt(timeline, t)` each frame and draws the answer.
 *
 * Units: time in seconds at speed 1 (one stop ≈ 1 s, the wire longer); x in [0, 1] across the
 * picture (sender column, wire, receiver column), y in layer rows (0 application … 4 link layer,
 * 5 the wire). More than GROUP_LIMIT packets of a datagram in one stop are drawn as ≤ GROUP_LIMIT
 * groups (×k), so 1,365 fragments stay legible and cheap to draw.
 */
import { easeCubicInOut } from 'd3-ease';
import {
  LAYERS,
  type Layer,
  type PacketState,
  type PacketStatus,
  type Segment,
  type Side,
  type Stop,
} from './types.ts';

export const GROUP_LIMIT = 50;
/** How many marks a grouped cell is drawn as (legible at 360 px). */
export const GROUP_MARKS = 10;
/** Up to this many marks in one layer cell are stacked one above the other; more form a deck. */
export const STACK_LIMIT = 5;
/** A deck's spread: how far its first and last card sit apart (x in stage widths, y in rows). */
export const DECK_DX = 0.07;
export const DECK_DY = 0.34;
export const TX_X = 0.25;
export const RX_X = 0.75;
export const WIRE_ROW = 5;

export interface Timeline {
  stops: readonly Stop[];
  starts: readonly number[];
  durations: readonly number[];
  total: number;
}

export function stopDuration(s: Stop): number {
  if (s.layer === 'wire') return 2;
  if (s.fn === 'ip_expire' || s.fn === 'ip6frag_expire_frag_queue') return 1.5;
  return 1;
}

export function buildTimeline(stops: readonly Stop[]): Timeline {
  const starts: number[] = [];
  const durations: number[] = [];
  let t = 0;
  for (const s of stops) {
    starts.push(t);
    const d = stopDuration(s);
    durations.push(d);
    t += d;
  }
  return { stops, starts, durations, total: t };
}

/** The stop being played at time t (its animation runs from its start to its end) and how far. */
export function stopAt(tl: Timeline, t: number): { index: number; progress: number } {
  const n = tl.stops.length;
  if (n === 0) return { index: 0, progress: 0 };
  if (t <= 0) return { index: 0, progress: 0 };
  if (t >= tl.total) return { index: n - 1, progress: 1 };
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    // a stop owns (start, end]: at a stop's end time the picture is that stop, finished
    if ((tl.starts[mid] as number) < t) lo = mid;
    else hi = mid - 1;
  }
  return { index: lo, progress: (t - (tl.starts[lo] as number)) / (tl.durations[lo] as number) };
}

/** The time at which stop i is complete (where a step control lands). */
export function stopEnd(tl: Timeline, i: number): number {
  const k = Math.max(0, Math.min(i, tl.stops.length - 1));
  return (tl.starts[k] ?? 0) + (tl.durations[k] ?? 0);
}

/** One mark on the picture: a packet, or a group of `count` packets. */
export interface PacketMark {
  key: string;
  datagram: number;
  count: number;
  side: Side;
  layer: Layer;
  status: PacketStatus;
  segments: readonly Segment[];
  len: number;
  label: string;
  /** First fragment index of the mark (null: not a fragment). */
  fragment: number | null;
  /** Its fragment offset in bytes (null: not a fragment). */
  offset: number | null;
  /** skb_headroom (null: the user's buffer, not an sk_buff). */
  headroom: number | null;
  order: number;
}

export interface PacketPos extends PacketMark {
  x: number;
  y: number;
  /** The layer row (y without the stack's offset) and the place in the cell's stack, in slots. */
  row: number;
  slot: number;
  opacity: number;
}

/** A deck's spread in stack slots (its first and last card). */
export const DECK_SLOTS = 1.5;
/** Where the wire's packets are in flight: the first to leave is ahead (x in stage widths). */
export const WIRE_FROM = 0.42;
export const WIRE_TO = 0.58;

interface At {
  x: number;
  y: number;
  row: number;
  slot: number;
}

export interface Frame {
  stop: number;
  progress: number;
  grouped: boolean;
  packets: PacketPos[];
}

interface Layout {
  marks: PacketMark[];
  at: Map<string, At>;
  grouped: boolean;
  firstOfDatagram: Map<number, At>;
  /** The keys of the marks lost on the wire. */
  lost: Set<string>;
}

const layoutCache = new WeakMap<Stop, Layout>();

function columnX(side: Side): number {
  return side === 'tx' ? TX_X : side === 'rx' ? RX_X : RX_X;
}

function rowY(layer: Layer): number {
  return layer === 'wire' ? WIRE_ROW : LAYERS.indexOf(layer);
}

/** Marks of a stop: packets, grouped per datagram and place when there are too many. */
export function marksOf(stop: Stop): { marks: PacketMark[]; grouped: boolean } {
  const cells = new Map<string, PacketState[]>();
  for (const p of stop.packets) {
    const k = `${p.datagram}|${p.side}|${p.layer}`;
    const list = cells.get(k);
    if (list) list.push(p);
    else cells.set(k, [p]);
  }
  const marks: PacketMark[] = [];
  let grouped = false;
  for (const list of cells.values()) {
    if (list.length <= GROUP_LIMIT) {
      for (const p of list)
        marks.push({
          key: p.key,
          datagram: p.datagram,
          count: 1,
          side: p.side,
          layer: p.layer,
          status: p.status,
          segments: p.segments,
          len: p.len,
          label: p.label,
          fragment: p.fragment,
          offset: p.offset ?? null,
          headroom: p.headroom,
          order: p.order,
        });
      continue;
    }
    grouped = true;
    const sorted = [...list].sort((a, b) => a.order - b.order);
    const size = Math.ceil(sorted.length / GROUP_MARKS);
    for (let g = 0; g * size < sorted.length; g++) {
      const members = sorted.slice(g * size, (g + 1) * size);
      const first = members[0] as PacketState;
      const status = members.some((m) => m.status === 'lost') ? 'lost' : first.status;
      marks.push({
        key: `d${first.datagram}:g${g}`,
        datagram: first.datagram,
        count: members.length,
        side: first.side,
        layer: first.layer,
        status,
        segments: first.segments,
        len: first.len,
        label: `${members.length} fragments`,
        fragment: first.fragment,
        offset: first.offset ?? null,
        headroom: first.headroom,
        order: g,
      });
    }
  }
  return { marks, grouped };
}

function layoutOf(stop: Stop): Layout {
  const hit = layoutCache.get(stop);
  if (hit) return hit;
  const { marks, grouped } = marksOf(stop);
  const cells = new Map<string, PacketMark[]>();
  for (const m of marks) {
    const k = `${m.side}|${m.layer}`;
    const list = cells.get(k);
    if (list) list.push(m);
    else cells.set(k, [m]);
  }
  const at = new Map<string, At>();
  const firstOfDatagram = new Map<number, At>();
  for (const list of cells.values()) {
    const sorted = [...list].sort((a, b) => a.datagram - b.datagram || a.order - b.order);
    const n = sorted.length;
    // A few marks stack one above the other inside the cell; more are dealt as a deck (each card a
    // little right of and below the previous one) so that 45 fragments stay a legible pile.
    const deck = n > STACK_LIMIT;
    const gap = deck ? DECK_DY / (n - 1) : Math.min(0.2, 0.52 / Math.max(1, n));
    const dx = deck ? DECK_DX / (n - 1) : 0;
    // On the wire the packets are in flight, spread along it (the first to leave ahead).
    const onWire = sorted[0]?.layer === 'wire';
    sorted.forEach((m, j) => {
      const k = j - (n - 1) / 2;
      const x = onWire
        ? n > 1
          ? WIRE_TO - ((WIRE_TO - WIRE_FROM) * j) / (n - 1) + (deck ? k * dx : 0)
          : (WIRE_FROM + WIRE_TO) / 2
        : columnX(m.side) + k * dx;
      const slot = deck ? (k * DECK_SLOTS) / (n - 1) : k;
      const pos = { x, y: rowY(m.layer) + k * gap, row: rowY(m.layer), slot };
      at.set(m.key, pos);
      if (!firstOfDatagram.has(m.datagram)) firstOfDatagram.set(m.datagram, pos);
    });
  }
  const lost = new Set(marks.filter((m) => m.status === 'lost').map((m) => m.key));
  const l = { marks, at, grouped, firstOfDatagram, lost };
  layoutCache.set(stop, l);
  return l;
}

/**
 * The marks of a move whose stack order changes (a reordered fragment): the fewest marks whose
 * removal leaves the others in the same order before and after (a longest increasing run).
 */
function reordered(list: readonly PacketMark[], prev: Layout | null, cur: Layout): Set<string> {
  const out = new Set<string>();
  if (!prev) return out;
  const both = list.filter((m) => prev.at.has(m.key));
  const key = (a: At) => a.row * 100 + a.slot;
  const before = [...both].sort((a, b) => key(prev.at.get(a.key) as At) - key(prev.at.get(b.key) as At));
  const rank = new Map(
    [...both]
      .sort((a, b) => key(cur.at.get(a.key) as At) - key(cur.at.get(b.key) as At))
      .map((m, i) => [m.key, i]),
  );
  const seq = before.map((m) => rank.get(m.key) as number);
  // longest increasing subsequence, O(n²) (a stop moves at most a few dozen marks)
  const len = seq.map(() => 1);
  const back = seq.map(() => -1);
  for (let i = 0; i < seq.length; i++)
    for (let j = 0; j < i; j++)
      if ((seq[j] as number) < (seq[i] as number) && (len[j] as number) + 1 > (len[i] as number)) {
        len[i] = (len[j] as number) + 1;
        back[i] = j;
      }
  let best = -1;
  for (let i = 0; i < seq.length; i++) if (best < 0 || (len[i] as number) > (len[best] as number)) best = i;
  const keep = new Set<number>();
  for (let i = best; i >= 0; i = back[i] as number) keep.add(i);
  before.forEach((m, i) => {
    if (!keep.has(i)) out.add(m.key);
  });
  return out;
}

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * Where every packet is at time t: during stop i each packet moves from where it was after stop
 * i − 1 to where stop i puts it (eased). The moves keep to lanes, so that no two packets (nor their
 * words) ever pass over each other (issue 14):
 * - the packets of a step move together (one easing), so a stack keeps its order and spacing;
 * - a packet that is new at this step (a fragment split off, a new skb) appears where it will rest
 *   only after the others have moved (they move in the first half, it fades in in the second);
 * - onto the wire: the stack drops onto the wire together, then its packets leave one after
 *   another in their arrival order, each in its own lane, and stay spread along it, in flight;
 * - off the wire: along the wire first (each in its lane) to the receiver's column, then up;
 * - a lost one stays where it was lost (the diagram marks it), never a fading ghost.
 */
export function positionAt(tl: Timeline, t: number): Frame {
  const { index, progress } = stopAt(tl, t);
  const stop = tl.stops[index];
  if (!stop) return { stop: 0, progress: 0, grouped: false, packets: [] };
  const cur = layoutOf(stop);
  const prevStop = index > 0 ? tl.stops[index - 1] : undefined;
  const prev = prevStop ? layoutOf(prevStop) : null;
  const wire = stop.layer === 'wire';
  const movers = cur.marks.filter((m) => m.datagram === stop.datagram);
  const m = wire ? movers.length : 1;
  const stagger = wire && m > 1 ? 0.5 / (m - 1) : 0;
  // A mark new at this step that comes from its datagram's place (not one that just appears).
  const born = (mk: PacketMark) => !!prev && !prev.at.has(mk.key) && prev.firstOfDatagram.has(mk.datagram);
  const split = cur.marks.some(born);
  const hoppers = wire
    ? reordered(
        cur.marks.filter((mk) => mk.datagram === stop.datagram),
        prev,
        cur,
      )
    : null;
  const packets: PacketPos[] = cur.marks.map((mk) => {
    const to = cur.at.get(mk.key) ?? { x: 0.5, y: 0, row: 0, slot: 0 };
    const lostBefore = mk.status === 'lost' && prev?.lost.has(mk.key);
    const from = lostBefore ? to : (prev?.at.get(mk.key) ?? prev?.firstOfDatagram.get(mk.datagram) ?? to);
    if (born(mk)) {
      // it rests where it appears: hidden while the others move, then fades in
      const f = clamp01(progress * 2 - 1);
      return { ...mk, ...to, opacity: f };
    }
    const p = split ? clamp01(progress * 2) : progress;
    const e = easeCubicInOut(p);
    let x = lerp(from.x, to.x, e);
    let y = lerp(from.y, to.y, e);
    let row = lerp(from.row, to.row, e);
    let slot = lerp(from.slot, to.slot, e);
    let opacity = 1;
    if (hoppers?.has(mk.key)) {
      // reordered on the wire: it cannot pass the others in its stack's lane, so it waits where
      // it was while they leave (it is the late one), then fades out there and in where it lands
      const early = progress < 0.9;
      const op = progress < 0.8 ? 1 : early ? (0.9 - progress) / 0.1 : (progress - 0.9) / 0.1;
      return { ...mk, ...(early ? from : to), opacity: clamp01(op) };
    }
    if (wire && mk.datagram === stop.datagram) {
      // drop onto the wire together (the stack keeps its order), then leave one after another
      const down = easeCubicInOut(clamp01(progress * 3));
      const q = clamp01(
        (progress - 1 / 3 - mk.order * stagger * (2 / 3)) / ((2 / 3) * (1 - (m - 1) * stagger)),
      );
      const ex = easeCubicInOut(q);
      x = lerp(from.x, to.x, ex);
      y = lerp(from.y, to.y, down);
      row = lerp(from.row, to.row, down);
      slot = lerp(from.slot, to.slot, down);
    } else if (from.row === WIRE_ROW && to.row !== WIRE_ROW) {
      // off the wire: along it first, in its lane, then up into the receiver's stack
      const ex = easeCubicInOut(clamp01(p * 2));
      const ey = easeCubicInOut(clamp01(p * 2 - 1));
      x = lerp(from.x, to.x, ex);
      y = lerp(from.y, to.y, ey);
      row = lerp(from.row, to.row, ey);
      slot = lerp(from.slot, to.slot, ey);
    } else if (mk.status === 'dropped') opacity = 1 - 0.45 * e;
    if (!prev?.at.has(mk.key) && !prev?.firstOfDatagram.has(mk.datagram)) {
      // appears (a new datagram at the application): fade in
      x = to.x;
      y = to.y;
      row = to.row;
      slot = to.slot;
      opacity *= 0.3 + 0.7 * e;
    }
    return { ...mk, x, y, row, slot, opacity };
  });
  return { stop: index, progress, grouped: cur.grouped, packets };
}
