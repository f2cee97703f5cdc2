/**
 * A Journey scenario: several sendto()s of the same datagram, an optional lost or reordered
 * fragment, the receiver's sk_rcvbuf and how the application reads. The stops are derived from the
 * core's own trace (ipSend: the output path and the loopback receiver up to udp_rcv) step by
 * step; the journey adds only what that trace folds away — the syscall entries, the wire,
 * ip_expire and each recvfrom — and its socket, through the one receive-side model of core/udp
 * (truesize of the arrival, sk_rcvbuf admission, drops and counters).
 */
import {
  mergeTally,
  newTally,
  tallyFrom,
  tallyResult,
  type DropReason,
  type SnmpDelta,
} from '../drops/index.ts';
// core/ip's modules, not its index: the Journey lab's catalog part holds every message the lab's
// modules reach, and through the index that is all of core/ip's (issue 17).
import { ipSend } from '../ip/send.ts';
import { sendSides } from '../ip/send-context.ts';
import { DEFAULT_SEND_INPUT, type SendInput, type SendResult } from '../ip/types.ts';
import { sendShapeIssues } from '../ip/validate.ts';
import { udpLibRcv, udpRecvmsgCounted } from '../udp/index.ts';
import { skbHeadroom, type SkbSnapshot } from '../skb/index.ts';
import type { TraceStep } from '../trace/index.ts';
import type { OutputSnapshot } from '../ip/index.ts';
import { type DefragFn, type DefragOutcome, type FragArrival } from './defrag-verdict.ts';
import { kernelDefrag } from './defrag-kernel.ts';
import { JW, jw, tagged } from './why-messages.ts';
import type { Msg, Text } from '../i18n/index.ts';
import { RMEM_DEFAULT, rcvQueueInit, type RcvQueue, type RecvResult } from './rcvqueue.ts';
import { skbSegments } from './segments.ts';
import {
  placeRank,
  type Layer,
  type PacketState,
  type Segment,
  type Side,
  type Stop,
  type StopKind,
} from './types.ts';
import { captionOf, stopKind } from './captions.ts';

export type ReadMode = 'each' | 'slow' | 'end';
export const READ_MODES: readonly ReadMode[] = ['each', 'slow', 'end'];

export type Fault =
  | { kind: 'none' }
  /** `fragment` is a wire index; for an unfragmented datagram 0 is the whole packet. */
  | { kind: 'lose' | 'reorder'; datagram: number; fragment: number };

export interface JourneyInput {
  /** One sendto(): its `sends` must hold one length (the payload). */
  send: SendInput;
  /** How many times the application calls sendto() with it (1–8). */
  datagrams: number;
  fault: Fault;
  /** The receiver's sk_rcvbuf (what SO_RCVBUF reads back; default net.core.rmem_default). */
  rcvbuf: number;
  /** each: recvfrom right after every datagram arrives; slow: one recvfrom per two datagrams; end: only after the last. */
  read: ReadMode;
  /** The recvfrom() buffer size. */
  bufsize: number;
}

export const MAX_DATAGRAMS = 8;

export const DEFAULT_JOURNEY_INPUT: JourneyInput = {
  send: { ...DEFAULT_SEND_INPUT, sends: [4000], mtu: 1500 },
  datagrams: 1,
  fault: { kind: 'none' },
  rcvbuf: RMEM_DEFAULT,
  read: 'each',
  bufsize: 65536,
};

export type DatagramFate = 'delivered' | 'truncated' | 'dropped-rcvbuf' | 'lost' | 'expired' | 'send-failed';

export interface DatagramOutcome {
  datagram: number;
  /** sendto()'s return value (null: it failed). */
  sent: number | null;
  fate: DatagramFate;
  /** What recvfrom() returned for it (null: never read). */
  received: RecvResult | null;
  /**
   * skb->truesize charged to the receive queue: the reassembled datagram's, after
   * inet_frag_reasm_finish coalesced what it could (the one truesize model of core/ip).
   */
  truesize: number | null;
}

