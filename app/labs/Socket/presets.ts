import { DEFAULT_SOCKET_FIELDS } from './params.ts';
import type { SocketFields } from './params.ts';
import { SOCKET_WORDS as W } from './words.ts';
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
    name: W.presetRawName,
    what: W.presetRawWhat,
    values: { call: 'AF_INET, SOCK_RAW, 0' },
    fields: p('AF_INET', 'SOCK_RAW', '0'),
  },
  {
    key: 'Raw as user',
    name: W.presetRawUserName,
    what: W.presetRawUserWhat,
    values: { call: 'AF_INET, SOCK_RAW, IPPROTO_ICMP', cap: 'CAP_NET_RAW' },
    fields: p('AF_INET', 'SOCK_RAW', 'IPPROTO_ICMP', 'user'),
  },
  {
    key: 'Ping socket',
    name: W.presetPingName,
    what: W.presetPingWhat,
    values: { call: 'AF_INET, SOCK_DGRAM, IPPROTO_ICMP', sysctl: 'ping_group_range' },
    fields: p('AF_INET', 'SOCK_DGRAM', 'IPPROTO_ICMP'),
  },
  {
    key: 'INET + SOCK_PACKET',
    name: v('INET + SOCK_PACKET'),
    what: W.presetPacketWhat,
    values: { call: 'PF_INET, SOCK_PACKET' },
    fields: p('AF_INET', 'SOCK_PACKET', 'htons(0x0003)'),
  },
  {
    key: 'Unix SOCK_RAW',
    name: W.presetUnixRawName,
    what: W.presetUnixRawWhat,
    values: { call: 'AF_UNIX, SOCK_RAW', fn: 'unix_create', type: 'SOCK_DGRAM' },
    fields: p('AF_UNIX', 'SOCK_RAW', '0'),
  },
  {
    key: 'Netlink route',
    name: W.presetNetlinkName,
    what: v('AF_NETLINK, SOCK_RAW, NETLINK_ROUTE'),
    fields: p('AF_NETLINK', 'SOCK_RAW', 'NETLINK_ROUTE'),
  },
  {
    key: 'MPTCP over IPv6',
    name: W.presetMptcpName,
    what: v('AF_INET6, SOCK_STREAM, IPPROTO_MPTCP'),
    fields: p('AF_INET6', 'SOCK_STREAM', 'IPPROTO_MPTCP'),
  },
  {
    key: 'Unknown family',
    name: W.presetUnknownName,
    what: W.presetUnknownWhat,
    values: { n: '99', max: 'AF_MAX' },
    fields: p('99', 'SOCK_STREAM', '0'),
  },
  {
    key: 'Bad flags',
    name: W.presetBadFlagsName,
    what: W.presetBadFlagsWhat,
    values: { type: 'SOCK_STREAM|0x100', a: 'NONBLOCK', b: 'CLOEXEC' },
    fields: p('AF_INET', 'SOCK_STREAM|0x100', '0'),
  },
  {
    key: 'Non-blocking UDP',
    name: W.presetNonblockName,
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
