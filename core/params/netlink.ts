/**
 * The netlink inputs: what `sockscope netlink` takes as flags (`--family`, `--endian`) and the
 * Netlink lab as URL parameters and form fields — the buffer's family, byte order and MSG_TRUNC,
 * the message and NLMSG_NEXT step on show (counting from 1), the multipart splitter's frame and
 * payload limit, the msghdr diagram's iovec lengths and control messages — each once, with its
 * limits. The buffer itself is hex text (core/netlink's parseHex), at most NL_BUFFER_MAX bytes.
 */
import { normalizeInput } from '../i18n/input.ts';
import { parseHex } from '../netlink/index.ts';
import type { Endian, NlFamily } from '../netlink/index.ts';
import { bit, echo, keyword, notText, paramIssue, whole, wholeList } from './param.ts';
import type { Param, ParamName, ParamResult } from './param.ts';

/** The largest buffer the lab takes (a 64 KiB dump fits four times over). */
export const NL_BUFFER_MAX = 256 * 1024;
/** The most iovecs and control messages the msghdr diagram draws. */
export const MSGHDR_MAX_ITEMS = 16;
/** The largest cmsg data length the diagram takes. */
export const CMSG_DATA_MAX = 4096;

export const NL_FAMILIES: readonly NlFamily[] = ['route', 'generic', 'raw'];
export const NL_ENDIANS: readonly Endian[] = ['le', 'be'];
export const SPLIT_MODES = ['correct', 'mistakes'] as const;

/** A 1-based position (the message, the walk step) as a 0-based index. */
function counting(key: string, label: string): Param<number> {
  return {
    key,
    label,
    default: 0,
    limits: { min: 1, max: 1e9 },
    format: (i) => String(i + 1),
    parse(text, name = label) {
      const bad = notText(key, text, name);
      if (bad) return { ok: false, issue: bad };
      text = normalizeInput(text);
      const t = text.trim();
      if (!/^\d+$/.test(t))
        return { ok: false, issue: paramIssue(key, 'not-whole', { value: echo(text) }, name) };
      const n = Number(t);
      if (n < 1 || n > 1e9)
        return {
          ok: false,
          issue: paramIssue(key, 'range', { value: t.length > 15 ? echo(t) : n, min: 1, max: 1e9 }, name),
        };
      return { ok: true, value: n - 1 };
    },
  };
}

/** One control message as the diagram takes it: `LEVEL.TYPE.LENGTH` (SOL_SOCKET.SCM_RIGHTS.8). */
export interface CmsgText {
  level: string;
  type: string;
  /** The data length, as typed. */
  len: string;
}

const cmsgParam: Param<CmsgText[]> = {
  key: 'cmsg',
  label: 'Control messages',
  default: [],
  limits: { maxItems: MSGHDR_MAX_ITEMS },
  format: (c) => c.map((x) => `${x.level}.${x.type}.${x.len}`).join(','),
  parse(text, name = 'Control messages') {
    const bad = notText('cmsg', text, name);
    if (bad) return { ok: false, issue: bad };
    // Nothing at all is no control messages; an empty item between commas is named (issue 19).
    const parts = text.trim() === '' ? [] : text.split(',');
    if (parts.length > MSGHDR_MAX_ITEMS)
      return {
        ok: false,
        issue: paramIssue('cmsg', 'list-long', { max: MSGHDR_MAX_ITEMS, count: parts.length }, name),
      };
    const out: CmsgText[] = [];
    for (const [i, p] of parts.entries()) {
      if (p.trim() === '')
        return {
          ok: false,
          issue: paramIssue(
            'cmsg',
            'rule',
            { why: `cmsg item ${i + 1} is empty: write level.type.length (SOL_SOCKET.SCM_RIGHTS.8).` },
            name,
          ),
        };
      const m = /^([A-Z_0-9]+)\.([A-Z_0-9]+)\.(\d+)$/i.exec(p.trim());
      if (!m)
        return {
          ok: false,
          issue: paramIssue(
            'cmsg',
            'rule',
            { why: `cmsg ${echo(p)}: write level.type.length (SOL_SOCKET.SCM_RIGHTS.8).` },
            name,
          ),
        };
      out.push({ level: m[1]!, type: m[2]!, len: m[3]! });
    }
    return { ok: true, value: out };
  },
};

/** A buffer as hex text (spaces, colons, `0x` and `\x` allowed), at most NL_BUFFER_MAX bytes. */
export function parseNetlinkHex(raw: string, name: ParamName = 'hex'): ParamResult<Uint8Array> {
  const bad = notText('hex', raw, name);
  if (bad) return { ok: false, issue: bad };
  // ASCII as it is: normalizeInput bounds its input at MAX_INPUT (64 Ki characters), below the buffer's bound.
  // eslint-disable-next-line no-control-regex
  const text = /^[\x00-\x7f]*$/.test(raw) ? raw : normalizeInput(raw);
  const r = parseHex(text);
  if (!r.ok) return { ok: false, issue: paramIssue('hex', 'rule', { why: r.why, value: echo(text) }, name) };
  if (r.bytes.length > NL_BUFFER_MAX)
    return {
      ok: false,
      issue: paramIssue('hex', 'hex-long', { max: NL_BUFFER_MAX, count: r.bytes.length }, name),
    };
  return { ok: true, value: r.bytes };
}

const iovList = wholeList(
  'iov',
  'iovec lengths',
  { min: 0, max: NL_BUFFER_MAX, maxItems: MSGHDR_MAX_ITEMS, example: '16,24' },
  [],
);
/** The iovec lengths; none (empty) is one iovec over the whole buffer. */
const iovParam: Param<number[]> = {
  ...iovList,
  parse: (text, name) =>
    typeof text === 'string' && text.trim() === '' ? { ok: true, value: [] } : iovList.parse(text, name),
};

export const NETLINK_PARAMS = {
  family: keyword('family', 'Netlink family', NL_FAMILIES, 'route'),
  endian: keyword('endian', 'Byte order', NL_ENDIANS, 'le'),
  trunc: bit('trunc', 'MSG_TRUNC', false),
  msg: counting('msg', 'Message'),
  walk: counting('walk', 'NLMSG_NEXT step'),
  frame: whole('frame', 'Frame', { min: 1, max: 1 << 20, unit: 'bytes' }, 10000),
  max: whole('max', 'Largest payload per message', { min: 4, max: 65536, unit: 'bytes' }, 4096),
  split: keyword('split', 'Split mode', SPLIT_MODES, 'correct'),
  iov: iovParam,
  cmsg: cmsgParam,
} as const;