export interface JourneyResult {
  input: JourneyInput;
  send: SendResult;
  stops: Stop[];
  outcomes: DatagramOutcome[];
  counters: Record<string, number>;
  /** How many packets leave per datagram. */
  packetsPerDatagram: number;
  /** Every skb the kernel freed as a drop in the scenario, sorted by reason then function. */
  drop_reasons: DropReason[];
  /** Every SNMP counter that moved (sender and receiver), non-zero only. */
  snmp_delta: SnmpDelta;
}

type Step = TraceStep<OutputSnapshot, Msg>;

function txLayer(fn: string, file: string): Layer {
  if (/sendmsg$/.test(fn)) return 'socket';
  if (/finish_output2$/.test(fn)) return 'l2';
  if (
    /udp\.c$/.test(file) ||
    /append_data|make_skb|alloc_send_skb|^alloc_skb|flush_pending|setsockopt/.test(fn)
  )
    return 'l4';
  return 'l3';
}

function rxLayer(fn: string): Layer {
  if (fn === 'eth_type_trans') return 'l2';
  if (fn === '__udp_enqueue_schedule_skb') return 'socket';
  if (/recvmsg$/.test(fn)) return 'app';
  return 'l3';
}

function clampInt(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.floor(Number.isFinite(v) ? v : lo)));
}

const whole = (v: unknown): boolean => Number.isSafeInteger(v);

/** The run-time shape of a JourneyInput (any JavaScript value may come in); null when it is one. */
export function journeyShapeIssue(input: unknown, opts: unknown): Msg | null {
  if (typeof input !== 'object' || input === null) return jw(JW.shapeObject);
  const o = input as Record<string, unknown>;
  const send = sendShapeIssues(o.send);
  if (send.length) return jw(JW.shapeSend, { issues: send.map((i) => i.message).join(' ') });
  const sends = (o.send as { sends?: unknown }).sends;
  if (!Array.isArray(sends) || sends.length !== 1) return jw(JW.shapeSends);
  if (!whole(o.datagrams) || (o.datagrams as number) < 1 || (o.datagrams as number) > MAX_DATAGRAMS)
    return jw(JW.shapeDatagrams, { max: MAX_DATAGRAMS });
  const f = o.fault as { kind?: unknown; fragment?: unknown; datagram?: unknown } | null;
  if (typeof f !== 'object' || f === null || !['none', 'lose', 'reorder'].includes(f.kind as string))
    return jw(JW.shapeFault);
  if (f.kind !== 'none' && (!whole(f.fragment) || !whole(f.datagram))) return jw(JW.shapeFaultWhere);
  if (!whole(o.rcvbuf) || (o.rcvbuf as number) < 0) return jw(JW.shapeRcvbuf);
  if (!whole(o.bufsize) || (o.bufsize as number) < 0) return jw(JW.shapeBufsize);
  if (!['each', 'slow', 'end'].includes(o.read as string)) return jw(JW.shapeRead);
  if (opts !== undefined && (typeof opts !== 'object' || opts === null)) return jw(JW.shapeOptions);
  const d = (opts as { defrag?: unknown } | undefined)?.defrag;
  if (d !== undefined && typeof d !== 'function') return jw(JW.shapeDefrag);
  return null;
}

