/**
 * Every lab's URL adapter, fuzzed (issue 19): random and mutated queries read by the lab's pure
 * parameter module (app/labs/<Lab>/params.ts) and written back. Checks: reading never throws;
 * what the lab writes is a fixed point (read it again and the lab writes it letter for letter);
 * every issue’s message is bounded (a 20 KB value is echoed cut, never whole).
 *
 * The one place core/ reaches into app/: the runner is a development tool (never in the bundle)
 * and the adapters are the labs' pure modules. Netlink and sk_buff keep parts of their state in
 * their stores; `complete` fills those in the way the stores do, so a written query can be read.
 */
/* eslint-disable no-restricted-imports -- the fuzz runner checks the labs' pure URL modules */
import { parseFragmentQuery, serialiseFragmentQuery, FRAGMENT_KEYS } from '../../app/labs/Fragment/params.ts';
import { parseJourneyQuery, serialiseJourneyQuery, JOURNEY_KEYS } from '../../app/labs/Journey/params.ts';
import { parseNetlinkQuery, serialiseNetlinkQuery, NETLINK_KEYS } from '../../app/labs/Netlink/params.ts';
import { DEFAULT_HEX, DEFAULT_MSGHDR, DEFAULT_SPLIT } from '../../app/labs/Netlink/buffer.ts';
import type { NetlinkInputs } from '../../app/labs/Netlink/buffer.ts';
import {
  parseReassembleQuery,
  serialiseReassembleQuery,
  REASSEMBLE_KEYS,
} from '../../app/labs/Reassemble/params.ts';
import { DEFAULT_ALLOC, parseSkbQuery, serialiseSkbQuery, SKB_KEYS } from '../../app/labs/Skb/params.ts';
import { parseSocketQuery, serialiseSocketQuery, SOCKET_KEYS } from '../../app/labs/Socket/params.ts';
/* eslint-enable no-restricted-imports */
import { count, fuzzLoop } from './harness.ts';
import { pick, randomInt } from './random.ts';
import type { Random } from './random.ts';
import type { FuzzResult } from './types.ts';

/** The longest issue message a URL may cause (a banner line, whatever was typed). */
export const MAX_ISSUE_MESSAGE = 400;

interface Adapter {
  name: string;
  keys: readonly string[];
  /** A few queries the lab writes for real inputs, to mutate. */
  seeds: readonly string[];
  /** Read a query: what the lab would write for it, and its issues' messages. */
  roundTrip: (query: string) => { written: string; messages: string[] };
}

const NETLINK_DEFAULTS: NetlinkInputs = {
  hexText: DEFAULT_HEX,
  family: 'route',
  endian: 'le',
  truncated: false,
  sample: null,
  selected: 0,
  walk: null,
  split: DEFAULT_SPLIT,
  msghdr: DEFAULT_MSGHDR,
};

export const URL_ADAPTERS: readonly Adapter[] = [
  {
    name: 'fragment',
    keys: FRAGMENT_KEYS,
    seeds: [
      'len=4000&mtu=1500&family=inet&sock=udp&pmtu=want',
      'sends=1000,1000&mtu=576&opts=94040000',
      'iov=500,500&sg=0&step=3',
    ],
    roundTrip: (q) => {
      const p = parseFragmentQuery(q);
      return { written: serialiseFragmentQuery(p.fields, p.step), messages: p.issues.map((i) => i.message) };
    },
  },
  {
    name: 'reassemble',
    keys: REASSEMBLE_KEYS,
    seeds: [
      'len=2992&mtu=1500&frags=0:1480:1,1480:1480:1,2960:40:0',
      'frags=0:8:1:other:id7,8:8:0&order=1,0&at=0,30000',
      'family=inet6&len=4000&until=60000',
    ],
    roundTrip: (q) => {
      const p = parseReassembleQuery(q);
      return {
        written: serialiseReassembleQuery(p.fields, p.step),
        messages: p.issues.map((i) => i.message),
      };
    },
  },
  {
    name: 'socket',
    keys: SOCKET_KEYS,
    seeds: [
      'domain=AF_INET&type=SOCK_DGRAM&protocol=0',
      'domain=AF_NETLINK&type=SOCK_RAW|SOCK_CLOEXEC&protocol=NETLINK_ROUTE&priv=user',
      'domain=2&type=3&protocol=255&op=setsockopt&level=SOL_SOCKET',
    ],
    roundTrip: (q) => {
      const p = parseSocketQuery(q);
      return { written: serialiseSocketQuery(p.fields, p.step), messages: p.issues.map((i) => i.message) };
    },
  },
  {
    name: 'journey',
    keys: JOURNEY_KEYS,
    seeds: [
      'len=4000&mtu=1500&family=inet',
      'len=9000&n=3&fault=lose&frag=2&dg=2&read=slow',
      'fault=reorder&buf=100&rcvbuf=4096&step=7',
    ],
    roundTrip: (q) => {
      const p = parseJourneyQuery(q);
      return { written: serialiseJourneyQuery(p.fields, p.step), messages: p.issues.map((i) => i.message) };
    },
  },
  {
    name: 'netlink',
    keys: NETLINK_KEYS,
    seeds: [
      `hex=${DEFAULT_HEX}&family=route`,
      'sample=getlink&msg=2&walk=1',
      'hex=100000000100000000000000&family=generic&endian=be&trunc=1&split=mistakes&frame=40',
    ],
    roundTrip: (q) => {
      const p = parseNetlinkQuery(q);
      const inputs: NetlinkInputs = { ...NETLINK_DEFAULTS, ...p.inputs };
      return { written: serialiseNetlinkQuery(inputs), messages: p.issues.map((i) => i.message) };
    },
  },
  {
    name: 'skb',
    keys: SKB_KEYS,
    seeds: [
      'alloc=1024&ops=reserve:32,put:100,push:8:udp',
      'ops=alloc:159,reserve:44,put:100:payload,push:8:udp,push:20:ip&step=2',
      'preset=fragmented&step=3',
    ],
    roundTrip: (q) => {
      const p = parseSkbQuery(q);
      // What the store keeps when the URL leaves a part out or gets it wrong: the default buffer.
      const ops = p.ops ?? [];
      const lastStep = ops.length;
      return {
        written: serialiseSkbQuery({
          alloc: p.alloc ?? DEFAULT_ALLOC,
          ops,
          // A replay has its own steps (the store clamps them to its trace).
          step: p.replay ? (p.step ?? 0) : p.step === null ? lastStep : Math.min(p.step, lastStep),
          replay: p.replay,
          lastStep,
        }),
        messages: p.issues.map((i) => i.message),
      };
    },
  },
];

