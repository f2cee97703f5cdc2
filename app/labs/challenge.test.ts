/**
 * Every lab's challenge questions (issue 14), asked of real cases through each lab's own URL
 * reader and store: each answer is the core's (compared with the core result the store holds,
 * or with the core called again here), the right answer is judged right — full-width digits too
 * — and a wrong one wrong.
 */
import { describe, expect, it } from 'vitest';
import { formatMsg } from '../../core/i18n/index.ts';
import { ipSend, DEFAULT_SEND_INPUT } from '../../core/ip/index.ts';
import type { WirePacket } from '../../core/ip/index.ts';
import { sysSocket, AF, SOCK, profileFor } from '../../core/socket/index.ts';
import { asksOf, isRight, readAnswer } from '../lab-kit/challenge/index.ts';
import type { ChallengeAnswer, ChallengeAsk, LabChallenge } from '../lab-kit/challenge/index.ts';
import type { LabDefinition } from '../lab-kit/index.ts';
import { fragmentLab } from './Fragment/lab.ts';
import { fragmentChallenge } from './Fragment/challenge.ts';
import type { FragmentState } from './Fragment/store.ts';
import { socketLab } from './Socket/lab.ts';
import { socketChallenge } from './Socket/challenge.ts';
import type { SocketState } from './Socket/store.ts';
import { skbLab } from './Skb/lab.ts';
import { skbChallenge } from './Skb/challenge.ts';
import type { SkbState } from './Skb/store.ts';
import { reassembleLab } from './Reassemble/lab.ts';
import { reassembleChallenge } from './Reassemble/challenge.ts';
import type { ReassembleState } from './Reassemble/store.ts';
import { netlinkLab } from './Netlink/lab.ts';
import { netlinkChallenge } from './Netlink/challenge.ts';
import type { NetlinkState } from './Netlink/store.ts';
import { journeyLab } from './Journey/lab.ts';
import { journeyChallenge } from './Journey/challenge.ts';
import type { JourneyState } from './Journey/store.ts';

/** A lab loaded from a URL query, as the page loads it, and its questions. */
function ask<S, C extends object>(def: LabDefinition, ch: LabChallenge<S, C>, query: string) {
  const live = def.instantiate();
  live.read(query);
  const state = live.store.getState() as S;
  const { asks, broken } = asksOf(ch as LabChallenge<unknown, C>, ch.caseOf(state));
  expect(broken).toBeNull();
  const byId = (id: string): ChallengeAsk => {
    const a = asks.find((x) => x.id === id);
    if (!a) throw new Error(`no question ${id} for ${query}: ${asks.map((x) => x.id).join(', ')}`);
    return a;
  };
  return { state, asks, byId, ids: asks.map((a) => a.id) };
}
/** Each lab's questions for a query. */
const askFragment = (query: string) => ask<FragmentState, object>(fragmentLab, fragmentChallenge, query);
const askSocket = (query: string) => ask<SocketState, object>(socketLab, socketChallenge, query);
const askSkb = (query: string) => ask<SkbState, object>(skbLab, skbChallenge, query);
const askReassemble = (query: string) =>
  ask<ReassembleState, object>(reassembleLab, reassembleChallenge, query);
const askNetlink = (query: string) => ask<NetlinkState, object>(netlinkLab, netlinkChallenge, query);

/** What a student would type (or pick) for an answer. */
const typed = (a: ChallengeAnswer): string => (a.kind === 'offsets' ? a.value.join(', ') : String(a.value));

/** A wrong answer of the same kind. */
function wrongOf(a: ChallengeAnswer): string {
  if (a.kind === 'number') return String(a.value + 1);
  if (a.kind === 'offsets') return [...a.value].reverse().concat([8]).join(', ');
  const other = a.options.find((o) => o.value !== a.value);
  if (!other) throw new Error('a choice question needs another option');
  return other.value;
}