/** Build every stop of the scenario. Never throws on user input (errors are stops and outcomes). */
export function journey(input: JourneyInput, opts: { defrag?: DefragFn } = {}): JourneyResult {
  const shape = journeyShapeIssue(input, opts);
  if (shape) {
    // Nothing of `input` is read: the send "fails" with EINVAL and the scenario has no stops.
    const none = ipSend(undefined as never);
    return {
      input: DEFAULT_JOURNEY_INPUT,
      send: none.ok ? none : { ...none, why: shape },
      stops: [],
      outcomes: [],
      counters: {},
      packetsPerDatagram: 0,
      drop_reasons: [],
      snmp_delta: {},
    };
  }
  // The datagrams of one Journey are the same send: the same fragments arrive in the same order
  // unless a fault touches one. The reassembly of one arrival list is computed once (DefragFn is
  // a pure function of its arguments), so the cost is one reassembly per distinct list, not one
  // per datagram: 8 datagrams of 1,365 fragments cost one ip_defrag run, not 8 (fuzz journey #9801).
  const defragFn = opts.defrag ?? kernelDefrag;
  const defragMemo = new Map<string, DefragOutcome>();
  const defrag: DefragFn = (arrivals, o) => {
    let key = `${o.family}/${o.ihl ?? ''}`;
    for (const a of arrivals) key += `;${a.index},${a.offset},${a.end},${a.mf ? 1 : 0}`;
    let out = defragMemo.get(key);
    if (!out) {
      out = defragFn(arrivals, o);
      defragMemo.set(key, out);
    }
    return out;
  };
  const v6 = input.send.family === 'inet6';
  const nDgrams = clampInt(input.datagrams, 1, MAX_DATAGRAMS);
  // The core's own trace stops at udp_rcv: the Journey's socket (rcvbuf, reads) takes it from there.
  const r = ipSend(input.send, 'external');
  const mib = newTally();
  const trace: readonly Step[] = r.trace;
  const payload = input.send.sends[0] ?? 0;
  const nPackets = r.wire.length;
  const stops: Stop[] = [];
  const outcomes: DatagramOutcome[] = [];
  let rcvq: RcvQueue = rcvQueueInit(input.rcvbuf);
  const reasm = { REASMFAILS: 0, REASMTIMEOUT: 0, ICMP_TIME_EXCEEDED: 0 };
  /** Packets of earlier datagrams still on the picture: queued at the socket, delivered to the app. */
  let others: PacketState[] = [];
  const counters = () => ({ ...rcvq.counters, ...reasm });
  const rcvqView = () => ({
    rmem: rcvq.rmem,
    rcvbuf: rcvq.rcvbuf,
    queued: rcvq.queue.map((q) => q.datagram),
  });
  let rank = 0;
  const emit = (
    s: Omit<Stop, 'packets' | 'rcvq' | 'counters' | 'vars' | 'kind' | 'caption'> & {
      vars?: Stop['vars'];
      kind?: StopKind;
    },
    cur: PacketState[],
  ) => {
    rank = Math.max(rank, placeRank(s.side, s.layer));
    const kind = s.kind ?? stopKind(s.fn);
    const vars = s.vars ?? {};
    const mine = cur.filter((p) => p.datagram === s.datagram);
    const rq = rcvqView();
    const caption = captionOf({
      kind,
      payload,
      mtu: input.send.mtu,
      pieces: nPackets,
      n: mine.length,
      len: mine[0]?.len ?? 0,
      headroom: mine[0]?.headroom ?? 0,
      vars,
      rmem: rq.rmem,
      rcvbuf: rq.rcvbuf,
      datagram: s.datagram,
    });
    stops.push({ ...s, kind, caption, vars, packets: [...others, ...cur], rcvq: rq, counters: counters() });
  };

  // Which wire packet each skb id becomes (ip_finish_output2 holds them in wire order).
  const l2Step = trace.find((s) => s.dir === 'down' && /finish_output2$/.test(s.fn));
  const wireIndex = new Map<number, number>();
  l2Step?.snapshot.skbs.forEach((s, i) => wireIndex.set(s.id, i));
  // Each wire packet's fragment offset: the bytes of the datagram's IP payload carried by the
  // packets before it (ip_do_fragment's `offset`, iph->frag_off in bytes; IPv6: the Fragment header's).
  const wireOffset: number[] = [];
  {
    let off = 0;
    for (const s of l2Step?.snapshot.skbs ?? []) {
      wireOffset.push(off);
      off += skbSegments(s)
        .filter((g) => g.kind === 'udp' || g.kind === 'payload')
        .reduce((a, g) => a + g.bytes, 0);
    }
  }
  const recvFn = v6 ? 'udpv6_recvmsg' : 'udp_recvmsg';
  const recvFile = v6 ? 'net/ipv6/udp.c' : 'net/ipv4/udp.c';

  // What a packet shows of a snapshot is the same for every datagram (one send, one trace):
  // worked out once per snapshot, so a stop costs one small object per packet.
  const shown = new Map<
    SkbSnapshot,
    { headroom: number; segments: readonly Segment[]; wire: number | null; offset: number | null }
  >();
  const keys = new Map<number, string>();
  const pkt = (
    d: number,
    s: SkbSnapshot,
    side: Side,
    layer: Layer,
    fragmented: boolean,
    order: number,
  ): PacketState => {
    let v = shown.get(s);
    if (!v) {
      const wire = wireIndex.get(s.id) ?? null;
      v = {
        headroom: skbHeadroom(s),
        segments: skbSegments(s),
        wire,
        offset: wire === null ? null : (wireOffset[wire] ?? null),
      };
      shown.set(s, v);
    }
    let key = keys.get(s.id);
    if (key === undefined) {
      key = `d${d}:s${s.id}`;
      keys.set(s.id, key);
    }
    return {
      key,
      datagram: d,
      fragment: fragmented ? v.wire : null,
      offset: fragmented ? v.offset : null,
      order,
      side,
      layer,
      status: 'moving',
      len: s.len,
      headroom: v.headroom,
      segments: v.segments,
      label: s.label,
    };
  };

  const read = (when: 'each' | 'slow' | 'end' | 'catchup') => {
    const before = rcvq.rmem;
    const { queue, result } = udpRecvmsgCounted(rcvq, input.bufsize, v6 ? 'inet6' : 'inet', mib);
    if (!result) return;
    rcvq = queue;
    const o = outcomes[result.datagram];
    if (o) {
      o.received = result;
      o.fate = result.truncated ? 'truncated' : 'delivered';
    }
    const key = others.find((p) => p.datagram === result.datagram && p.status === 'queued')?.key;
    others = others.filter((p) => p.key !== key);
    const delivered: PacketState = {
      key: key ?? `d${result.datagram}:rx`,
      datagram: result.datagram,
      fragment: null,
      order: 0,
      side: 'rx',
      layer: 'app',
      status: 'delivered',
      len: result.copied,
      headroom: null,
      segments: [{ kind: 'payload', bytes: result.copied }],
      label: `recvfrom → ${result.returned}${result.truncated ? ' (MSG_TRUNC)' : ''}`,
    };
    others = [...others, delivered];
    emit(
      {
        fn: recvFn,
        file: recvFile,
        dir: 'up',
        side: 'rx',
        layer: 'app',
        datagram: result.datagram,
        traceStep: null,
        why: jw(JW.read, {
          when,
          bufsize: input.bufsize,
          d: result.datagram + 1,
          truncated: result.truncated ? 'yes' : 'no',
          len: result.len,
          copied: result.copied,
          discarded: result.discarded,
          before,
          after: rcvq.rmem,
        }),
        vars: { returned: result.returned, copied: result.copied, MSG_TRUNC: result.truncated },
      },
      [],
    );
  };

  for (let d = 0; d < nDgrams; d++) {
    rank = 0;
    keys.clear();
    const tag = (why: Text): Text => tagged(why, d, nDgrams);
    const fault = input.fault.kind !== 'none' && input.fault.datagram === d ? input.fault : null;
    // ---- down the sender
    let cur: PacketState[] = [
      {
        key: `d${d}:user`,
        datagram: d,
        fragment: null,
        order: 0,
        side: 'tx',
        layer: 'app',
        status: 'moving',
        len: payload,
        headroom: null,
        segments: [{ kind: 'payload', bytes: payload }],
        label: 'user buffer',
      },
    ];
    emit(
      {
        fn: '__sys_sendto',
        file: 'net/socket.c',
        dir: 'down',
        side: 'tx',
        layer: 'app',
        datagram: d,
        traceStep: null,
        why: tag(jw(JW.sendto, { payload, fn: v6 ? 'udpv6_sendmsg' : 'udp_sendmsg' })),
        vars: { len: payload },
      },
      cur,
    );
    const live = new Map<number, SkbSnapshot>();
    let chained = false;
    let fragmented = false;
    let layer: Layer = 'app';
    for (let i = 0; i < trace.length; i++) {
      const st = trace[i] as Step;
      if (st.dir !== 'down') continue;
      const mapped = txLayer(st.fn, st.file);
      layer = placeRank('tx', mapped) >= placeRank('tx', layer) ? mapped : layer;
      if (/make_skb$/.test(st.fn)) chained = true;
      if (/do_fragment$|ip6_fragment$|fraglist_prepare$|frag_next$/.test(st.fn)) fragmented = true;
      if (st.snapshot.skbs.length) {
        if (!chained) for (const s of st.snapshot.skbs) live.set(s.id, s);
        else {
          live.clear();
          for (const s of st.snapshot.skbs) live.set(s.id, s);
        }
      }
      if (live.size)
        cur = [...live.values()].map((s, k) => pkt(d, s, 'tx', layer, fragmented && nPackets > 1, k));
      else cur = cur.map((p) => ({ ...p, layer }));
      emit(
        {
          fn: st.fn,
          file: st.file,
          dir: 'down',
          side: 'tx',
          layer,
          datagram: d,
          traceStep: i,
          why: tag(st.why),
          vars: st.snapshot.vars,
        },
        cur,
      );
    }
    mergeTally(mib, tallyFrom(sendSides(r).tx));
    if (!r.ok) {
      emit(
        {
          fn: r.fn,
          file: r.file,
          dir: 'down',
          side: 'tx',
          layer,
          datagram: d,
          traceStep: null,
          why: tag(jw(JW.sendFailed, { errno: r.errno, why: r.why })),
          kind: 'send-failed',
          vars: { errno: r.errno },
          ...(r.drop_reasons.length ? { drops: r.drop_reasons } : {}),
        },
        [],
      );
      outcomes.push({ datagram: d, sent: null, fate: 'send-failed', received: null, truesize: null });
      break; // every further sendto() of the same datagram fails the same way
    }

    // ---- the wire (loopback_xmit hands each skb to __netif_rx)
    const n = cur.length;
    let order = cur.map((_, k) => k);
    const fIdx = fault ? Math.min(fault.fragment, n - 1) : -1;
    if (fault?.kind === 'reorder' && n > 1) order = [...order.filter((k) => k !== fIdx), fIdx];
    const lost = fault?.kind === 'lose' ? fIdx : -1;
    const orderOf = new Map(order.map((k, pos) => [k, pos]));
    const onWire = cur.map((p, k) => ({
      ...p,
      side: 'wire' as const,
      layer: 'wire' as const,
      order: orderOf.get(k) ?? k,
      status: k === lost ? ('lost' as const) : ('moving' as const),
    }));
    emit(
      {
        fn: 'loopback_xmit',
        file: 'drivers/net/loopback.c',
        dir: 'down',
        side: 'wire',
        layer: 'wire',
        datagram: d,
        traceStep: null,
        why: tag(jw(JW.wire, { n, f: fIdx + 1, fault: fault?.kind ?? 'none' })),
        vars: {
          packets: n,
          ...(lost >= 0 ? { lost: fIdx + 1 } : {}),
          ...(fault?.kind === 'reorder' && n > 1 ? { late: fIdx + 1 } : {}),
        },
      },
      onWire,
    );

    // ---- up the receiver
    const arrived = order.filter((k) => k !== lost);
    const upSteps = trace.map((s, i) => ({ s, i })).filter((x) => x.s.dir === 'up');
    const byId = new Map<number, SkbSnapshot>();
    /** The packet state last shown for each receive-side snapshot (this datagram's only). */
    const rxShown = new Map<SkbSnapshot, PacketState>();
    let rxCur: PacketState[] = [];
    const arrivedIdList = arrived.map((k) => (cur[k] ? Number(cur[k].key.split(':s')[1]) : -1));
    const arrivedIds = new Set(arrivedIdList);
    // One truesize model: the datagram as inet_frag_reasm_finish left it at udp_rcv.
    const truesize = r.arrival?.truesize ?? 0;
    // The receiver's IP layer: the core's own count when every packet arrived (order changes
    // nothing), the reassembly core's for the fragments that did when one was lost.
    if (arrived.length === n) mergeTally(mib, tallyFrom(sendSides(r).rx));
    if (arrived.length === 0) {
      outcomes.push({ datagram: d, sent: r.sent, fate: 'lost', received: null, truesize: null });
    } else {
      let fate: DatagramFate | null = null;
      let rxLayerNow: Layer = 'l2';
      for (const { s: st, i } of upSteps) {
        let l = rxLayer(st.fn);
        if (placeRank('rx', l) < placeRank('rx', rxLayerNow)) l = rxLayerNow;
        rxLayerNow = l;
        for (const s of st.snapshot.skbs)
          if (arrivedIds.has(s.id) || /reasm|deliver/.test(st.fn)) byId.set(s.id, s);
        const defragStep = st.fn === 'ip_defrag' || st.fn === 'ipv6_frag_rcv';
        const reasmStep = /frag_reasm$/.test(st.fn);
        if (reasmStep || /deliver_finish$|input_finish$/.test(st.fn)) {
          const head = st.snapshot.skbs[0];
          if (head) rxCur = [pkt(d, head, 'rx', l, false, 0)];
          else rxCur = rxCur.map((p) => ({ ...p, layer: l }));
        } else {
          const status = defragStep ? ('waiting' as const) : ('moving' as const);
          rxCur = [];
          arrivedIdList.forEach((id, pos) => {
            const s = byId.get(id);
            if (!s) return;
            // A fragment no step changed (same snapshot, place and status) is the same packet
            // state as at the step before: shared, not rebuilt (states are never written to).
            const was = rxShown.get(s);
            if (was && was.layer === l && was.status === status && was.order === pos) rxCur.push(was);
            else {
              const p: PacketState = { ...pkt(d, s, 'rx', l, n > 1, pos), status };
              rxShown.set(s, p);
              rxCur.push(p);
            }
          });
        }
        if (defragStep) {
          const arrivals: FragArrival[] = arrived.map((k) => {
            const w = r.wire[k];
            const off = w ? (w.family === 'inet' ? w.offset : (w.frag?.offset ?? 0)) : 0;
            const end = w
              ? w.family === 'inet'
                ? w.offset + w.total_length - w.ihl
                : off + w.payload_length - 8
              : 0;
            const mf = w ? (w.family === 'inet' ? w.mf : (w.frag?.mf ?? false)) : false;
            return { index: k, offset: off, end, mf };
          });
          const w0 = r.wire[0];
          const out = defrag(arrivals, {
            family: v6 ? 'inet6' : 'inet',
            ...(w0?.family === 'inet' ? { ihl: w0.ihl } : {}),
          });
          if (arrived.length < n && out.mib) mergeTally(mib, tallyFrom(out.mib));
          const lastEv = out.events[out.events.length - 1];
          emit(
            {
              fn: st.fn,
              file: st.file,
              dir: 'up',
              side: 'rx',
              layer: l,
              datagram: d,
              traceStep: i,
              why: tag(
                out.delivered && arrived.length === n && !fault
                  ? st.why
                  : jw(JW.queued, {
                      arrived: arrived.length,
                      n,
                      reorder: fault?.kind === 'reorder' ? 'yes' : 'no',
                      f: fIdx + 1,
                      why: lastEv?.why ?? '',
                    }),
              ),
              vars: { ...st.snapshot.vars, arrived: arrived.length },
            },
            rxCur,
          );
          if (!out.delivered && out.expired) {
            reasm.REASMFAILS++;
            reasm.REASMTIMEOUT++;
            if (out.expired.icmpTimeExceeded) reasm.ICMP_TIME_EXCEEDED++;
            emit(
              {
                fn: v6 ? 'ip6frag_expire_frag_queue' : 'ip_expire',
                file: v6 ? 'include/net/ipv6_frag.h' : 'net/ipv4/ip_fragment.c',
                dir: 'up',
                side: 'rx',
                layer: l,
                datagram: d,
                traceStep: null,
                why: tag(jw(JW.expired, { seconds: out.expired.afterSeconds, why: out.expired.why })),
                vars: { seconds: out.expired.afterSeconds, icmp_time_exceeded: out.expired.icmpTimeExceeded },
                ...(out.expiryDrops?.length ? { drops: out.expiryDrops } : {}),
              },
              rxCur.map((p) => ({ ...p, status: 'dropped' as const })),
            );
            fate = 'expired';
            break;
          }
          continue;
        }
        emit(
          {
            fn: st.fn,
            file: st.file,
            dir: 'up',
            side: 'rx',
            layer: l,
            datagram: d,
            traceStep: i,
            why: tag(st.why),
            vars: st.snapshot.vars,
            ...(st.drops?.length ? { drops: st.drops } : {}),
          },
          rxCur,
        );
      }
      if (fate === null && r.arrival) {
        // udp_rcv → __udp4_lib_rcv → the Journey's own socket (the core stopped at udp_rcv).
        emit(
          {
            fn: v6 ? '__udp6_lib_rcv' : '__udp4_lib_rcv',
            file: v6 ? 'net/ipv6/udp.c' : 'net/ipv4/udp.c',
            dir: 'up',
            side: 'rx',
            layer: 'l4',
            datagram: d,
            traceStep: null,
            why: tag(
              jw(JW.udpRcv, {
                rcv: v6 ? 'udpv6_rcv' : 'udp_rcv',
                lib: v6 ? '__udp6_lib_rcv' : '__udp4_lib_rcv',
                ulen: payload + 8,
                lookup: v6 ? '__udp6_lib_lookup_skb' : '__udp4_lib_lookup_skb',
              }),
            ),
            vars: { 'uh->len': payload + 8 },
          },
          rxCur.map((p) => ({ ...p, layer: 'l4' })),
        );
        const u = udpLibRcv({ bound: true, queue: rcvq }, { ...r.arrival, datagram: d }, mib);
        if (u.queue) rcvq = u.queue;
        const ok = u.fate === 'queued';
        const item = rxCur.map((p) => ({
          ...p,
          layer: 'socket' as const,
          status: ok ? ('queued' as const) : ('dropped' as const),
          label: `datagram ${d + 1}`,
        }));
        emit(
          {
            fn: ok ? '__udp_enqueue_schedule_skb' : u.fn,
            kind: ok ? 'enqueue' : 'rcvbuf-drop',
            file: ok ? 'net/ipv4/udp.c' : u.file,
            dir: 'up',
            side: 'rx',
            layer: 'socket',
            datagram: d,
            traceStep: null,
            why: tag(
              jw(JW.enqueue, { truesize, n, chained: r.arrival.chained, why: u.why, ok: ok ? 'yes' : 'no' }),
            ),
            vars: { truesize, sk_rmem_alloc: rcvq.rmem, sk_rcvbuf: rcvq.rcvbuf, queued: ok },
            ...(u.drops.length ? { drops: u.drops } : {}),
          },
          item,
        );
        if (ok) others = [...others, ...item];
        fate = ok ? 'delivered' : 'dropped-rcvbuf';
      }
      outcomes.push({
        datagram: d,
        sent: r.sent,
        fate: fate ?? 'lost',
        received: null,
        truesize: fate === 'expired' ? null : truesize,
      });
    }
    // ---- the application reads
    if (input.read === 'each') while (rcvq.queue.length) read('each');
    else if (input.read === 'slow' && d % 2 === 1 && rcvq.queue.length) read('slow');
  }
  if (r.ok) while (rcvq.queue.length) read(input.read === 'end' ? 'end' : 'catchup');
  return {
    input,
    send: r,
    stops,
    outcomes,
    counters: counters(),
    packetsPerDatagram: nPackets,
    ...tallyResult(mib),
  };
}
