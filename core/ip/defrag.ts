/**
 * The input side of fragmentation: IPv4 ip_defrag (net/ipv4/ip_fragment.c) and IPv6
 * ipv6_frag_rcv (net/ipv6/reassembly.c) over the shared queue code of
 * net/ipv4/inet_fragment.c, fragment by fragment in arrival order, on a virtual clock.
 *
 * What is modelled, case for case with Linux 6.18 (core/conformance/fixtures/linux-6.18/
 * reassembly.json and local/reassembly-extra.json):
 * - queues keyed as the kernel keys them (IPv4: saddr, daddr, id, protocol, user, vif;
 *   IPv6: id, saddr, daddr, iif), one timer per queue armed once at creation;
 * - the checks of ip_frag_queue / ip6_frag_queue in their order (last-fragment rules,
 *   trimming of non-last fragments to a multiple of 8 — IPv6 answers Parameter Problem —,
 *   empty fragments), the "runs" of inet_frag_queue_insert (exact duplicates dropped alone,
 *   any other overlap drops the whole queue), ip_frag_too_far (max_dist 64), the memory
 *   threshold of inet_frag_find, E2BIG in ip_frag_reasm, ip_expire and its ICMP;
 * - what the bound UDP socket then receives (__udp4_lib_rcv / __udp6_lib_rcv length checks).
 *
 * Bytes are never copied: a fragment is a byte range of the UDP datagram with a fill tag
 * ("same" = the sender's bytes, "other" = the same range with different bytes); the
 * reassembled datagram is the list of kept ranges, so byte equality is a fact about tags.
 *
 * Approximation, written down: sizeof(struct ipq) and sizeof(struct frag_queue) (the
 * per-queue memory charge) are estimates from the struct layout on x86-64, not read from
 * the running kernel; the memory cases of local/reassembly-extra.json bracket them.
 */
import { ERRNO } from '../errno/index.ts';
import { msg, renderText, type Msg } from '../i18n/index.ts';
import { IM, issueListMsg } from './input-messages.ts';
import { DM } from './defrag-messages.ts';
import { skbAllocation } from '../skb/alloc.ts';
import { resetSkbIds } from '../skb/skb.ts';
import type { Family, WirePacket } from './types.ts';
import {
  DEFRAG_DEFAULTS,
  IP_FRAGMENT_C,
  REASSEMBLY_C,
  SENDER_SLACK,
  type DefragArrival,
  type DefragInput,
  type DefragIssue,
  type DefragNet,
  type DefragResult,
  type DefragSysctl,
  type FragmentSpec,
  type InetFragQueue,
  type QueueOutcome,
  type QueueOutcomeRecord,
  type DefragOk,
  type DefragStep,
  type StepRecord,
} from './defrag-types.ts';
import { newTally, mergeTally, tallyResult } from '../drops/tally.ts';
import { RMEM_DEFAULT, SOCK_MIN_RCVBUF } from '../udp/rcvqueue.ts';
import { udpRecvmsgCounted } from '../udp/udp-rcv.ts';
import { materialiseStep, newNet, queueSnapshotOf, queueState, step } from './frag-net.ts';
import { ipDefrag, ipExpire } from './ip-fragment.ts';
import { ipv6FragRcv } from './reassembly.ts';

export * from './defrag-types.ts';
export { inetFragQueueInsert } from './inet-fragment.ts';
export { ipDefrag, ipFragQueue, ipExpire } from './ip-fragment.ts';
export { ipv6FragRcv, ip6FragQueue } from './reassembly.ts';

function runTimers(net: DefragNet, until: number): void {
  for (;;) {
    let next: InetFragQueue | null = null;
    for (const q of net.table.values())
      if (q.expiresAt <= until && (!next || q.expiresAt < next.expiresAt)) next = q;
    if (!next) return;
    net.now = next.expiresAt;
    ipExpire(net, next);
  }
}

/* ------------------------------------------------------------------------------------ */

