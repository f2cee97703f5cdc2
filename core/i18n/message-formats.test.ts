/**
 * formatByIdentity (message-formats.ts): the page's ASTs are formatted exactly as FormatJS formats
 * them, FormatJS builds each message's formatter once, and every call it cannot key by identity
 * (text messages, another locale or formats, extra options) still goes to FormatJS.
 */
import { createIntl, createIntlCache } from '@formatjs/intl';
import { parse } from '@formatjs/icu-messageformat-parser';
import fc from 'fast-check';
import { createIntl as createReactIntl } from 'react-intl';
import { describe, expect, it, vi } from 'vitest';
import { formatByIdentity } from './message-formats.ts';

const TEXT = {
  sent: 'The datagram of {len, number} bytes leaves as {n, plural, one {# fragment} other {# fragments}}; <code>ip_do_fragment</code> cuts it.',
  queued: 'Queued: <code>{fn}</code> waits for {missing, number} more bytes.',
  plain: 'Nothing to fill in.',
};
type Id = keyof typeof TEXT;
const AST = Object.fromEntries(Object.entries(TEXT).map(([k, v]) => [k, parse(v)]));
const code = (chunks: unknown[]) => `[${chunks.join('')}]`;

/** formatMessage under another name: the extractor reads every literal call as a declaration. */
const say = (intl: { formatMessage: (...a: never[]) => unknown }, id: string, v: Record<string, unknown>) => {
  const { formatMessage: render } = intl as unknown as {
    formatMessage: (d: { id: string }, v: unknown) => unknown;
  };
  return render({ id }, v);
};

const make = (messages: Record<string, unknown>, locale = 'en') =>
  createIntl({ locale, defaultLocale: 'en', messages: messages as never }, createIntlCache());

const values = fc.record({
  len: fc.integer({ min: 0, max: 1e6 }),
  n: fc.integer({ min: 0, max: 2000 }),
  fn: fc.constantFrom('ip_defrag', 'ipv6_frag_rcv', '<b>'),
  missing: fc.integer({ min: 0, max: 65535 }),
});

describe('formatByIdentity', () => {
  it('formats every message as FormatJS does, for ASTs and text, in both languages', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Id>('sent', 'queued', 'plain'),
        fc.constantFrom('en', 'zh-CN'),
        values,
        (id, locale, v) => {
          for (const messages of [AST, TEXT]) {
            const stock = make(messages, locale);
            const ours = formatByIdentity(make(messages, locale));
            const args = [{ id }, { ...v, code }] as const;
            expect(ours.formatMessage(...args)).toEqual(stock.formatMessage(...args));
            expect(ours.formatMessage(...args)).toEqual(stock.formatMessage(...args));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('has FormatJS build an AST message formatter once, and text messages go to FormatJS each time', () => {
    const intl = make({ ...AST, text: TEXT.queued });
    const stock = vi.spyOn(intl.formatters, 'getMessageFormat');
    formatByIdentity(intl);
    for (let i = 0; i < 5; i++) {
      say(intl, 'sent', { len: i, n: i, code });
      say(intl, 'queued', { fn: 'f', missing: i, code });
    }
    expect(stock).toHaveBeenCalledTimes(2);
    for (let i = 0; i < 3; i++) say(intl, 'text', { fn: 'f', missing: i, code });
    expect(stock).toHaveBeenCalledTimes(5);
  });

  it('goes to FormatJS when the options carry more than the formatters, or the locale or formats differ', () => {
    const intl = make(AST);
    const stock = vi.spyOn(intl.formatters, 'getMessageFormat');
    formatByIdentity(intl);
    const get = intl.formatters.getMessageFormat;
    const ast = AST.queued as never;
    const opts = { formatters: intl.formatters };
    const called = (f: () => unknown) => {
      const before = stock.mock.calls.length;
      f();
      return stock.mock.calls.length - before;
    };
    const formats = {};
    expect(called(() => get(ast, 'en', formats, opts as never))).toBe(1);
    expect(called(() => get(ast, 'en', formats, opts as never))).toBe(0);
    // Another formats object, another locale: to FormatJS, then kept for the next call.
    expect(called(() => get(ast, 'en', {}, opts as never))).toBe(1);
    expect(called(() => get(ast, 'zh-CN', formats, opts as never))).toBe(1);
    expect(called(() => get(ast, 'zh-CN', formats, opts as never))).toBe(0);
    // Options other than `{ formatters }` alone: to FormatJS every time.
    const calls = stock.mock.calls.length;
    get(ast, 'zh-CN', formats, { ...opts, ignoreTag: true } as never);
    get(ast, 'zh-CN', formats, { ...opts, ignoreTag: true } as never);
    get(ast, 'zh-CN', formats, {} as never);
    get(ast, 'zh-CN', formats, undefined);
    get(ast, 'zh-CN', formats, { formatters: {} } as never);
    expect(stock.mock.calls.length).toBe(calls + 5);
  });

  it("serves react-intl's formatMessage too (rich text chunks as the app renders them)", () => {
    const intl = formatByIdentity(
      createReactIntl({ locale: 'en', defaultLocale: 'en', messages: AST as never }, createIntlCache()),
    );
    const stock = createReactIntl(
      { locale: 'en', defaultLocale: 'en', messages: AST as never },
      createIntlCache(),
    );
    const v = { fn: 'ip_defrag', missing: 48, code: (c: unknown[]) => `<${c.join('')}>` };
    expect(say(intl, 'queued', v)).toEqual(say(stock, 'queued', v));
    expect(say(intl, 'queued', v)).toEqual(say(stock, 'queued', v));
  });
});
