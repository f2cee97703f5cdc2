/**
 * Issue 19: every core entry point takes ANY JavaScript value in every argument position and
 * answers with its typed result — never a throw. One property per entry point (fc.anything()),
 * then the issue's own reproductions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMsg } from './i18n/index.ts';
import { DEFAULT_SEND_INPUT, ipSend, reassemble } from './ip/index.ts';
import { journey, DEFAULT_JOURNEY_INPUT } from './journey/index.ts';
import { udpReceive } from './receive/index.ts';
import { parseSkbOps, runSkbOps, SKB_OPS_MAX } from './skb/index.ts';
import { parseDomain, parseProtocol, parseSocketCall, parseType, sysSocket } from './socket/index.ts';
import {
  DEFRAG_PARAMS,
  NETLINK_PARAMS,
  SEND_PARAMS,
  parseFrags,
  parseIndexList,
  parseNetlinkHex,
} from './params/index.ts';
import type { Param } from './params/index.ts';

const any = fc.anything({
  withBigInt: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true,
});
const runs = { numRuns: 300 };
// Objects shaped almost like the real input: right keys, any values.
const nearly = (base: object) =>
  fc.record(
    Object.fromEntries(
      Object.keys(base).map((k) => [k, fc.oneof(any, fc.constant((base as Record<string, unknown>)[k]))]),
    ),
  );

describe('core entry points never throw, for any JavaScript value', () => {
  it('ipSend', () => {
    fc.assert(
      fc.property(fc.oneof(any, nearly(DEFAULT_SEND_INPUT)), any, (input, socket) => {
        const r = ipSend(input as never, socket as never);
        expect(typeof r.ok).toBe('boolean');
      }),
      runs,
    );
  });
  it('reassemble', () => {
    fc.assert(
      fc.property(
        fc.oneof(any, nearly({ family: 'inet', len: 100, fragments: [], until: 1, id: 1, sysctl: {} })),
        (input) => {
          expect(typeof reassemble(input as never).ok).toBe('boolean');
        },
      ),
      runs,
    );
  });
  it('reassemble names a hole in a sparse fragment list (found with seed 20261201)', () => {
    const fragments: unknown[] = [];
    fragments[1] = { offset: 0, length: 8, mf: false }; // fragments[0] is a hole
    const r = reassemble({
      family: 'inet',
      len: 100,
      fragments,
      until: 1,
    } as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toContainEqual(expect.objectContaining({ field: 'fragments[0]' }));
  });
  it('runSkbOps and parseSkbOps', () => {
    fc.assert(
      fc.property(fc.oneof(any, fc.array(fc.oneof(any, fc.record({ op: fc.string(), n: any })))), (ops) => {
        expect(Array.isArray(runSkbOps(ops as never).outcomes)).toBe(true);
        expect(typeof parseSkbOps(ops as never).ok).toBe('boolean');
      }),
      runs,
    );
  });
  it('udpReceive', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          any,
          nearly({ datagrams: [100], rcvbuf: 4096, read_buffer: 100, family: 'inet', socket: 'bound' }),
        ),
        (input) => {
          expect(typeof udpReceive(input as never).ok).toBe('boolean');
        },
      ),
      runs,
    );
  });
  it('journey', () => {
    fc.assert(
      fc.property(fc.oneof(any, nearly(DEFAULT_JOURNEY_INPUT)), any, (input, opts) => {
        expect(typeof journey(input as never, opts as never)).toBe('object');
      }),
      runs,
    );
  });
  it('core/socket: sysSocket and the parsers', () => {
    fc.assert(
      // The profile (4th argument) is the program's, not the user's: the default one here.
      fc.property(any, any, any, (a, b, c) => {
        expect(typeof sysSocket(a as never, b as never, c as never)).toBe('object');
        expect(typeof parseSocketCall(a as never, b as never, c as never).ok).toBe('boolean');
        expect(typeof parseDomain(a as never).ok).toBe('boolean');
        expect(typeof parseType(a as never).ok).toBe('boolean');
        expect(typeof parseProtocol(a as never, b as never).ok).toBe('boolean');
      }),
      runs,
    );
  });
  it('core/params parsers', () => {
    const params = [
      ...Object.values(SEND_PARAMS),
      ...Object.values(DEFRAG_PARAMS),
      ...Object.values(NETLINK_PARAMS),
    ] as Param<unknown>[];
    fc.assert(
      fc.property(fc.oneof(any, fc.string()), any, (text, count) => {
        for (const p of params) {
          const r = p.parse(text as never);
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(r.issue.message.length).toBeLessThan(400);
        }
        expect(typeof parseFrags(text as never).ok).toBe('boolean');
        expect(typeof parseIndexList(text as never, count as never).ok).toBe('boolean');
        expect(typeof parseNetlinkHex(text as never).ok).toBe('boolean');
      }),
      runs,
    );
  });
});

describe('issue 19 reproductions', () => {
  it('ipSend answers EINVAL for non-array options, sends or iov, or missing options', () => {
    for (const bad of [
      { ...DEFAULT_SEND_INPUT, options: 'x' },
      { ...DEFAULT_SEND_INPUT, sends: 4000 },
      { ...DEFAULT_SEND_INPUT, iov: {} },
      { ...DEFAULT_SEND_INPUT, options: undefined },
      null,
    ]) {
      const r = ipSend(bad as never);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errno).toBe('EINVAL');
    }
  });
  it('reassemble refuses NaN, Infinity and a 400-digit until', () => {
    for (const until of [NaN, Infinity, Number('9'.repeat(400)), -1, 1.5]) {
      const r = reassemble({
        family: 'inet',
        len: 100,
        fragments: [{ offset: 0, length: 108, mf: false }],
        until,
      });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.why).toMatch(/until/);
    }
  });
  it('runSkbOps refuses an unknown op name and caps the op count', () => {
    const r = runSkbOps([{ op: 'alloc', n: 100 }, { op: 'explode', n: 1 } as never]);
    expect(r.outcomes[1]).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    const many = runSkbOps([
      { op: 'alloc', n: 100 },
      ...Array.from({ length: 16_000 }, () => ({ op: 'put' as const, n: 1 })),
    ]);
    expect(many.outcomes).toHaveLength(SKB_OPS_MAX + 1);
    expect(many.issue && formatMsg(many.issue, 'en')).toMatch(/at most 256 operations/);
  });
  it('parseSkbOps: 16,000 ops are refused with a message; an empty item is refused; a long item is echoed bounded', () => {
    const r = parseSkbOps(Array.from({ length: 16_000 }, () => 'put:1').join(','));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatMsg(r.why, 'en')).toMatch(/at most 256 operations \(16,?000 given\)/);
    expect(parseSkbOps('put:1,,put:2').ok).toBe(false);
    const long = parseSkbOps('x'.repeat(100_000));
    expect(long.ok).toBe(false);
    if (!long.ok) expect(formatMsg(long.why, 'en').length).toBeLessThan(200);
  });
  it('a 400-digit number is echoed bounded in a range message', () => {
    const r = DEFRAG_PARAMS.until.parse('9'.repeat(400));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue.message.length).toBeLessThan(200);
    const l = SEND_PARAMS.sends.parse(`1,${'9'.repeat(400)}`);
    if (!l.ok) expect(l.issue.message.length).toBeLessThan(200);
  });
  it('sends=1,,2 is refused (one grammar for the lab and the CLI)', () => {
    expect(SEND_PARAMS.sends.parse('1,,2').ok).toBe(false);
  });
});
