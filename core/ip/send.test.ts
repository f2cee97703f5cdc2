import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderText } from '../i18n/index.ts';
import { DEFAULT_SEND_INPUT, PMTU_MODES, ipSend, type SendInput, type WirePacket } from './index.ts';
import { sendInputArb } from './arbitraries.ts';

const send = (over: Partial<SendInput>) => ipSend({ ...DEFAULT_SEND_INPUT, ...over });
const v4 = (w: WirePacket[]) => w.map((p) => (p.family === 'inet' ? p : (null as never)));

describe('ipSend, IPv4 worked numbers (kernel-notes §3.7, hand-computed)', () => {
  it('4000 bytes over MTU 1500: three fragments, no DF', () => {
    const r = send({ sends: [4000], mtu: 1500 });
    expect(r.ok).toBe(true);
    const w = v4(r.wire);
    expect(w.map((p) => [p.total_length, p.offset, p.mf, p.df])).toEqual([
      [1500, 0, true, false],
      [1500, 1480, true, false],
      [1068, 2960, false, false],
    ]);
    expect(r.fragPath).toBe('fast');
  });

  it.each([
    [1280, 1276],
    [1000, 996],
    [576, 572],
    [68, 68],
  ])('MTU %i: non-final fragments are maxfraglen %i bytes', (mtu, maxfraglen) => {
    const r = send({ sends: [3000], mtu });
    expect(r.numbers.maxfraglen).toBe(maxfraglen);
    const w = v4(r.wire);
    for (const p of w.slice(0, -1)) expect(p.total_length).toBe(maxfraglen);
  });

  it('the largest unfragmented payload is MTU − 28 and carries DF in WANT mode', () => {
    expect(v4(send({ sends: [1472] }).wire)).toMatchObject([{ total_length: 1500, df: true, mf: false }]);
    expect(send({ sends: [1473] }).wire).toHaveLength(2);
  });

  it('fills the tail skb up to the MTU when the rest fits (last fragment larger than the others)', () => {
    // MTU 1006: maxfraglen 1004; 8 + 1962 = 984 + 986 and 986 ≤ 1006 − 20.
    expect(v4(send({ sends: [1962], mtu: 1006 }).wire).map((p) => p.total_length)).toEqual([1004, 1006]);
  });

  it('EMSGSIZE from __ip_append_data for 65,508 bytes, and under DO for MTU − 27', () => {
    const big = send({ sends: [65508] });
    expect(big).toMatchObject({ ok: false, errno: 'EMSGSIZE', fn: '__ip_append_data' });
    expect(send({ sends: [1473], pmtu: 'do' })).toMatchObject({ ok: false, errno: 'EMSGSIZE' });
    expect(send({ sends: [1472], pmtu: 'do' }).ok).toBe(true);
  });

  it('ENOBUFS when the fragments outgrow 2 × sk_sndbuf, and not with the check off', () => {
    const r = send({ sends: [65507], mtu: 68 });
    expect(r).toMatchObject({ ok: false, errno: 'ENOBUFS', fn: '__ip_append_data' });
    const off = send({ sends: [65507], mtu: 68, sndbufCheck: false });
    expect(off.ok && off.wire.length).toBe(1365); // recorded on 6.18 with SO_SNDBUFFORCE (fragmentation-extra.json)
  });

  it('IP_HDRINCL is never fragmented: EMSGSIZE past the device MTU', () => {
    expect(send({ sock: 'raw-hdrincl', sends: [1481] })).toMatchObject({
      ok: false,
      errno: 'EMSGSIZE',
      fn: 'raw_send_hdrinc',
    });
    const ok = send({ sock: 'raw-hdrincl', sends: [1480] });
    expect(ok.ok && ok.sent).toBe(1500);
  });

  it('non-copied options become NOPs in later fragments; copied ones stay', () => {
    const rr = v4(
      send({ sends: [200], mtu: 68, options: [0x07, 0x0b, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0] }).wire,
    );
    expect(rr[0]?.options.slice(0, 7)).toEqual([0x07, 0x0b, 0x08, 127, 0, 0, 1]);
    expect(rr[1]?.options).toEqual([...Array(11).fill(1), 0]);
    const ra = v4(send({ sends: [3000], options: [0x94, 0x04, 0, 0] }).wire);
    for (const p of ra) expect(p.options).toEqual([0x94, 0x04, 0, 0]);
  });

  it('a malformed option is refused with EINVAL at setsockopt time', () => {
    expect(send({ options: [0x07, 0x03, 0x03, 0x00] })).toMatchObject({
      ok: false,
      errno: 'EINVAL',
      fn: 'ip_options_compile',
    });
  });

  it('MSG_MORE sends glue into one datagram; iovecs are one send', () => {
    const r = send({ sends: [7, 1473, 1480, 9] });
    expect(r.ok && r.sent).toBe(2969);
    expect(v4(r.wire).map((p) => p.total_length)).toEqual([1500, 1500, 37]);
    const iov = send({ iov: [1000, 2000], sends: [1] });
    expect(iov.ok && iov.sent).toBe(3000);
  });
});

