/**
 * The Netlink lab's challenge (issue 14): what the selected message's `nlmsg_len` is, from its
 * parts, and where NLMSG_NEXT goes after it. Every answer is read from the core's own decode
 * (decodeNetlink's messages and walk), never written down here.
 */
import { defineMessages, msg } from '../../../core/i18n/index.ts';
import type { NlDecodeResult, NlMessage } from '../../../core/netlink/index.ts';
import type { LabChallenge } from '../../lab-kit/challenge/index.ts';
import type { NetlinkState } from './store.ts';

const M = defineMessages({
  parts: {
    id: 'lab.netlink.challenge.parts',
    defaultMessage:
      'Message {i, number} (<code>{type}</code>) has the 16-byte <code>nlmsghdr</code>, {fam, select, none {no family header} other {a {famSize, number}-byte <code>{fam}</code>}} and {n, plural, =0 {no attributes} one {# attribute} other {# attributes}}{n, plural, =0 {} one { with <code>nla_len</code> {lens}} other { with <code>nla_len</code> {lens}}}.',
    description: 'Challenge: the parts of a netlink message. Kernel identifiers stay.',
  },
  lenQ: {
    id: 'lab.netlink.challenge.len.q',
    defaultMessage: '{parts} What is its <code>nlmsg_len</code>?',
    description: 'Challenge question: nlmsg_len.',
  },
  lenWhy: {
    id: 'lab.netlink.challenge.len.why',
    defaultMessage:
      '<code>nlmsg_len</code> counts the whole message, header included: 16 + {famSize, number} + {attrs, number} = {len, number}. Each attribute takes <code>NLA_ALIGN(nla_len)</code> bytes — its length rounded up to a multiple of 4 — so the padding between attributes counts.',
    description: 'Challenge explanation: nlmsg_len.',
  },
  nextQ: {
    id: 'lab.netlink.challenge.next.q',
    defaultMessage:
      'Message {i, number} starts at byte {offset, number} and its <code>nlmsg_len</code> is {len, number}. At which byte does <code>NLMSG_NEXT</code> find the next message?',
    description: 'Challenge question: the offset NLMSG_NEXT moves to.',
  },
  nextWhy: {
    id: 'lab.netlink.challenge.next.why',
    defaultMessage:
      '<code>NLMSG_NEXT</code> skips <code>NLMSG_ALIGN(nlmsg_len)</code> bytes: {len, number} rounded up to a multiple of 4 is {aligned, number}, so the next header starts at {offset, number} + {aligned, number} = {next, number}.',
    description: 'Challenge explanation: NLMSG_NEXT.',
  },
});

export interface NetlinkCase {
  result: NlDecodeResult;
  selected: number;
}

const align4 = (n: number) => (n + 3) & ~3;
/** The bytes a message's parts take (family header, aligned attributes). */
const attrsBytes = (m: NlMessage) => m.attributes.reduce((sum, a) => sum + align4(a.len), 0);
/** Whether the decode found nothing wrong with a message: its stored length is its parts. */
const clean = (m: NlMessage) => !m.error && m.diagnostics.every((d) => d.severity !== 'error') && m.len >= 16;

const partsMsg = (m: NlMessage, i: number) =>
  msg(M.parts, {
    i: i + 1,
    type: m.typeName,
    fam: m.familyHeader?.name ?? 'none',
    famSize: m.familyHeader?.size ?? 0,
    n: m.attributes.length,
    lens: m.attributes
      .slice(0, 8)
      .map((a) => a.len)
      .join(', ')
      .concat(m.attributes.length > 8 ? ', …' : ''),
  });

export const netlinkChallenge: LabChallenge<NetlinkState, NetlinkCase> = {
  caseOf: (s) => ({ result: s.result, selected: s.selected }),
  questions: [
    {
      id: 'len',
      ask: ({ result, selected }) => {
        const m = result.messages[selected];
        if (!m || !clean(m)) return null;
        const famSize = m.familyHeader?.size ?? 0;
        const attrs = attrsBytes(m);
        // Only where the parts add up to the stored length (no trailing bytes the decode could not name).
        if (16 + famSize + attrs !== m.len) return null;
        return {
          prompt: msg(M.lenQ, { parts: partsMsg(m, selected) }),
          answer: { kind: 'number', value: m.len },
          explain: msg(M.lenWhy, { famSize, attrs, len: m.len }),
        };
      },
    },
    {
      id: 'next',
      ask: ({ result, selected }) => {
        const m = result.messages[selected];
        const step = m && result.walk.find((w) => w.offset === m.offset && w.nlmsgOk);
        if (!m || !step) return null;
        return {
          prompt: msg(M.nextQ, { i: selected + 1, offset: m.offset, len: step.nlmsgLen }),
          answer: { kind: 'number', value: step.next },
          explain: msg(M.nextWhy, {
            len: step.nlmsgLen,
            aligned: step.next - step.offset,
            offset: step.offset,
            next: step.next,
          }),
        };
      },
    },
  ],
};
