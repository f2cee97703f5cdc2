import { DEFAULT_SOCKET_FIELDS } from './params.ts';
import type { SocketFields } from './params.ts';
import { defineMessages } from '../../../core/i18n/index.ts';
import type { MessageDescriptor } from '../../../core/i18n/index.ts';

const p = (
  domain: string,
  type: string,
  protocol: string,
  priv = 'root',
  flags: Partial<Pick<SocketFields, 'nonblock' | 'cloexec'>> = {},
): Pick<SocketFields, 'domain' | 'type' | 'protocol' | 'nonblock' | 'cloexec' | 'priv'> => ({
  domain,
  type,
  protocol,
  priv,
  nonblock: flags.nonblock ?? DEFAULT_SOCKET_FIELDS.nonblock,
  cloexec: flags.cloexec ?? DEFAULT_SOCKET_FIELDS.cloexec,
});

const M = defineMessages({
  rawName: { id: 'lab.socket.preset.raw.name', defaultMessage: 'Raw, no protocol' },
  rawWhat: {
    id: 'lab.socket.preset.raw.what',
    defaultMessage: '{call}: the wildcard entry never takes 0',
    description: 'Preset chip title; {call} is the socket() arguments, as code.',
  },
  rawUserName: { id: 'lab.socket.preset.rawUser.name', defaultMessage: 'Raw as user' },
  rawUserWhat: {
    id: 'lab.socket.preset.rawUser.what',
    defaultMessage: '{call} without {cap}',
    description: '{cap} is CAP_NET_RAW.',
  },
  pingName: { id: 'lab.socket.preset.ping.name', defaultMessage: 'Ping socket' },
  pingWhat: {
    id: 'lab.socket.preset.ping.what',
    defaultMessage: '{call}: {sysctl} decides',
    description: '{sysctl} is ping_group_range.',
  },
  packetWhat: {
    id: 'lab.socket.preset.packet.what',
    defaultMessage: 'the obsolete ({call}) pair becomes a packet socket',
  },
  unixRawName: { id: 'lab.socket.preset.unixRaw.name', defaultMessage: 'Unix SOCK_RAW' },
  unixRawWhat: {
    id: 'lab.socket.preset.unixRaw.what',
    defaultMessage: '{call}: {fn} turns it into {type}',
  },
  netlinkName: { id: 'lab.socket.preset.netlink.name', defaultMessage: 'Netlink route' },
  mptcpName: { id: 'lab.socket.preset.mptcp.name', defaultMessage: 'MPTCP over IPv6' },
  unknownName: { id: 'lab.socket.preset.unknown.name', defaultMessage: 'Unknown family' },
  unknownWhat: {
    id: 'lab.socket.preset.unknown.what',
    defaultMessage: 'family {n} is past {max}',
  },
  badFlagsName: { id: 'lab.socket.preset.badFlags.name', defaultMessage: 'Bad flags' },
  badFlagsWhat: {
    id: 'lab.socket.preset.badFlags.what',
    defaultMessage: '{type}: a flag bit that is neither {a} nor {b}',
  },
  nonblockName: { id: 'lab.socket.preset.nonblock.name', defaultMessage: 'Non-blocking UDP' },
});

/** A preset's name or title: a catalog message, or the call itself (kernel names, never translated). */
type Words = MessageDescriptor | { verbatim: string };
const v = (verbatim: string): Words => ({ verbatim });

export interface SocketPreset {
  /** Stable key (the English name): React keys and tests. */
  key: string;
  name: Words;
  /** What the student will see, in a few words (the button's title). */
  what: Words;
  /** Values of `name` and `what`. */
  values?: Record<string, string>;
  /** The call only: presets keep the operation and level the student picked. */
  fields: Pick<SocketFields, 'domain' | 'type' | 'protocol' | 'nonblock' | 'cloexec' | 'priv'>;
}

