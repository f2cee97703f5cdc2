/**
 * The prose of the decoder's displays (`N bytes: …`, `(flag)`, `3 nested attribute(s)`, the
 * echoed request of an NLMSG_ERROR…) as catalog messages (core/i18n). A field keeps its English
 * `display` (the JSON contract); `displayMsg` is the same text as a Msg, for the lab and the CLI
 * in the reader's language. Kernel identifiers are `<code>`; hex, names and numbers are values.
 */
import { defineMessages } from '../i18n/index.ts';

export const DISPLAY = defineMessages({
  bytes: { id: 'netlink.display.bytes', defaultMessage: '{n} bytes: {hex}' },
  empty: { id: 'netlink.display.empty', defaultMessage: '(empty)' },
  noNul: {
    id: 'netlink.display.noNul',
    defaultMessage: '{text} (no <code>NUL</code>)',
    description: 'text: the string as read, in double quotes.',
  },
  flag: { id: 'netlink.display.flag', defaultMessage: '(flag)' },
  part: { id: 'netlink.display.part', defaultMessage: '{n} of {m} bytes' },
  nested: { id: 'netlink.display.nested', defaultMessage: '{n} nested attribute(s)' },
  headerNest: {
    id: 'netlink.display.headerNest',
    defaultMessage: '<code>struct {name}</code> + {n} nested attribute(s)',
  },
  struct: { id: 'netlink.display.struct', defaultMessage: '<code>struct {name}</code> ({n} bytes)' },
  newer: { id: 'netlink.display.newer', defaultMessage: '{n} bytes (newer kernel fields)' },
  notWhole: { id: 'netlink.display.notWhole', defaultMessage: 'not a whole element' },
  padding: { id: 'netlink.display.padding', defaultMessage: '<code>NLA_ALIGN</code> padding' },
  ack: { id: 'netlink.display.ack', defaultMessage: '0 (ACK: success)' },
  complete: { id: 'netlink.display.complete', defaultMessage: '0 (complete)' },
  error: {
    id: 'netlink.display.error',
    defaultMessage: '{err} (-<code>{name}</code>: {strerror})',
    description: 'nlmsgerr.error: err is the number (-95), strerror its strerror(3).',
  },
  echoCapped: {
    id: 'netlink.display.echoCapped',
    defaultMessage: "the request's header (<code>NLM_F_CAPPED</code>)",
  },
  echoWhole: { id: 'netlink.display.echoWhole', defaultMessage: 'the whole request ({n} bytes)' },
});
