/**
 * The words of validateDefragInput (defrag.ts): what is wrong with a reassembly input before the
 * kernel sees any of it, as catalog messages (core/i18n), and the list a failure joins them into
 * (core/receive's validation uses the same list). Kernel identifiers are `<code>`.
 */
import { defineMessages, msg, type Msg } from '../i18n/index.ts';

export const IM = defineMessages({
  family: {
    id: 'ip.defrag.input.family',
    defaultMessage: '{name} must be inet or inet6',
    description: 'name: the field, family.',
  },
  len: {
    id: 'ip.defrag.input.len',
    defaultMessage: 'the datagram length must be a whole number from 0 to {max}',
    description: 'max: written with its thousands separator (70,000).',
  },
  fragmentsList: {
    id: 'ip.defrag.input.fragmentsList',
    defaultMessage: '{name} must be a list',
    description: 'name: the field, fragments.',
  },
  fragmentsMany: { id: 'ip.defrag.input.fragmentsMany', defaultMessage: 'at most {max} fragments' },
  maxDist: {
    id: 'ip.defrag.input.maxDist',
    defaultMessage: '<code>ipfrag_max_dist</code> is a whole number from 0 (off) to {max}; the default is 64',
  },
  rcvbuf: {
    id: 'ip.defrag.input.rcvbuf',
    defaultMessage:
      'rcvbuf is <code>sk_rcvbuf</code> as <code>SO_RCVBUF</code> reads it back: {min} to {max} (default {dflt})',
  },
  socket: {
    id: 'ip.defrag.input.socket',
    defaultMessage: '{name} is bound, none or external',
    description: 'name: the field, socket.',
  },
  sender: { id: 'ip.defrag.input.sender', defaultMessage: 'sender is raw or udp' },
  source: { id: 'ip.defrag.input.source', defaultMessage: 'source is self or remote' },
  ihl: { id: 'ip.defrag.input.ihl', defaultMessage: 'ihl (IPv4 only) is a multiple of 4 from 20 to 60' },
  until: { id: 'ip.defrag.input.until', defaultMessage: 'until is a whole number of ms from 0 to {max}' },
  defaultId: { id: 'ip.defrag.input.defaultId', defaultMessage: 'the default id is from 0 to {max}' },
  sysctlObject: { id: 'ip.defrag.input.sysctlObject', defaultMessage: 'sysctl is an object' },
  sysctlNames: {
    id: 'ip.defrag.input.sysctlNames',
    defaultMessage:
      'the sysctls are <code>high_thresh</code>, <code>timeout</code> and <code>max_dist</code>',
  },
  sysctlValue: { id: 'ip.defrag.input.sysctlValue', defaultMessage: 'a whole number from 0 to {max}' },
  notFragment: { id: 'ip.defrag.input.notFragment', defaultMessage: 'not a fragment' },
  offset: {
    id: 'ip.defrag.input.offset',
    defaultMessage: 'the offset must be a multiple of 8 from 0 to {max} (the header counts 8-byte units)',
  },
  length: {
    id: 'ip.defrag.input.length',
    defaultMessage: 'the length must be a whole number from 0 to {max} (one packet’s payload)',
  },
  mf: { id: 'ip.defrag.input.mf', defaultMessage: 'mf must be true or false' },
  id: { id: 'ip.defrag.input.id', defaultMessage: 'the id must be from 0 to {max}' },
  fill: { id: 'ip.defrag.input.fill', defaultMessage: 'fill is same or other' },
  at: { id: 'ip.defrag.input.at', defaultMessage: 'arrival times must not go back' },
  notInput: { id: 'ip.defrag.input.notInput', defaultMessage: 'not a reassembly input' },
});

const LM = defineMessages({
  issue: {
    id: 'input.issue',
    defaultMessage: '{field}: {why}',
    description:
      'One problem of an input: field is the input’s field as the JSON names it (fragments[2].offset).',
  },
  list: {
    id: 'input.issues',
    defaultMessage: '{first}; {rest}',
    description: 'Two or more problems: the first, then the rest (itself a list).',
  },
});

/** An input problem: the field (a machine name) and what is wrong, as a message. */
export interface InputIssueMsg {
  field: string;
  msg: Msg;
}

/** The problems as one message, in order (`field: why; field: why`). */
export function issueListMsg(issues: readonly InputIssueMsg[]): Msg {
  const lines = issues.map((i) => msg(LM.issue, { field: i.field, why: i.msg }));
  if (lines.length === 0) return msg(LM.issue, { field: '(input)', why: msg(IM.notInput) });
  // Halves joined, not one inside the next: formatMsg nests at most 8 deep, so a long list nested
  // in a chain would print "…" past its seventh problem; halving keeps the depth log2(n).
  const join = (from: number, to: number): Msg =>
    to - from === 1
      ? lines[from]!
      : msg(LM.list, { first: join(from, (from + to) >> 1), rest: join((from + to) >> 1, to) });
  return join(0, lines.length);
}
