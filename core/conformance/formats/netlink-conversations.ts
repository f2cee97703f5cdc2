/**
 * Oracle format `netlink-conversations` (netlink_capture.py): requests sent on a netlink socket
 * and every buffer recvmsg() returned, byte for byte. Each request and each reply is decoded by
 * core/netlink and must: decode with no error diagnostic (a reply with MSG_TRUNC must instead be
 * reported as truncated), walk every message and every attribute exactly to its end, echo the
 * request's sequence number, and — for NLMSG_ERROR replies — decode as the ACK or error the
 * capture describes (errno, echoed or capped request, extended-ack message).
 */
import {
  NLMSG_DONE,
  NLMSG_ERROR,
  NLMSG_HDRLEN,
  decodeNetlink,
  nlaAlign,
  nlmsgAlign,
  parseHex,
  type NlAttr,
  type NlFamily,
  type NlMessage,
} from '../../netlink/index.ts';
import { diffFields, type CaseOutcome, type FieldDiff, type OracleFormat } from '../types.ts';

const MSG_TRUNC = 0x20;

interface Reply {
  hex: string;
  msg_flags: number;
}
interface Conversation {
  name: string;
  what?: string;
  family?: string;
  request_hex: string;
  replies: Reply[];
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isConversation = (c: unknown): c is Conversation =>
  isObj(c) &&
  typeof c.name === 'string' &&
  typeof c.request_hex === 'string' &&
  Array.isArray(c.replies) &&
  c.replies.every((r) => isObj(r) && typeof r.hex === 'string' && typeof r.msg_flags === 'number');

/** NETLINK_GENERIC when the fixture says so (`family`) or describes a generic-netlink exchange. */
export function conversationFamily(c: Conversation): NlFamily {
  if (c.family === 'generic' || c.family === 'route' || c.family === 'raw') return c.family;
  return /^genl|generic netlink/i.test(`${c.name} ${c.what ?? ''}`) ? 'generic' : 'route';
}

/** What the shared capture's replies must decode as, beyond the generic checks. */
const KNOWN: Record<string, { errno: number; capped: boolean; extackMsg?: string; echoWhole?: boolean }> = {
  'newaddr-ack': { errno: 0, capped: true },
  'newaddr-eexist': { errno: 17, capped: false, echoWhole: true },
  'newlink-extack': { errno: 95, capped: true, extackMsg: 'Unknown device type' },
};

/** Problems with the tiling: attributes back to back, the last one ending exactly at its container's end. */
export function walkProblems(m: NlMessage, path: string): FieldDiff[] {
  const out: FieldDiff[] = [];
  const tile = (attrs: NlAttr[], start: number, end: number, p: string) => {
    let at = start;
    attrs.forEach((a, i) => {
      if (a.offset !== at) out.push({ field: `${p}[${i}].offset`, expected: at, got: a.offset });
      at = a.offset + nlaAlign(a.len);
      if (a.children) tile(a.children, a.offset + 4, a.offset + a.len, `${p}[${i}](${a.name}).children`);
    });
    // The last attribute's padding may be cut by its container (nla_len need not be aligned).
    if (!(at === end || (at > end && at - end < 4 && nlaAlign(end) === at)))
      out.push({ field: `${p}.end`, expected: end, got: at });
  };
  if (m.type === NLMSG_ERROR) {
    if (m.error?.extack.length) {
      const first = m.error.extack[0] as NlAttr;
      tile(m.error.extack, first.offset, m.offset + m.len, `${path}.extack`);
    }
    return out;
  }
  if (m.type === NLMSG_DONE) {
    if (m.len !== NLMSG_HDRLEN + 4 && !m.attributes.length)
      out.push({ field: `${path}.len`, expected: NLMSG_HDRLEN + 4, got: m.len });
    return out;
  }
  const fh = m.familyHeader;
  const start = m.offset + NLMSG_HDRLEN + (fh && fh.name !== 'payload' ? nlmsgAlign(fh.size) : 0);
  if (m.attributes.length || fh?.name !== 'payload')
    tile(m.attributes, start, m.offset + m.len, `${path}.attributes`);
  return out;
}

function checkBuffer(
  hex: string,
  family: NlFamily,
  truncated: boolean,
  label: string,
  seq: number | null,
): { diffs: FieldDiff[]; messages: NlMessage[] } {
  const parsed = parseHex(hex);
  if (!parsed.ok)
    return { diffs: [{ field: `${label}.hex`, expected: 'hex', got: parsed.why }], messages: [] };
  const res = decodeNetlink(parsed.bytes, { family, truncated });
  const diffs: FieldDiff[] = [];
  const errors = [...res.diagnostics, ...res.messages.flatMap((m) => m.diagnostics)].filter(
    (d) => d.severity === 'error' && !(truncated && d.code === 'msg-trunc'),
  );
  for (const d of errors)
    diffs.push({
      field: `${label}.diagnostics`,
      expected: 'no error',
      got: `${d.code} @${d.offset}+${d.length}: ${d.message}`,
    });
  diffs.push(...diffFields(truncated, res.truncated, `${label}.truncated`));
  if (truncated) {
    const reported = [...res.diagnostics, ...res.messages.flatMap((m) => m.diagnostics)].some(
      (d) => d.code === 'msg-trunc',
    );
    if (!reported)
      diffs.push({ field: `${label}.diagnostics`, expected: 'a msg-trunc diagnostic', got: 'none' });
  } else {
    const last = res.walk[res.walk.length - 1];
    // NLMSG_OK fails only because nothing is left: the walk consumed the buffer exactly.
    if (!last || last.remaining !== 0 || last.offset !== parsed.bytes.length)
      diffs.push({
        field: `${label}.walk.end`,
        expected: { offset: parsed.bytes.length, remaining: 0 },
        got: last ?? null,
      });
    res.messages.forEach((m, i) => diffs.push(...walkProblems(m, `${label}.messages[${i}]`)));
  }
  if (seq !== null)
    res.messages.forEach((m, i) => {
      if (m.seq !== seq) diffs.push({ field: `${label}.messages[${i}].seq`, expected: seq, got: m.seq });
    });
  return { diffs, messages: res.messages };
}

export const netlinkConversationsFormat: OracleFormat = {
  name: 'netlink-conversations',
  detect(doc) {
    if (!isObj(doc) || !Array.isArray(doc.conversations)) return false;
    const first: unknown = doc.conversations[0];
    return isObj(first) && 'request_hex' in first && 'replies' in first;
  },
  run(doc) {
    if (!isObj(doc) || !Array.isArray(doc.conversations)) return [];
    return doc.conversations.map((raw: unknown, i): CaseOutcome => {
      if (!isConversation(raw))
        return {
          name: isObj(raw) && typeof raw.name === 'string' ? raw.name : `conversation #${i}`,
          pass: false,
          diffs: [{ field: '(conversation)', expected: 'a netlink conversation', got: raw }],
        };
      const family = conversationFamily(raw);
      const req = checkBuffer(raw.request_hex, family, false, 'request', null);
      const diffs = [...req.diffs];
      const request = req.messages[0];
      const seq = request ? request.seq : null;
      const replies = raw.replies.map((r, j) =>
        checkBuffer(r.hex, family, (r.msg_flags & MSG_TRUNC) !== 0, `replies[${j}]`, seq),
      );
      for (const r of replies) diffs.push(...r.diffs);
      // A dump (NLM_F_DUMP on a request) ends with NLMSG_DONE unless it was truncated.
      const all = replies.flatMap((r) => r.messages);
      const truncated = raw.replies.some((r) => r.msg_flags & MSG_TRUNC);
      if (
        request &&
        (request.flags & 0x300) === 0x300 &&
        !truncated &&
        all[all.length - 1]?.type !== NLMSG_DONE
      )
        diffs.push({
          field: 'replies.last.type',
          expected: 'NLMSG_DONE',
          got: all[all.length - 1]?.typeName ?? null,
        });
      // Every NLMSG_ERROR answers this request: its echoed header is the request's.
      for (const [k, m] of all.entries()) {
        if (m.type !== NLMSG_ERROR || !request) continue;
        const e = m.error;
        if (!e || !e.echoed) {
          diffs.push({ field: `error[${k}]`, expected: 'a decoded nlmsgerr', got: m.error ?? null });
          continue;
        }
        diffs.push(
          ...diffFields(
            { type: request.type, len: request.len, seq: request.seq },
            { type: e.echoed.type, len: e.echoed.len, seq: e.echoed.seq },
            `error[${k}].echoed`,
          ),
        );
        const known = KNOWN[raw.name];
        if (known) {
          const capped = (m.flags & 0x100) !== 0;
          diffs.push(
            ...diffFields(
              { errno: known.errno, capped: known.capped },
              { errno: e.errno, capped },
              `error[${k}]`,
            ),
          );
          if (known.extackMsg !== undefined) {
            const msg = e.extack.find((a) => a.name === 'NLMSGERR_ATTR_MSG')?.value;
            diffs.push(...diffFields(known.extackMsg, msg ?? null, `error[${k}].extack.MSG`));
          }
          if (known.echoWhole)
            diffs.push(
              ...diffFields(
                request.attributes.map((a) => [a.name, a.value]),
                e.echoed.attributes.map((a) => [a.name, a.value]),
                `error[${k}].echoed.attributes`,
              ),
            );
        }
      }
      return {
        name: `${raw.name} (${family}, ${raw.replies.length} recvmsg)`,
        pass: diffs.length === 0,
        diffs,
      };
    });
  },
};