describe('ipSend, IPv6', () => {
  it('1280: 1232 data bytes per fragment, an 8-byte fragment header each', () => {
    const r = send({ family: 'inet6', mtu: 1280, sends: [3000] });
    expect(
      r.wire.map((p) => (p.family === 'inet6' ? [p.payload_length, p.frag?.offset, p.frag?.mf] : null)),
    ).toEqual([
      [1240, 0, true],
      [1240, 1232, true],
      [552, 2464, false],
    ]);
  });
  it('a datagram that fits has no fragment header; DO refuses one that does not', () => {
    expect(send({ family: 'inet6', mtu: 1280, sends: [1232] }).wire).toMatchObject([
      { payload_length: 1240, next_header: 17 },
    ]);
    expect(send({ family: 'inet6', mtu: 1280, sends: [1280], pmtu: 'do' })).toMatchObject({
      ok: false,
      errno: 'EMSGSIZE',
    });
  });
});

describe('trace', () => {
  it('names a kernel function and file at every step, going down', () => {
    const r = send({ sends: [4000] });
    expect(r.trace.length).toBeGreaterThan(5);
    for (const s of r.trace) {
      expect(s.fn).toMatch(/^[a-z_0-9]+$/);
      expect(s.file).toMatch(/^(net|include|drivers)\//);
      expect(renderText(s.why, 'en').length).toBeGreaterThan(10);
    }
    const fns = r.trace.map((s) => s.fn);
    expect(fns).toEqual(
      expect.arrayContaining(['udp_sendmsg', '__ip_append_data', '__ip_make_skb', 'ip_do_fragment']),
    );
  });

  it('fast path keeps the queued skbs (same ids) as fragments', () => {
    const r = send({ sends: [4000] });
    const made = r.trace.find((s) => s.fn === '__ip_make_skb' && s.snapshot.skbs[0]?.frag_list.length);
    const ids = [made?.snapshot.skbs[0]?.id, ...(made?.snapshot.skbs[0]?.frag_list.map((f) => f.id) ?? [])];
    const last = r.trace.find((s) => s.fn === 'ip_finish_output2');
    expect(last?.snapshot.skbs.map((s) => s.id)).toEqual(ids);
  });
});

const validOptions = fc.constantFrom<number[]>(
  [],
  [0x94, 4, 0, 0],
  [7, 11, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [1, 1, 0x94, 4, 0, 0, 0, 0],
  [0x44, 12, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0],
);
const inputs = fc
  .record({
    family: fc.constantFrom<'inet' | 'inet6'>('inet', 'inet6'),
    sock: fc.constantFrom<'udp' | 'raw'>('udp', 'raw'),
    mtu: fc.integer({ min: 68, max: 65536 }),
    pmtu: fc.constantFrom(...PMTU_MODES),
    sends: fc.array(fc.integer({ min: 0, max: 20000 }), { minLength: 1, maxLength: 4 }),
    options: validOptions,
    sg: fc.boolean(),
    sndbufCheck: fc.boolean(),
  })
  .map((r): SendInput => ({
    ...DEFAULT_SEND_INPUT,
    ...r,
    mtu: r.family === 'inet6' ? Math.max(r.mtu, 1280) : r.mtu,
    options: r.family === 'inet6' ? [] : r.options,
  }));

describe('properties of the output path', () => {
  it('fragments tile the datagram exactly, offsets and non-last lengths are multiples of 8, nothing exceeds the MTU', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const r = ipSend(input);
        if (!r.ok) return;
        const hdr = r.headerLength;
        let at = 0;
        r.wire.forEach((p, i) => {
          const last = i === r.wire.length - 1;
          const off = p.family === 'inet' ? p.offset : (p.frag?.offset ?? 0);
          const data = p.family === 'inet' ? p.total_length - p.ihl : p.payload_length - (p.frag ? 8 : 0);
          expect(off).toBe(at);
          expect(off % 8).toBe(0);
          if (!last) expect(data % 8).toBe(0);
          expect(p.range).toEqual({ from: at, to: at + data });
          expect(p.total_length).toBeLessThanOrEqual(
            Math.min(input.mtu, r.wire.length > 1 && input.family === 'inet' ? 0xffff : input.mtu),
          );
          at += data;
        });
        expect(at).toBe(r.datagramLength);
        expect(hdr).toBeGreaterThanOrEqual(20);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('DF/MF: MF on every fragment but the last; DF only on a single packet, never in DONT/INTERFACE/OMIT', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const r = ipSend(input);
        if (!r.ok) return;
        r.wire.forEach((p, i) => {
          const last = i === r.wire.length - 1;
          if (p.family === 'inet') {
            expect(p.mf).toBe(!last);
            if (p.df) expect(r.wire).toHaveLength(1);
            if (['dont', 'interface', 'omit'].includes(input.pmtu)) expect(p.df).toBe(false);
            if (['do', 'probe'].includes(input.pmtu)) expect(p.df).toBe(true);
          } else if (p.frag) expect(p.frag.mf).toBe(!last);
        });
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('every sk_buff in every step is a possible buffer', () => {
    // Plain checks collect the first broken skb; one expect at the end keeps 300-step traces fast.
    const broken = (input: SendInput): string | null => {
      const r = ipSend(input);
      for (const s of r.trace)
        for (const skb of s.snapshot.skbs.flatMap((k) => [k, ...k.frag_list])) {
          const frags =
            skb.frags.reduce((a, f) => a + f.size, 0) + skb.frag_list.reduce((a, f) => a + f.len, 0);
          if (!(0 <= skb.data && skb.data <= skb.tail && skb.tail <= skb.end))
            return `${s.fn}: pointers of skb #${skb.id}`;
          if (skb.len !== skb.tail - skb.data + frags) return `${s.fn}: len of skb #${skb.id}`;
          if (skb.data_len !== frags) return `${s.fn}: data_len of skb #${skb.id}`;
          if (skb.frags.length > 17) return `${s.fn}: nr_frags of skb #${skb.id}`;
        }
      return null;
    };
    fc.assert(
      fc.property(inputs, (input) => {
        expect(broken(input)).toBeNull();
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('refuses a pmtu with no string form (EINVAL), without throwing', () => {
    for (const junk of [Object.create(null), [Object.create(null)], Symbol('x')])
      expect(ipSend({ ...DEFAULT_SEND_INPUT, pmtu: junk as never })).toMatchObject({
        ok: false,
        errno: 'EINVAL',
      });
  });
  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.integer(), fc.array(fc.integer()), (junk, mtu, sends) => {
        const r = ipSend({ ...DEFAULT_SEND_INPUT, mtu, sends, pmtu: junk as never });
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});

describe('snapshots a reviewer can diff', () => {
  it('wire packets of the fixture-style cases', async () => {
    const cases: Record<string, Partial<SendInput>> = {
      'udp4 4000/1500': { sends: [4000] },
      'udp4 200/68 RR': { sends: [200], mtu: 68, options: [7, 11, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
      'udp6 3000/1500': { family: 'inet6', sends: [3000] },
      'raw4 3000/1500': { sock: 'raw', sends: [3000] },
    };
    const out = Object.fromEntries(
      Object.entries(cases).map(([k, v]) => {
        const r = send(v);
        return [
          k,
          r.wire.map((p) =>
            p.family === 'inet'
              ? `len ${p.total_length} off ${p.offset}${p.mf ? ' MF' : ''}${p.df ? ' DF' : ''} opts ${p.options.map((b) => b.toString(16).padStart(2, '0')).join('')}`
              : `plen ${p.payload_length}${p.frag ? ` off ${p.frag.offset}${p.frag.mf ? ' M' : ''}` : ''}`,
          ),
        ];
      }),
    );
    await expect(JSON.stringify(out, null, 1)).toMatchFileSnapshot('./__snapshots__/wire.json');
  });
});

describe('ipSend leaves its input as it was (the benchmarks time one input sent again and again)', () => {
  const deepFreeze = <T>(v: T): T => {
    if (typeof v === 'object' && v !== null) {
      for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
      Object.freeze(v);
    }
    return v;
  };
  it('gives the same result for a deeply frozen input, which is unchanged after, and again for the same object', () => {
    fc.assert(
      fc.property(sendInputArb({ optionsAndDf: true }), (input) => {
        const before = structuredClone(input);
        const open = ipSend(structuredClone(input));
        const frozen = deepFreeze(input);
        const first = ipSend(frozen);
        const again = ipSend(frozen);
        expect(frozen).toEqual(before);
        expect(JSON.stringify(first)).toBe(JSON.stringify(open));
        expect(JSON.stringify(again)).toBe(JSON.stringify(first));
      }),
      { numRuns: 300 },
    );
  });
});
