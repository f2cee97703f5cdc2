import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addTextFields,
  formatMsg,
  formatMsgParts,
  isMsg,
  msg,
  msgOptional,
  renderText,
  renderTextParts,
  type Msg,
} from './index.ts';

// Real catalog messages, so these tests also read the catalogs the way the CLI does.
const entry: Msg = { id: 'socket.sys.entry', values: { family: 'AF_INET', type: 'SOCK_DGRAM', protocol: 0 } };
const strerrorMsg: Msg = { id: 'errno.strerror.EPERM' };

describe('formatMsg', () => {
  it('renders a message in English and in Chinese, identifiers untouched', () => {
    expect(formatMsg(entry, 'en')).toBe(
      'socket(AF_INET, SOCK_DGRAM, 0); update_socket_protocol() (a BPF hook, no program attached) leaves the protocol as is',
    );
    const zh = formatMsg(entry, 'zh-CN');
    expect(zh).toContain('socket(AF_INET, SOCK_DGRAM, 0)');
    expect(zh).toContain('update_socket_protocol()');
    expect(zh).toContain('钩子');
  });

  it('marks code spans: plain, in backticks, or as parts', () => {
    expect(formatMsg(entry, 'en', { code: 'backticks' })).toMatch(
      /^`socket\(AF_INET, SOCK_DGRAM, 0\)`; `update_socket_protocol\(\)` \(a BPF hook/,
    );
    const parts = formatMsgParts(entry, 'zh-CN');
    expect(parts[0]).toEqual({ kind: 'code', text: 'socket(AF_INET, SOCK_DGRAM, 0)' });
    expect(parts.filter((p) => p.kind === 'code').map((p) => p.text)).toEqual([
      'socket(AF_INET, SOCK_DGRAM, 0)',
      'update_socket_protocol()',
    ]);
    // Adjacent runs of one kind are merged.
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.kind).not.toBe(parts[i - 1]!.kind);
  });

  it('renders messages nested in values in the same language', () => {
    const nested: Msg = { id: 'cli.socket.why', values: { why: strerrorMsg } };
    expect(formatMsg(nested, 'en')).toBe('why: Operation not permitted');
    expect(formatMsg(nested, 'zh-CN')).toBe('原因：不允许的操作');
    // A nested message keeps its code spans.
    const withCode: Msg = { id: 'cli.socket.why', values: { why: entry } };
    expect(formatMsgParts(withCode, 'en').filter((p) => p.kind === 'code')).toHaveLength(2);
  });

  it('formats plurals and selects per language', () => {
    const count = (n: number) => ({ id: 'cli.socket.argCount', values: { n } });
    expect(formatMsg(count(1), 'en')).toBe('expected DOMAIN TYPE PROTOCOL, got 1 argument');
    expect(formatMsg(count(2), 'en')).toBe('expected DOMAIN TYPE PROTOCOL, got 2 arguments');
    expect(formatMsg(count(2), 'zh-CN')).toContain('实际给了 2 个');
    const call = (privilege: string) => ({
      id: 'cli.socket.call',
      values: { call: 'socket()', profile: 'p', privilege },
    });
    expect(formatMsg(call('root'), 'en')).toMatch(/as root$/);
    expect(formatMsg(call('unprivileged'), 'en')).toMatch(/as unprivileged$/);
    expect(formatMsg(call('unprivileged'), 'zh-CN')).toContain('非特权用户');
  });

  it('prints kernel numbers as they are (no digit grouping)', () => {
    expect(formatMsg({ id: 'errno.strerror.unknown', values: { n: 65534 } }, 'en')).toBe(
      'Unknown error 65534',
    );
    expect(formatMsg({ id: 'errno.strerror.unknown', values: { n: 65534 } }, 'zh-CN')).toBe('未知错误 65534');
  });

  it('never throws: unknown ids, missing values, bad values, any input, deep nesting', () => {
    const errors: Error[] = [];
    const onError = (e: Error) => errors.push(e);
    expect(formatMsg({ id: 'no.such.id' }, 'zh-CN', { onError })).toBe('no.such.id');
    expect(errors).toHaveLength(1);
    expect(() => formatMsg({ id: 'socket.sys.entry' }, 'en', { onError })).not.toThrow();
    expect(errors.length).toBeGreaterThan(1);
    errors.length = 0;
    formatMsg({ id: 'cli.socket.why', values: { why: [1, 2] as unknown as string } }, 'en', { onError });
    expect(errors).toHaveLength(1);
    let deep: Msg = strerrorMsg;
    for (let i = 0; i < 20; i++) deep = { id: 'cli.socket.why', values: { why: deep } };
    errors.length = 0;
    expect(formatMsg(deep, 'en', { onError })).toMatch(/^why: why: .*…/);
    expect(errors.length).toBeGreaterThan(0);
    // An unknown locale is English.
    expect(formatMsg(strerrorMsg, 'fr')).toBe('Operation not permitted');
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (m, l) => {
        expect(typeof formatMsg(m, l)).toBe('string');
        expect(typeof renderText(m, l)).toBe('string');
      }),
    );
  });
});