/** Check what a user typed; the kernel could not even receive some of it. */
export function validateDefragInput(input: DefragInput): DefragIssue[] {
  const issues: DefragIssue[] = [];
  const add = (field: string, m: Msg) => issues.push({ field, message: renderText(m, 'en'), msg: m });
  const num = (v: number) => v.toLocaleString('en-US');
  const v6 = input.family === 'inet6';
  if (input.family !== 'inet' && input.family !== 'inet6') add('family', msg(IM.family, { name: 'family' }));
  if (!Number.isInteger(input.len) || input.len < 0 || input.len > 70_000)
    add('len', msg(IM.len, { max: num(70_000) }));
  if (!Array.isArray(input.fragments)) {
    add('fragments', msg(IM.fragmentsList, { name: 'fragments' }));
    return issues;
  }
  if (input.fragments.length > 16384) add('fragments', msg(IM.fragmentsMany, { max: num(16384) }));
  const whole = (v: unknown, lo: number, hi: number) =>
    Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;
  if (input.ipfrag_max_dist !== undefined && !whole(input.ipfrag_max_dist, 0, 1_000_000))
    add('ipfrag_max_dist', msg(IM.maxDist, { max: num(1_000_000) }));
  if (input.rcvbuf !== undefined && !whole(input.rcvbuf, SOCK_MIN_RCVBUF, 2 ** 31 - 1))
    add(
      'rcvbuf',
      msg(IM.rcvbuf, { min: num(SOCK_MIN_RCVBUF), max: num(2 ** 31 - 1), dflt: num(RMEM_DEFAULT) }),
    );
  if (input.socket !== undefined && !['bound', 'none', 'external'].includes(input.socket))
    add('socket', msg(IM.socket, { name: 'socket' }));
  if (input.sender !== undefined && input.sender !== 'raw' && input.sender !== 'udp')
    add('sender', msg(IM.sender));
  if (input.source !== undefined && input.source !== 'self' && input.source !== 'remote')
    add('source', msg(IM.source));
  if (input.ihl !== undefined && (v6 || !whole(input.ihl, 20, 60) || input.ihl % 4)) add('ihl', msg(IM.ihl));
  // The virtual clock is a whole number of ms: NaN, Infinity or a 400-digit number would stall
  // the timers or print nonsense (issue 19).
  const CLOCK_MAX = 2 ** 31 - 1;
  if (input.until !== undefined && !whole(input.until, 0, CLOCK_MAX))
    add('until', msg(IM.until, { max: num(CLOCK_MAX) }));
  if (input.id !== undefined && !whole(input.id, 0, v6 ? 0xffffffff : 0xffff))
    add('id', msg(IM.defaultId, { max: v6 ? 0xffffffff : 0xffff }));
  if (input.sysctl !== undefined) {
    const sc: unknown = input.sysctl;
    if (!sc || typeof sc !== 'object') add('sysctl', msg(IM.sysctlObject));
    else
      for (const [k, v] of Object.entries(sc))
        if (!['high_thresh', 'timeout', 'max_dist'].includes(k)) add(`sysctl.${k}`, msg(IM.sysctlNames));
        else if (!whole(v, 0, CLOCK_MAX)) add(`sysctl.${k}`, msg(IM.sysctlValue, { max: num(CLOCK_MAX) }));
  }
  const ihl = v6 ? 48 : (input.ihl ?? 20);
  let prev = 0;
  // An index loop, not forEach: forEach skips the holes of a sparse array ([, f]), which the
  // pipeline's for…of then reads as undefined.
  const frags = input.fragments.length > 16384 ? [] : input.fragments;
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i];
    const at = `fragments[${i}]`;
    if (!f || typeof f !== 'object') {
      add(at, msg(IM.notFragment));
      continue;
    }
    if (!Number.isInteger(f.offset) || f.offset < 0 || f.offset % 8 !== 0 || f.offset > 8191 * 8)
      add(`${at}.offset`, msg(IM.offset, { max: num(8191 * 8) }));
    const maxLen = v6 ? 65535 - 8 : 65535 - ihl;
    if (!Number.isInteger(f.length) || f.length < 0 || f.length > maxLen)
      add(`${at}.length`, msg(IM.length, { max: maxLen }));
    if (typeof f.mf !== 'boolean') add(`${at}.mf`, msg(IM.mf));
    const idMax = v6 ? 0xffffffff : 0xffff;
    if (f.id !== undefined && (!Number.isInteger(f.id) || f.id < 0 || f.id > idMax))
      add(`${at}.id`, msg(IM.id, { max: idMax }));
    if (f.fill !== undefined && f.fill !== 'same' && f.fill !== 'other') add(`${at}.fill`, msg(IM.fill));
    if (f.at !== undefined) {
      if (!Number.isFinite(f.at) || f.at < 0 || f.at > CLOCK_MAX || f.at < prev) add(`${at}.at`, msg(IM.at));
      else prev = f.at;
    }
  }
  return issues;
}