/** The right answer is right, a wrong one wrong, and every sentence formats in both languages. */
function judge(q: ChallengeAsk) {
  const right = readAnswer(q.answer, typed(q.answer));
  expect(right.ok && isRight(q.answer, right.value)).toBe(true);
  const wrong = readAnswer(q.answer, wrongOf(q.answer));
  expect(wrong.ok && isRight(q.answer, wrong.value)).toBe(false);
  for (const locale of ['en', 'zh-CN'] as const)
    for (const m of [q.prompt, q.explain]) {
      const text = formatMsg(m, locale);
      expect(text).not.toMatch(/\{|undefined|NaN|\[object/);
      expect(text.length).toBeGreaterThan(10);
    }
}

const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const offsetOf = (p: WirePacket) => (p.family === 'inet' ? p.offset : (p.frag?.offset ?? 0));

describe('Fragmentation questions', () => {
  it('4,000 bytes over MTU 1,500: the packet count and offsets are ipSend’s', () => {
    const { byId, state } = askFragment('len=4000&mtu=1500');
    const core = ipSend({ ...DEFAULT_SEND_INPUT, sends: [4000], mtu: 1500 });
    expect(state.result?.wire.length).toBe(core.wire.length);
    const packets = byId('packets');
    expect(packets.answer).toEqual({ kind: 'number', value: core.wire.length });
    expect(core.wire.length).toBe(3);
    const offsets = byId('offsets');
    expect(offsets.answer).toEqual({ kind: 'offsets', value: core.wire.map(offsetOf) });
    judge(packets);
    judge(offsets);
    // Full-width digits and a Chinese enumeration comma, as an IME types them.
    const fw = readAnswer(offsets.answer, fullWidth('0、1480、2960'));
    expect(fw.ok && isRight(offsets.answer, fw.value)).toBe(true);
  });

  it('a datagram that fits: one packet, no offsets question', () => {
    const { byId, ids } = askFragment('len=1000&mtu=1500');
    expect(byId('packets').answer).toEqual({ kind: 'number', value: 1 });
    expect(ids).not.toContain('offsets');
  });
});

describe('Socket questions', () => {
  it('AF_INET SOCK_DGRAM: a socket, inet_dgram_ops, connect through its slot — as sysSocket says', () => {
    const { byId, state } = askSocket('domain=AF_INET&type=SOCK_DGRAM&protocol=0&priv=root&op=connect');
    const core = sysSocket(AF.AF_INET, SOCK.SOCK_DGRAM, 0, profileFor('root'));
    expect(core.ok).toBe(true);
    if (!core.ok) return;
    expect(byId('outcome').answer).toMatchObject({ kind: 'choice', value: 'ok' });
    expect(byId('ops').answer).toMatchObject({ kind: 'choice', value: core.ops.name });
    const slot = core.ops.slots.find((s) => s.field === state.result?.dispatch?.opsField);
    expect(byId('dispatch').answer).toMatchObject({ kind: 'choice', value: slot?.fn });
    for (const q of ['outcome', 'ops', 'dispatch']) judge(byId(q));
  });

  it('SOCK_RAW as an unprivileged user: the errno is the core’s, and only the outcome is asked', () => {
    const { byId, ids, state } = askSocket('domain=AF_INET&type=SOCK_RAW&protocol=IPPROTO_UDP&priv=user');
    const r = state.result?.socket;
    expect(r?.ok).toBe(false);
    if (!r || r.ok) return;
    const outcome = byId('outcome');
    expect(outcome.answer).toMatchObject({ kind: 'choice', value: r.errno });
    expect(ids).toEqual(['outcome']);
    judge(outcome);
    // "A new socket" is wrong here.
    const g = readAnswer(outcome.answer, 'ok');
    expect(g.ok && isRight(outcome.answer, g.value)).toBe(false);
  });

  it('listen on a UDP socket: the slot is the sock_no_listen stub', () => {
    const { byId } = askSocket('domain=AF_INET&type=SOCK_DGRAM&protocol=0&priv=root&op=listen');
    const q = byId('dispatch');
    expect(q.answer).toMatchObject({ value: 'sock_no_listen' });
    expect(formatMsg(q.explain, 'en')).toContain('EOPNOTSUPP');
    judge(q);
  });
});

describe('sk_buff questions', () => {
  it('the UDP send’s last push: data, len and the outcome are the run’s', () => {
    const { byId, state } = askSkb('');
    const step = state.step;
    const after = state.run.trace[step]?.snapshot.skb;
    const before = state.run.trace[step - 1]?.snapshot.skb;
    const op = state.ops[step - 1];
    expect(op?.op).toBe('push');
    expect(byId('data').answer).toEqual({ kind: 'number', value: after?.data });
    // skb_push moves data back by n (the run agrees).
    expect(after?.data).toBe((before?.data ?? 0) - (op?.n ?? 0));
    expect(byId('len').answer).toEqual({ kind: 'number', value: after?.len });
    expect(byId('fate').answer).toMatchObject({ kind: 'choice', value: 'ok' });
    for (const q of ['data', 'len', 'fate']) judge(byId(q));
  });

  it('put past end: skb_over_panic, and no pointer question', () => {
    const { byId, ids, state } = askSkb('alloc=128&ops=reserve:16,put:5000');
    expect(state.run.halted).toBeDefined();
    expect(ids).toEqual(['fate']);
    expect(byId('fate').answer).toMatchObject({ value: state.run.outcomes[state.step]?.error?.kind });
    expect(byId('fate').answer).toMatchObject({ value: 'skb_over_panic' });
    judge(byId('fate'));
  });
});

describe('Reassembly questions', () => {
  it('three fragments out of order: delivered, and recvfrom() returns the core’s length', () => {
    const { byId, state } = askReassemble('len=2992&frags=0:1480:1,1480:1480:1,2960:40:0&order=2,0,1');
    const d = state.result?.delivered[0];
    expect(d?.delivered).toBe(true);
    expect(byId('fate').answer).toMatchObject({ value: 'delivered' });
    expect(byId('bytes').answer).toEqual({ kind: 'number', value: d?.length });
    expect(d?.length).toBe(2992);
    judge(byId('fate'));
    judge(byId('bytes'));
  });

  it('a fragment lost: the queue’s own end (waiting or expired) is the answer', () => {
    const { byId, ids, state } = askReassemble('len=2992&frags=0:1480:1,1480:1480:1,2960:40:0&order=0,2');
    const q = state.result?.queues[0];
    expect(q && ['waiting', 'expired']).toContain(q?.state);
    expect(byId('fate').answer).toMatchObject({ value: q?.state });
    expect(ids).not.toContain('bytes');
    judge(byId('fate'));
  });

  it('overlapping fragments: dropped, and the reason is the verdict of the fragment that did it', () => {
    const { byId, state } = askReassemble('len=2992&frags=0:1480:1,1000:1480:1,2960:40:0&order=0,1,2');
    const dropped = state.result?.queues.find((x) => x.state === 'dropped');
    expect(dropped).toBeDefined();
    expect(byId('fate').answer).toMatchObject({ value: 'dropped' });
    const killer = state.result?.arrivals.filter(
      (a) => a.queue === dropped?.serial && a.verdict === 'overlap',
    );
    expect(killer?.length).toBeGreaterThan(0);
    expect(byId('reason').answer).toMatchObject({ value: 'overlap' });
    judge(byId('fate'));
    judge(byId('reason'));
  });
});

describe('Netlink questions', () => {
  it('the default RTM_GETLINK: nlmsg_len and NLMSG_NEXT are the decode’s', () => {
    const { byId, state } = askNetlink('');
    const m = state.result.messages[0];
    expect(byId('len').answer).toEqual({ kind: 'number', value: m?.len });
    expect(m?.len).toBe(40);
    const w = state.result.walk.find((x) => x.offset === m?.offset);
    expect(byId('next').answer).toEqual({ kind: 'number', value: w?.next });
    judge(byId('len'));
    judge(byId('next'));
    const fw = readAnswer(byId('len').answer, '４０');
    expect(fw.ok && isRight(byId('len').answer, fw.value)).toBe(true);
  });
});

describe('Journey questions', () => {
  const where = (query: string) => ask<JourneyState, object>(journeyLab, journeyChallenge, query);

  it('at the first stop, fragment 2 is not cut yet; on the wire stop it is on the wire', () => {
    expect(where('len=4000&mtu=1500&family=inet').byId('where').answer).toMatchObject({ value: 'notYet' });
    const j = where('len=4000&mtu=1500&family=inet').state.result?.journey;
    const wire = (j?.stops.findIndex((s) => s.kind === 'wire') ?? -1) + 1;
    expect(wire).toBeGreaterThan(0);
    const onWire = where(`len=4000&mtu=1500&family=inet&step=${wire}`);
    expect(onWire.byId('where').answer).toMatchObject({ value: 'wire_wire' });
    const p = onWire.state.result?.journey.stops[wire - 1]?.packets.find((x) => x.fragment === 1);
    expect(onWire.byId('len').answer).toEqual({ kind: 'number', value: p?.len });
    judge(onWire.byId('where'));
    judge(onWire.byId('len'));
  });

  it('a lost fragment 2 is lost after the wire; all there, it is glued back after reassembly', () => {
    const lost = where('len=4000&mtu=1500&family=inet&fault=lose&frag=2&dg=1');
    const stops = lost.state.result?.journey.stops ?? [];
    const after = stops.findIndex((s) => s.kind === 'wire') + 2;
    expect(
      where(`len=4000&mtu=1500&family=inet&fault=lose&frag=2&dg=1&step=${after}`).byId('where').answer,
    ).toMatchObject({
      value: 'lost',
    });
    const ok = where('len=4000&mtu=1500&family=inet').state.result?.journey.stops ?? [];
    const last = ok.length;
    const q = where(`len=4000&mtu=1500&family=inet&step=${last}`).byId('where');
    expect(q.answer).toMatchObject({ value: 'merged' });
    judge(q);
  });
});
