import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMsg } from '../i18n/index.ts';
import { allDiagnostics } from './arbitraries.ts';
import { decodeNetlink, parseHex } from './index.ts';
import { diagnosticMsg } from './diagnostic-messages.ts';
import { DIAGNOSTIC_TEXT } from './diagnostics.ts';
import { NETLINK_SAMPLES } from './samples.ts';
import type { NlDiagnostic } from './types.ts';

/** The catalog writes typographic quotes and apostrophes where the table wrote ASCII ones. */
const plain = (s: string) => s.replace(/[’]/g, "'").replace(/[“”]/g, '"');

const CJK = /[\u4e00-\u9fff]/;

function check(d: NlDiagnostic): void {
  const m = diagnosticMsg(d);
  expect(typeof m, `${d.id ?? d.code} has a catalog message`).toBe('object');
  if (typeof m === 'string') return;
  expect(plain(formatMsg(m, 'en'))).toBe(plain(d.message));
  const zh = formatMsg(m, 'zh-CN');
  expect(zh).toMatch(CJK);
  expect(zh).not.toBe(formatMsg(m, 'en'));
}

// Buffers that reach many diagnostics: bad lengths, flags stored in the type, short headers,
// unknown types and flags, padding, truncated attributes, NLMSG_ERROR echoes.
const CRAFTED = [
  '',
  '0000',
  '40000000100000000000000000000000aabbccdd',
  '0c000000100000000000000000000000',
  '2400000002000002000000000000000000000000000000ee000000000000000000000000',
  '1400000003000000000000000000000000000000',
  '1100000001000000000000000000000000000000',
  '20000000120001f000000000000000000000000000000000000000000000000001',
  '140000001200050000000000000000000000000000',
  '1c000000ff0005000000000000000000000000000000000000000000',
  '2000000010000500000000000000000000000000000000000000000003000300',
  '24000000100005000000000000000000000000000000000000000000080003000a0b0c0d',
  '2c0000001000050000000000000000000000000000000000000000000c000300010203040506070800000000',
];

describe('netlink diagnostics as messages', () => {
  it('every diagnostic of the samples and crafted buffers has a message that reads as its English', () => {
    const seen = new Set<string>();
    for (const hex of [...NETLINK_SAMPLES.map((s) => s.hex), ...CRAFTED])
      for (const family of ['route', 'generic', 'raw'] as const) {
        const bytes = parseHex(hex);
        if (!bytes.ok) continue;
        for (const d of allDiagnostics(decodeNetlink(bytes.bytes, { family }))) {
          check(d);
          seen.add(d.id ?? d.code);
        }
      }
    expect(seen.size).toBeGreaterThan(5);
  });

  it('random buffers: every diagnostic renders as its English and in Chinese', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 96 }), fc.constantFrom('route', 'generic', 'raw' as const), (b, family) => {
        for (const d of allDiagnostics(decodeNetlink(b, { family }))) check(d);
      }),
      { numRuns: 300, seed: 1318 },
    );
  });

  it('the catalog covers every id of the English table', () => {
    for (const id of Object.keys(DIAGNOSTIC_TEXT)) {
      const m = diagnosticMsg({ id, code: id, message: 'x', values: {} });
      expect(typeof m, id).toBe('object');
    }
  });
});