/**
 * The reassembly lab's pipeline: every fragment, in arrival order, through ip_defrag (or
 * ipv6_frag_rcv) on one receiver, the queue timers firing on the virtual clock, and the
 * UDP socket's view of every reassembled datagram. Never throws on user input.
 */
export function reassemble(input: DefragInput): DefragResult {
  let issues: DefragIssue[];
  try {
    issues = validateDefragInput(input);
  } catch {
    issues = [{ field: '(input)', message: renderText(msg(IM.notInput), 'en'), msg: msg(IM.notInput) }];
  }
  if (issues.length) {
    const whyMsg = issueListMsg(issues);
    return {
      ok: false,
      errno: 'EINVAL',
      fn: 'sockscope',
      file: 'core/ip/defrag.ts',
      why: renderText(whyMsg, 'en'),
      whyMsg,
      issues,
    };
  }
  const family = input.family;
  const sysctl: DefragSysctl = {
    ...DEFRAG_DEFAULTS[family],
    ...input.sysctl,
    ...(family === 'inet' && input.ipfrag_max_dist !== undefined ? { max_dist: input.ipfrag_max_dist } : {}),
  };
  const net = newNet(family, sysctl, input.len, {
    source: input.source === 'remote' ? 'remote' : 'self',
    sender: input.sender ?? 'raw',
    socket: input.socket ?? 'bound',
    rcvbuf: input.rcvbuf ?? RMEM_DEFAULT,
    ...(input.ihl !== undefined ? { ihl: input.ihl } : {}),
  });
  resetSkbIds();
  const defaultId = input.id ?? 0x4242;
  let clock = 0;
  for (const f of input.fragments) {
    clock = f.at ?? clock;
    runTimers(net, clock);
    net.now = clock;
    const full = {
      offset: f.offset,
      length: f.length,
      mf: f.mf,
      id: f.id ?? defaultId,
      fill: f.fill ?? 'same',
    };
    if (family === 'inet') ipDefrag(net, full);
    else ipv6FragRcv(net, full);
  }
  const until = Math.max(input.until ?? clock + 100, clock);
  runTimers(net, until);
  net.now = until;
  readAll(net);
  const queues: QueueOutcomeRecord[] = net.all.map(
    (q) =>
      q.outcome ?? {
        serial: q.serial,
        id: q.id,
        state: 'waiting',
        createdAt: q.createdAt,
        endedAt: null,
        fn: family === 'inet' ? 'ip_frag_queue' : 'ip6_frag_queue',
        file: family === 'inet' ? IP_FRAGMENT_C : REASSEMBLY_C,
        why: msg(DM.waiting, {
          until,
          meat: q.meat,
          first: q.flags.FIRST_IN ? 'yes' : 'no',
          last: q.flags.LAST_IN ? 'yes' : 'no',
          expires: q.expiresAt,
        }),
        icmp: null,
        last: queueState(q),
      },
  );
  const mib = tallyResult(net.mib);
  return lazyResult(
    {
      ok: true,
      family,
      len: input.len,
      datagramLength: net.datagramLength,
      until,
      arrivals: net.arrivals,
      datagrams: net.datagrams,
      delivered: net.datagrams.filter((d) => d.delivered),
    },
    {
      icmp: net.icmp,
      sysctl,
      rcvbuf: typeof net.socket === 'object' ? net.socket.queue.rcvbuf : null,
      drop_reasons: mib.drop_reasons,
      snmp_delta: mib.snmp_delta,
    },
    { trace: net.trace, queues, highThresh: sysctl.high_thresh },
  );
}