/** Calls worth a look; each is just a set of form values (the core says what happens). */
export const SOCKET_PRESETS: readonly SocketPreset[] = [
  {
    key: 'TCP',
    name: v('TCP'),
    what: v('AF_INET, SOCK_STREAM, 0'),
    fields: p('AF_INET', 'SOCK_STREAM', '0'),
  },
  { key: 'UDP', name: v('UDP'), what: v('AF_INET, SOCK_DGRAM, 0'), fields: p('AF_INET', 'SOCK_DGRAM', '0') },
  {
    key: 'Raw, no protocol',
    name: M.rawName,
    what: M.rawWhat,
    values: { call: 'AF_INET, SOCK_RAW, 0' },
    fields: p('AF_INET', 'SOCK_RAW', '0'),
  },
  {
    key: 'Raw as user',
    name: M.rawUserName,
    what: M.rawUserWhat,
    values: { call: 'AF_INET, SOCK_RAW, IPPROTO_ICMP', cap: 'CAP_NET_RAW' },
    fields: p('AF_INET', 'SOCK_RAW', 'IPPROTO_ICMP', 'user'),
  },
  {
    key: 'Ping socket',
    name: M.pingName,
    what: M.pingWhat,
    values: { call: 'AF_INET, SOCK_DGRAM, IPPROTO_ICMP', sysctl: 'ping_group_range' },
    fields: p('AF_INET', 'SOCK_DGRAM', 'IPPROTO_ICMP'),
  },
  {
    key: 'INET + SOCK_PACKET',
    name: v('INET + SOCK_PACKET'),
    what: M.packetWhat,
    values: { call: 'PF_INET, SOCK_PACKET' },
    fields: p('AF_INET', 'SOCK_PACKET', 'htons(0x0003)'),
  },
  {
    key: 'Unix SOCK_RAW',
    name: M.unixRawName,
    what: M.unixRawWhat,
    values: { call: 'AF_UNIX, SOCK_RAW', fn: 'unix_create', type: 'SOCK_DGRAM' },
    fields: p('AF_UNIX', 'SOCK_RAW', '0'),
  },
  {
    key: 'Netlink route',
    name: M.netlinkName,
    what: v('AF_NETLINK, SOCK_RAW, NETLINK_ROUTE'),
    fields: p('AF_NETLINK', 'SOCK_RAW', 'NETLINK_ROUTE'),
  },
  {
    key: 'MPTCP over IPv6',
    name: M.mptcpName,
    what: v('AF_INET6, SOCK_STREAM, IPPROTO_MPTCP'),
    fields: p('AF_INET6', 'SOCK_STREAM', 'IPPROTO_MPTCP'),
  },
  {
    key: 'Unknown family',
    name: M.unknownName,
    what: M.unknownWhat,
    values: { n: '99', max: 'AF_MAX' },
    fields: p('99', 'SOCK_STREAM', '0'),
  },
  {
    key: 'Bad flags',
    name: M.badFlagsName,
    what: M.badFlagsWhat,
    values: { type: 'SOCK_STREAM|0x100', a: 'NONBLOCK', b: 'CLOEXEC' },
    fields: p('AF_INET', 'SOCK_STREAM|0x100', '0'),
  },
  {
    key: 'Non-blocking UDP',
    name: M.nonblockName,
    what: v('SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC'),
    fields: p('AF_INET', 'SOCK_DGRAM', '0', 'root', { nonblock: '1', cloexec: '1' }),
  },
];

/** The presets in the reader's language (name and title as plain text, ready for the chips). */
export function socketPresetWords(
  format: (m: MessageDescriptor, values?: Record<string, string>) => string,
): { key: string; name: string; what: string; fields: SocketPreset['fields'] }[] {
  const say = (w: Words, values?: Record<string, string>) =>
    'verbatim' in w ? w.verbatim : format(w, values);
  return SOCKET_PRESETS.map((p) => ({
    key: p.key,
    name: say(p.name, p.values),
    what: say(p.what, p.values),
    fields: p.fields,
  }));
}
