/**
 * core/pcap's words: every diagnostic the reader, the dissector and the grouping produce over the
 * recorded captures and a seeded fuzz run renders in English and Chinese without an error, from
 * its code and values alone; its `message` is the English rendering; and every number the
 * sentence formats as a number is one.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGS, formatMsg, type Locale } from '../i18n/index.ts';
import { messageFacts } from '../i18n/tools/icu.ts';
import { analyzeCapture } from './analyze.ts';
import { FIXTURE_FILES, fixtureBytes } from './fixtures.test-helper.ts';
import { fuzzInput, mulberry32, seedCaptures } from './fuzz.ts';
import { PCAP_MESSAGE_CODES, pcapMessage, pcapMsg } from './messages.ts';
import { readPcap } from './reader.ts';
import type { PcapDiagnostic } from './types.ts';

function diagnosticsOf(bytes: Uint8Array): PcapDiagnostic[] {
  const cap = readPcap(bytes);
  const a = analyzeCapture(cap);
  return [
    ...cap.diagnostics,
    ...a.views.flatMap((v) => v.diagnostics),
    ...a.replays.flatMap((r) => r.diagnostics),
  ];
}

function collect(): PcapDiagnostic[] {
  const out = FIXTURE_FILES.flatMap((f) => diagnosticsOf(fixtureBytes(f)));
  const rnd = mulberry32(13);
  const seeds = seedCaptures();
  for (let i = 0; i < 400; i++) out.push(...diagnosticsOf(fuzzInput(rnd, seeds)));
  return out;
}

const ALL = collect();

describe('pcap messages', () => {
  it('every code has a message in both catalogs', () => {
    expect(PCAP_MESSAGE_CODES.length).toBeGreaterThanOrEqual(46);
    for (const c of PCAP_MESSAGE_CODES) {
      const id = pcapMsg(c).id;
      expect(id).toMatch(/^pcap\.[a-zA-Z0-9]+$/);
      for (const l of ['en', 'zh-CN'] as const)
        expect(Object.hasOwn(CATALOGS[l], id), `${c} ${l}`).toBe(true);
    }
    expect(new Set(PCAP_MESSAGE_CODES.map((c) => pcapMsg(c).id)).size).toBe(PCAP_MESSAGE_CODES.length);
  });

  it('the captures and the fuzz run reach many of the diagnostics', () => {
    const reached = new Set(ALL.map((d) => d.code));
    expect(reached.size).toBeGreaterThanOrEqual(15);
    for (const c of reached) expect(PCAP_MESSAGE_CODES).toContain(c);
  });

  it('renders every diagnostic in both languages from its code and values', () => {
    const seen = new Set<string>();
    for (const d of ALL) {
      const m = pcapMsg(d.code, d.values);
      const facts = messageFacts(CATALOGS.en[m.id]!);
      for (const [arg, kind] of facts.args) {
        expect(d.values[arg], `${d.code}: {${arg}}`).toBeDefined();
        if (kind === 'number' || kind === 'plural')
          expect(typeof d.values[arg], `${d.code}: {${arg}}`).toBe('number');
      }
      const key = `${d.code} ${JSON.stringify(d.values)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const text: Record<Locale, string> = { en: '', 'zh-CN': '' };
      for (const l of ['en', 'zh-CN'] as const) {
        const errors: Error[] = [];
        text[l] = formatMsg(m, l, { onError: (e) => errors.push(e) });
        expect(errors, `${key} ${l}`).toEqual([]);
        expect(text[l]).not.toMatch(/[{}]|<\/?code>|NaN|undefined/);
      }
      expect(d.message).toBe(text.en);
      expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(pcapMessage(d.code, d.values, 'zh-CN')).toBe(text['zh-CN']);
    }
  });

  it('counts in English take the singular and the plural, Chinese a measure word', () => {
    expect(pcapMessage('block-skipped', { block: 'DSB', offset: 1200, count: 1 })).toBe(
      'DSB at byte 1,200 skipped (1 such block in all).',
    );
    expect(pcapMessage('block-skipped', { block: 'DSB', offset: 1200, count: 3 })).toContain('3 such blocks');
    expect(pcapMessage('block-skipped', { block: 'DSB', offset: 1200, count: 3 }, 'zh-CN')).toBe(
      '跳过第 1,200 字节处的 DSB（这样的块共 3 个）。',
    );
    expect(pcapMessage('export-too-big', { count: 70000, what: 'frames', limit: 65536 }, 'zh-CN')).toBe(
      '导出内容将有 70,000 帧；上限是 65,536。',
    );
  });
});