/* ------------------------------------------------------------------------------------ */
/*
 * The trace and the queues' outcomes are recorded compactly while the model runs (frag-net.ts:
 * StepRecord, QueueState) and made into the objects the panels read the first time they are read
 * (issue 17): `trace` and `queues` are own enumerable accessors of the result, in their places
 * among its keys, that build the value once, then leave it as a plain data property. So JSON,
 * spreads, comparisons and every reader see exactly what an eagerly built result held. The
 * accessors are two shared functions (no closure per result: an accessor closing over the run
 * would keep it in V8's old space), and the records wait in a WeakMap keyed by the result.
 */
interface Recorded {
  trace: StepRecord[];
  queues: QueueOutcomeRecord[];
  highThresh: number;
}

/** Leave `value` as the plain data property `key` of `o` (what a built result holds). */
function settle<T>(o: object, key: 'trace' | 'queues', value: T): T {
  Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/** Every step of a recorded trace, as the panels read it. */
export function materialiseTrace(trace: readonly StepRecord[], highThresh: number): DefragStep[] {
  const out = new Array<DefragStep>(trace.length);
  for (let i = 0; i < trace.length; i++) out[i] = materialiseStep(trace[i] as StepRecord, highThresh);
  return out;
}

/** A base class whose constructor returns the object it is given: a subclass's private field is then stamped onto that object. */
class Stamp {
  constructor(o: object) {
    return o;
  }
}

/**
 * Where a result keeps its records until they are read: a private slot (invisible to JSON, keys,
 * spreads and comparisons), stamped onto the result literal itself (Stamp: no copy of its keys,
 * its prototype left as Object.prototype). Not a WeakMap: V8's scavenger keeps a WeakMap's young
 * values alive with its old table, so every trace outlived its result by a collection or two.
 */
class Pending extends Stamp {
  #rec: Recorded | undefined;
  constructor(o: object, rec: Recorded) {
    super(o);
    this.#rec = rec;
  }
  static take(o: object): Recorded | undefined {
    if (!(#rec in o)) return undefined;
    return (o as Pending).#rec;
  }
  static readTrace(this: object): DefragStep[] {
    const r = Pending.take(this);
    return settle(this, 'trace', r ? materialiseTrace(r.trace, r.highThresh) : []);
  }
  static writeTrace(this: object, v: DefragStep[]): void {
    settle(this, 'trace', v);
  }
  static readQueues(this: object): QueueOutcome[] {
    const r = Pending.take(this);
    return settle(
      this,
      'queues',
      r ? r.queues.map((o): QueueOutcome => ({ ...o, last: queueSnapshotOf(o.last) })) : [],
    );
  }
  static writeQueues(this: object, v: QueueOutcome[]): void {
    settle(this, 'queues', v);
  }
}

/**
 * How many steps a result's trace has, without building them: a lab clamps its step to the count
 * in the edit's own render, and reading `trace` there built every step (1,365 fragments: ≈ 7 ms in
 * the browser) before the edit could paint; the panels that show steps read `trace` after it.
 * Any value: 0 for what is not a reassembly result (never a throw).
 */
export function defragStepCount(result: unknown): number {
  if (typeof result !== 'object' || result === null) return 0;
  const r = Pending.take(result);
  if (r) {
    const d = Object.getOwnPropertyDescriptor(result, 'trace');
    // Still the accessor: nothing read or replaced the trace yet, so the records are it.
    if (d && d.get === Pending.readTrace) return r.trace.length;
  }
  try {
    const t: unknown = (result as { trace?: unknown }).trace;
    return Array.isArray(t) ? t.length : 0;
  } catch {
    // A getter that throws (any value may come in): no steps to count.
    return 0;
  }
}

/** The two accessors' descriptors, shared by every result (defineProperty copies them). */
const QUEUES_ACCESSOR: PropertyDescriptor = {
  get: Pending.readQueues,
  set: Pending.writeQueues,
  enumerable: true,
  configurable: true,
};
const TRACE_ACCESSOR: PropertyDescriptor = {
  get: Pending.readTrace,
  set: Pending.writeTrace,
  enumerable: true,
  configurable: true,
};

type LazyKey = 'queues' | 'trace';
type AfterQueues = 'icmp' | 'sysctl' | 'rcvbuf' | 'drop_reasons' | 'snmp_delta';

/**
 * The result, its keys in DefragOk's order: `head` (a fresh literal, the keys before `queues`)
 * gets the slot stamped on, then each later key is added in turn, the two lazy ones as accessors.
 * Adding an accessor (the same two functions each time) follows a map transition V8 keeps, so
 * every result shares one shape; turning a data property into an accessor, as this did before,
 * made a new map for each result (a sixth of a 3-fragment reassembly in a profile).
 */
function lazyResult(
  head: Omit<DefragOk, LazyKey | AfterQueues>,
  tail: Pick<DefragOk, AfterQueues>,
  r: Recorded,
): DefragOk {
  const o = new Pending(head, r) as unknown as DefragOk;
  Object.defineProperty(o, 'queues', QUEUES_ACCESSOR);
  o.icmp = tail.icmp;
  Object.defineProperty(o, 'trace', TRACE_ACCESSOR);
  o.sysctl = tail.sysctl;
  o.rcvbuf = tail.rcvbuf;
  o.drop_reasons = tail.drop_reasons;
  o.snmp_delta = tail.snmp_delta;
  return o;
}

/** The application reads once the clock stops (recvmsg until EAGAIN): InDatagrams per datagram. */
function readAll(net: DefragNet): void {
  if (typeof net.socket !== 'object') return;
  const read = newTally();
  let n = 0;
  for (;;) {
    const r = udpRecvmsgCounted(net.socket.queue, 65536, net.family, read);
    if (!r.result) break;
    net.socket.queue = r.queue;
    n++;
  }
  if (!n) return;
  mergeTally(net.mib, read);
  const v6 = net.family === 'inet6';
  step(
    net,
    v6 ? 'udpv6_recvmsg' : 'udp_recvmsg',
    v6 ? 'net/ipv6/udp.c' : 'net/ipv4/udp.c',
    msg(DM.readAll, { n }),
    null,
  );
}

/** The fragments a send put on the wire, as arrivals (the lab makes its cards from ipSend). */
export function fragmentsFromWire(wire: readonly WirePacket[]): FragmentSpec[] {
  return wire.map((p) =>
    p.family === 'inet'
      ? { offset: p.offset, length: p.total_length - p.ihl, mf: p.mf, id: p.id }
      : p.frag
        ? { offset: p.frag.offset, length: p.payload_length - 8, mf: p.frag.mf, id: p.frag.id }
        : { offset: 0, length: p.payload_length, mf: false },
  );
}

/** The errno number a verdict's return value carries (for tables). */
export function defragReturn(a: DefragArrival): string {
  return a.errno ? `-${a.errno} (${ERRNO[a.errno]})` : '0';
}

/** The truesize the receiver charges for one fragment of `length` payload bytes. */
export function fragmentTruesize(family: Family, length: number): number {
  return skbAllocation((family === 'inet' ? 20 : 48) + length + SENDER_SLACK).truesize;
}