describe('renderText (transitional: strings or messages)', () => {
  it('passes English strings through and renders messages', () => {
    expect(renderText('as it was', 'zh-CN')).toBe('as it was');
    expect(renderText(strerrorMsg, 'zh-CN')).toBe('不允许的操作');
    expect(renderTextParts('', 'en')).toEqual([]);
    expect(renderTextParts('x', 'en')).toEqual([{ kind: 'text', text: 'x' }]);
  });
});

describe('msg and isMsg', () => {
  it('builds messages without undefined values and recognises their shape only', () => {
    expect(msg({ id: 'a' })).toEqual({ id: 'a' });
    expect(msgOptional({ id: 'a' }, { x: undefined })).toEqual({ id: 'a' });
    expect(msgOptional({ id: 'a' }, { x: 1, y: undefined })).toEqual({ id: 'a', values: { x: 1 } });
    // msg keeps its values object as given: no pass over its keys, no copy.
    const values = { x: 1, y: 'two' };
    expect(msg({ id: 'a' }, values).values).toBe(values);
    expect(isMsg({ id: 'a', values: {} })).toBe(true);
    expect(isMsg({ id: 'a', values: [] })).toBe(false);
    expect(isMsg({ id: 'linux', description: 'x' })).toBe(false);
    expect(isMsg('a')).toBe(false);
    expect(isMsg(null)).toBe(false);
  });
});

/** msg() as it was written before its Object.hasOwn check went from every key to the first: the reference. */
function msgReference(id: string, values?: Record<string, unknown>): Msg {
  if (!values) return { id };
  let all = true;
  let any = false;
  for (const k in values) {
    if (!Object.hasOwn(values, k)) continue;
    any = true;
    if (values[k] === undefined) {
      all = false;
      break;
    }
  }
  if (all) return any ? ({ id, values } as Msg) : { id };
  const kept: Record<string, unknown> = {};
  let some = false;
  for (const k of Object.keys(values))
    if (values[k] !== undefined) {
      kept[k] = values[k];
      some = true;
    }
  return some ? ({ id, values: kept } as Msg) : { id };
}

describe('msgOptional keeps its rules with one Object.hasOwn check', () => {
  const value = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 3 }), fc.integer());
  it('gives what the per-key check gave, values object kept or copied alike', () => {
    fc.assert(
      fc.property(
        fc.option(fc.dictionary(fc.string({ maxLength: 4 }), value, { maxKeys: 6 }), { nil: undefined }),
        fc.dictionary(fc.string({ maxLength: 4 }), value, { maxKeys: 3 }),
        (own, inherited) => {
          // Enumerable keys on the prototype are skipped, as before (for…in sees them, Object.hasOwn does not).
          const values =
            own && Object.keys(inherited).length ? Object.assign(Object.create(inherited), own) : own;
          const got = msgOptional(
            { id: 'm' },
            values as Record<string, string | number | undefined> | undefined,
          );
          const want = msgReference('m', values as Record<string, unknown> | undefined);
          expect(got).toEqual(want);
          expect(JSON.stringify(got)).toBe(JSON.stringify(want));
          // A values object with no undefined own value is kept as given, not copied.
          expect(got.values === values).toBe(want.values === values);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('addTextFields (the CLI JSON shape)', () => {
  it('keeps each message as { id, values } and adds the sentence beside it', () => {
    const body = {
      result: { why: strerrorMsg, n: 1, trace: [{ fn: 'f', why: entry }] },
      list: [strerrorMsg],
    };
    const out = addTextFields(body, 'zh-CN') as {
      result: { why: Msg; why_text: string; n: number; trace: { why: Msg; why_text: string }[] };
      list: unknown[];
    };
    expect(out.result.why).toEqual(strerrorMsg);
    expect(out.result.why_text).toBe('不允许的操作');
    expect(out.result.n).toBe(1);
    expect(out.result.trace[0]!.why_text).toContain('钩子');
    expect(out.list).toEqual([strerrorMsg]);
    expect(Object.keys(out.result)).toEqual(['why', 'why_text', 'n', 'trace']);
    // The input is not changed.
    expect(body.result).not.toHaveProperty('why_text');
  });
});
