import { describe, expect, it } from 'vitest';
import { formatMsg } from '../i18n/index.ts';
import { DEFAULT_JOURNEY_INPUT, journey } from './index.ts';

const lose = { ...DEFAULT_JOURNEY_INPUT, fault: { kind: 'lose' as const, datagram: 0, fragment: 1 } };

describe('journey captions and headroom', () => {
  it('every stop has a caption that renders in both languages', () => {
    for (const input of [DEFAULT_JOURNEY_INPUT, lose]) {
      for (const s of journey(input).stops) {
        expect(formatMsg(s.caption, 'en').length).toBeGreaterThan(10);
        expect(formatMsg(s.caption, 'zh-CN')).not.toBe(formatMsg(s.caption, 'en'));
        expect(s.kind).not.toBe('other');
      }
    }
  });
  // The lab's presets (e2e/journey.spec.ts PRESETS): every step's caption, in both languages, is a
  // finished sentence — no ICU placeholder left, no undefined or NaN, Chinese in the Chinese one.
  const PRESETS = {
    plain: DEFAULT_JOURNEY_INPUT,
    lose,
    reorder: { ...DEFAULT_JOURNEY_INPUT, fault: { kind: 'reorder' as const, datagram: 0, fragment: 0 } },
    'inet6, 3 datagrams read at the end, small rcvbuf': {
      ...DEFAULT_JOURNEY_INPUT,
      send: { ...DEFAULT_JOURNEY_INPUT.send, family: 'inet6' as const },
      datagrams: 3,
      read: 'end' as const,
      rcvbuf: 16384,
    },
    '65,507 bytes': { ...DEFAULT_JOURNEY_INPUT, send: { ...DEFAULT_JOURNEY_INPUT.send, sends: [65507] } },
  };
  for (const [name, input] of Object.entries(PRESETS))
    it(`every step of "${name}" says what just happened, in plain words, in en and zh-CN`, () => {
      const stops = journey(input).stops;
      expect(stops.length).toBeGreaterThan(10);
      stops.forEach((s, i) => {
        const en = formatMsg(s.caption, 'en');
        const zh = formatMsg(s.caption, 'zh-CN');
        for (const text of [en, zh]) {
          expect(text, `${name} step ${i + 1}`).not.toMatch(/[{}]|undefined|NaN|\[object/);
          expect(text.length, `${name} step ${i + 1}`).toBeGreaterThan(10);
        }
        expect(zh, `${name} step ${i + 1}: ${zh}`).toMatch(/[\u4e00-\u9fff]/);
        expect(en, `${name} step ${i + 1}`).toMatch(/^[A-Z0-9"“(<a-z_]/);
        expect(s.kind, `${name} step ${i + 1}`).not.toBe('other');
      });
    });

  it('the wire caption names the lost fragment; the defrag caption counts the arrivals', () => {
    const r = journey(lose);
    const wire = r.stops.find((s) => s.kind === 'wire');
    expect(formatMsg(wire!.caption, 'en')).toContain(`fragment ${(wire!.vars.lost as number) ?? 0} is lost`);
    const defrag = r.stops.find((s) => s.kind === 'defrag');
    expect(formatMsg(defrag!.caption, 'en')).toContain(
      `Only ${r.packetsPerDatagram - 1} of ${r.packetsPerDatagram}`,
    );
  });
  it('headroom is the skb’s data − head, and shrinks by 14 when the Ethernet header is pushed', () => {
    const stops = journey(DEFAULT_JOURNEY_INPUT).stops;
    const l3 = stops.filter((s) => s.side === 'tx' && s.layer === 'l3').at(-1)!;
    const l2 = stops.find((s) => s.kind === 'link-out')!;
    const h3 = l3.packets.find((p) => p.fragment === 0)!.headroom!;
    const h2 = l2.packets.find((p) => p.fragment === 0)!.headroom!;
    expect(h3 - h2).toBe(14);
    expect(stops[0]!.packets[0]!.headroom).toBeNull();
  });
  it('the enqueue and recv captions quote the receive queue’s sk_rmem_alloc', () => {
    const stops = journey(DEFAULT_JOURNEY_INPUT).stops;
    const q = stops.find((s) => s.kind === 'enqueue')!;
    expect(q.rcvq.rmem).toBeGreaterThan(0);
    expect(formatMsg(q.caption, 'en')).toContain(q.rcvq.rmem.toLocaleString('en'));
    const r = stops.find((s) => s.kind === 'recv')!;
    expect(r.rcvq.rmem).toBe(0);
  });
});