/** Values a person, a link or an attacker might put in a URL. */
const VALUES = [
  '',
  '0',
  '1',
  '8',
  '1500',
  '65535',
  '65536',
  '-1',
  '1.5',
  '1e3',
  '0x10',
  ' 1500 ',
  '４０００',
  '１，２',
  'inet6',
  'udp',
  'raw',
  'x',
  '1,2',
  '1,,2',
  '0:8:1',
  'put:1',
  'AF_INET',
  'SOCK_DGRAM|SOCK_NONBLOCK',
  '%',
  '%zz',
  '&',
  '=',
  '#?',
  '\u0000',
  '\ud800',
  '😀',
  'constructor',
  '__proto__',
];

function value(rnd: Random): string {
  switch (randomInt(rnd, 6)) {
    case 0:
      return String(randomInt(rnd, 70000));
    case 1:
      return '9'.repeat(1 + randomInt(rnd, 400));
    case 2: {
      const n = rnd() < 0.02 ? 20_000 : randomInt(rnd, 40);
      let s = '';
      for (let i = 0; i < n; i++)
        s += String.fromCharCode(rnd() < 0.9 ? 32 + randomInt(rnd, 95) : randomInt(rnd, 0x3000));
      return s;
    }
    case 3:
      return Array.from({ length: 1 + randomInt(rnd, 8) }, () => String(randomInt(rnd, 3000))).join(
        pick(rnd, [',', ':', '，']),
      );
    default:
      return pick(rnd, VALUES);
  }
}

/** A query: a seed of the lab's mutated, or pairs of its keys (and some it does not have). */
/** A lone surrogate cannot be percent-encoded: a browser sends U+FFFD for it, and so do we. */
const enc = (t: string) => encodeURIComponent(t.replace(/\p{Cs}/gu, '\ufffd'));

function query(rnd: Random, a: Adapter): string {
  const pairs: [string, string][] = [];
  if (rnd() < 0.4) for (const [k, v] of new URLSearchParams(pick(rnd, a.seeds))) pairs.push([k, v]);
  for (let m = randomInt(rnd, 5); m > 0; m--) {
    const key = rnd() < 0.9 ? pick(rnd, a.keys) : pick(rnd, ['foo', 'embed', 'lang', 'step', '', a.name]);
    const at = pairs.findIndex(([k]) => k === key);
    if (at >= 0 && rnd() < 0.6) pairs[at] = [key, value(rnd)];
    else pairs.push([key, value(rnd)]);
  }
  const text = pairs.map(([k, v]) => `${enc(k)}=${rnd() < 0.9 ? enc(v) : v}`).join('&');
  return rnd() < 0.05 ? text.slice(0, randomInt(rnd, text.length + 1)) : text;
}

export function urlQuery(rnd: Random, name: string): string {
  const a = URL_ADAPTERS.find((x) => x.name === name);
  return a ? query(rnd, a) : '';
}

function fuzzAdapter(a: Adapter) {
  return (seed: number, n: number, start = 0): FuzzResult =>
    fuzzLoop(
      seed,
      n,
      {
        input: (rnd) => query(rnd, a),
        check: (q, _rnd, figures) => {
          const first = a.roundTrip(q);
          count(figures, first.messages.length ? 'with issues' : 'clean');
          const long = first.messages.find((m) => typeof m !== 'string' || m.length > MAX_ISSUE_MESSAGE);
          if (long !== undefined)
            return {
              kind: 'outside',
              what: `an issue of ${String(long).length} characters (at most ${MAX_ISSUE_MESSAGE}): ${String(long).slice(0, 80)}…`,
            };
          const second = a.roundTrip(first.written);
          if (second.written !== first.written)
            return {
              kind: 'mismatch',
              what: `?${q.slice(0, 120)} writes ?${first.written.slice(0, 120)}, which writes ?${second.written.slice(0, 120)}`,
            };
          return null;
        },
      },
      { start },
    );
}

export const URL_FUZZERS = URL_ADAPTERS.map((a) => ({ name: `url-${a.name}`, run: fuzzAdapter(a) }));
