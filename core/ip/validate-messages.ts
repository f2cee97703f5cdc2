/**
 * The sentences of validateSendInput and sendShapeIssues (validate.ts) as catalog messages, so the
 * Fragmentation lab and `sockscope fragment --lang zh-CN` say them in the reader's language. The
 * English `message` of each InputIssue stays word for word (machines and the JSON read it);
 * core/ip/validate.test.ts checks that both say the same in English.
 */
import { defineMessages } from '../i18n/index.ts';

export const VM = defineMessages({
  notObject: { id: 'ip.input.notObject', defaultMessage: 'The send input is an object of send settings.' },
  word: {
    id: 'ip.input.word',
    defaultMessage: '{key} is a word.',
    description: '{key}: a SendInput field name.',
  },
  number: { id: 'ip.input.number', defaultMessage: '{key} is a number.' },
  bool: { id: 'ip.input.bool', defaultMessage: '{key} is true or false.' },
  iovList: { id: 'ip.input.iovList', defaultMessage: 'The iovec is a list of lengths.' },
  sendsList: { id: 'ip.input.sendsList', defaultMessage: 'The sends are a list of lengths.' },
  optionsList: { id: 'ip.input.optionsList', defaultMessage: 'Options are a list of bytes (00 to ff).' },
  family: { id: 'ip.input.family', defaultMessage: 'Family is inet (IPv4) or inet6 (IPv6).' },
  sock: { id: 'ip.input.sock', defaultMessage: 'Socket is udp, raw or raw-hdrincl.' },
  pmtu: {
    id: 'ip.input.pmtu',
    defaultMessage: 'PMTU discovery mode is one of {modes}.',
    description: '{modes}: the mode words, comma-separated.',
  },
  mtu6: {
    id: 'ip.input.mtu6',
    defaultMessage:
      'IPv6 needs an MTU of 1,280 to 65,536 (<code>IPV6_MIN_MTU</code> is 1,280; below it the kernel disables IPv6 on the device).',
  },
  mtu4: {
    id: 'ip.input.mtu4',
    defaultMessage:
      'MTU must be a whole number from 68 to 65,536 (<code>ip link</code> refuses an IPv4 MTU below 68, <code>IPV4_MIN_MTU</code>).',
  },
  noLength: { id: 'ip.input.noLength', defaultMessage: 'Give at least one length.' },
  length: {
    id: 'ip.input.length',
    defaultMessage:
      '{what, select, iov {Each iovec length} sends {Each send length} other {The length}} is a whole number from 0 to 1,048,576 (past 65,535 the kernel answers <code>EMSGSIZE</code>).',
  },
  iovMax: { id: 'ip.input.iovMax', defaultMessage: 'At most {max} iovecs (<code>UIO_MAXIOV</code>).' },
  sendsMax: {
    id: 'ip.input.sendsMax',
    defaultMessage: 'At most {max} <code>MSG_MORE</code> sends in the lab.',
  },
  protocol: { id: 'ip.input.protocol', defaultMessage: 'A raw socket protocol is 0 to 255.' },
  rawZero: {
    id: 'ip.input.rawZero',
    defaultMessage: '<code>{call}</code> fails with <code>EPROTONOSUPPORT</code>.',
  },
  optionsMax: { id: 'ip.input.optionsMax', defaultMessage: 'At most 40 bytes of IPv4 options.' },
  optionsBytes: { id: 'ip.input.optionsBytes', defaultMessage: 'Options are bytes (00 to ff).' },
  options6: {
    id: 'ip.input.options6',
    defaultMessage: 'IPv4 options do not apply to IPv6 (it uses extension headers).',
  },
  hdrincl6: { id: 'ip.input.hdrincl6', defaultMessage: 'The <code>IP_HDRINCL</code> model is IPv4 only.' },
  hdrinclCork: {
    id: 'ip.input.hdrinclCork',
    defaultMessage:
      '<code>IP_HDRINCL</code> packets are never corked: each <code>sendto()</code> is one packet.',
  },
  sndbuf: {
    id: 'ip.input.sndbuf',
    defaultMessage:
      '<code>sk_sndbuf</code> is at least 4,608 (<code>SOCK_MIN_SNDBUF</code>); the default is 212,992.',
  },
  optsNotHex: {
    id: 'ip.input.optsNotHex',
    defaultMessage: 'Options are hex bytes, e.g. 94040000 (router alert).',
  },
  optsOdd: { id: 'ip.input.optsOdd', defaultMessage: 'Hex digits come in pairs: one byte is two digits.' },
  optsLong: {
    id: 'ip.input.optsLong',
    defaultMessage: 'At most 40 option bytes fit an IPv4 header; got {count}.',
  },
});
