/**
 * The parameter tables under fuzz (issue 19): every parameter of the send, fragment-list and
 * netlink languages, and the sk_buff op list, takes random and mutated text. Checked per input:
 * parse never throws; a refusal's message is bounded (a value is echoed at most ECHO_MAX
 * characters); what parses formats to text that parses to the same value (format∘parse is a
 * fixed point).
 */
import { count, fuzzLoop } from '../fuzz/harness.ts';
import { pick, randomInt, type Random } from '../fuzz/random.ts';
import type { FuzzResult } from '../fuzz/types.ts';
import { formatMsg } from '../i18n/index.ts';
import { formatSkbOps, parseSkbOps } from '../skb/ops.ts';
import { DEFRAG_PARAMS, parseFrags } from './frags.ts';
import { NETLINK_PARAMS } from './netlink.ts';
import type { Param } from './param.ts';
import { SEND_PARAMS } from './send.ts';

/** The longest message a refusal may print: the sentence plus a value of ECHO_MAX characters. */
export const MESSAGE_MAX = 400;

type Target = { name: string; param: Param<unknown> } | { name: 'skb-ops' } | { name: 'frags' };

const TARGETS: readonly Target[] = [
  ...Object.entries(SEND_PARAMS).map(([k, p]) => ({ name: `send.${k}`, param: p as Param<unknown> })),
  ...Object.entries(DEFRAG_PARAMS).map(([k, p]) => ({ name: `frags.${k}`, param: p as Param<unknown> })),
  ...Object.entries(NETLINK_PARAMS).map(([k, p]) => ({ name: `netlink.${k}`, param: p as Param<unknown> })),
  { name: 'skb-ops' },
  { name: 'frags' },
];

const PIECES = [
  '0',
  '1',
  '9',
  '00',
  ',',
  ',,',
  ' ',
  ':',
  '.',
  '-',
  '+',
  'x',
  'a',
  'f',
  'ff',
  'put',
  'push:',
  'id',
  'other',
  'inet',
  'inet6',
  'udp',
  'raw',
  'le',
  'SOL_SOCKET',
  '\u00a0',
  '１',
  'é',
  '\u0000',
  '65536',
  '4294967296',
  '9'.repeat(40),
  '1e3',
  'NaN',
  'Infinity',
];

function text(rnd: Random, seedText: string): string {
  const mode = randomInt(rnd, 4);
  if (mode === 0) return seedText;
  if (mode === 1) {
    // A valid text, cut or with a piece inserted.
    const at = randomInt(rnd, seedText.length + 1);
    return rnd() < 0.5
      ? seedText.slice(0, at)
      : seedText.slice(0, at) + pick(rnd, PIECES) + seedText.slice(at);
  }
  const parts: string[] = [];
  const k = mode === 3 ? randomInt(rnd, 2000) : randomInt(rnd, 12);
  for (let i = 0; i < k; i++) parts.push(pick(rnd, PIECES));
  return parts.join('');
}

const SEED_TEXT: Record<string, string> = {
  'skb-ops': 'reserve:32,put:100:payload,push:8',
  frags: '0:1480:1,1480:1480:0:other:id7',
};

export function fuzzParams(seed: number, n: number, start = 0): FuzzResult {
  return fuzzLoop(
    seed,
    n,
    {
      input: (rnd) => {
        const target = pick(rnd, TARGETS);
        const base = 'param' in target ? target.param.format(target.param.default) : SEED_TEXT[target.name]!;
        return { target, text: text(rnd, base) };
      },
      check: ({ target, text: t }, _rnd, figures) => {
        if ('param' in target) {
          const r = target.param.parse(t);
          if (!r.ok) {
            count(figures, 'refused');
            if (r.issue.message.length > MESSAGE_MAX)
              return {
                kind: 'mismatch',
                what: `${target.name}: a message of ${r.issue.message.length} characters`,
              };
            return null;
          }
          count(figures, 'parsed');
          const once = target.param.format(r.value);
          const again = target.param.parse(once);
          if (!again.ok || target.param.format(again.value) !== once)
            return {
              kind: 'mismatch',
              what: `${target.name}: “${once.slice(0, 60)}” does not parse back to itself`,
            };
          return null;
        }
        if (target.name === 'skb-ops') {
          const r = parseSkbOps(t);
          if (!r.ok) {
            count(figures, 'refused');
            const why = formatMsg(r.why, 'en');
            return why.length > MESSAGE_MAX
              ? { kind: 'mismatch', what: `skb-ops: a message of ${why.length} characters` }
              : null;
          }
          count(figures, 'parsed');
          const once = formatSkbOps(r.ops);
          const again = parseSkbOps(once);
          if (!again.ok || formatSkbOps(again.ops) !== once)
            return {
              kind: 'mismatch',
              what: `skb-ops: “${once.slice(0, 60)}” does not parse back to itself`,
            };
          return null;
        }
        const r = parseFrags(t);
        if (!r.ok) {
          count(figures, 'refused');
          const long = r.issues.find((i) => i.message.length > MESSAGE_MAX);
          return long
            ? { kind: 'mismatch', what: `frags: a message of ${long.message.length} characters` }
            : null;
        }
        count(figures, 'parsed');
        return null;
      },
    },
    { start },
  );
}
