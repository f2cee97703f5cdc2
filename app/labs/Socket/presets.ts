import { DEFAULT_SOCKET_FIELDS } from './params.ts';
import type { SocketFields } from './params.ts';

export interface SocketPreset {
  name: string;
  /** What the student will see, in a few words (the button's title). */
  what: string;
  /** The call only: presets keep the operation and level the student picked. */
  fields: Pick<SocketFields, 'domain' | 'type' | 'protocol' | 'nonblock' | 'cloexec' | 'priv'>;
}

const p = (
  domain: string,
  type: string,
  protocol: string,
  priv = 'root',
  flags: Partial<Pick<SocketFields, 'nonblock' | 'cloexec'>> = {},
): SocketPreset['fields'] => ({
  domain,
  type,
  protocol,
  priv,
  nonblock: flags.nonblock ?? DEFAULT_SOCKET_FIELDS.nonblock,
  cloexec: flags.cloexec ?? DEFAULT_SOCKET_FIELDS.cloexec,
});

/** Calls worth a look; each is just a set of form values (the core says what happens). */
export const SOCKET_PRESETS: readonly SocketPreset[] = [
  { name: 'TCP', what: 'AF_INET, SOCK_STREAM, 0', fields: p('AF_INET', 'SOCK_STREAM', '0') },
  { name: 'UDP', what: 'AF_INET, SOCK_DGRAM, 0', fields: p('AF_INET', 'SOCK_DGRAM', '0') },
  {
    name: 'Raw, no protocol',
    what: 'AF_INET, SOCK_RAW, 0: the wildcard entry never takes 0',
    fields: p('AF_INET', 'SOCK_RAW', '0'),
  },
  {
    name: 'Raw as user',
    what: 'AF_INET, SOCK_RAW, IPPROTO_ICMP without CAP_NET_RAW',
    fields: p('AF_INET', 'SOCK_RAW', 'IPPROTO_ICMP', 'user'),
  },
  {
    name: 'Ping socket',
    what: 'AF_INET, SOCK_DGRAM, IPPROTO_ICMP: ping_group_range decides',
    fields: p('AF_INET', 'SOCK_DGRAM', 'IPPROTO_ICMP'),
  },
  {
    name: 'INET + SOCK_PACKET',
    what: 'the obsolete (PF_INET, SOCK_PACKET) pair becomes a packet socket',
    fields: p('AF_INET', 'SOCK_PACKET', 'htons(0x0003)'),
  },
  {
    name: 'Unix SOCK_RAW',
    what: 'AF_UNIX, SOCK_RAW: unix_create turns it into SOCK_DGRAM',
    fields: p('AF_UNIX', 'SOCK_RAW', '0'),
  },
  {
    name: 'Netlink route',
    what: 'AF_NETLINK, SOCK_RAW, NETLINK_ROUTE',
    fields: p('AF_NETLINK', 'SOCK_RAW', 'NETLINK_ROUTE'),
  },
  {
    name: 'MPTCP over IPv6',
    what: 'AF_INET6, SOCK_STREAM, IPPROTO_MPTCP',
    fields: p('AF_INET6', 'SOCK_STREAM', 'IPPROTO_MPTCP'),
  },
  { name: 'Unknown family', what: 'family 99 is past AF_MAX', fields: p('99', 'SOCK_STREAM', '0') },
  {
    name: 'Bad flags',
    what: 'SOCK_STREAM|0x100: a flag bit that is neither NONBLOCK nor CLOEXEC',
    fields: p('AF_INET', 'SOCK_STREAM|0x100', '0'),
  },
  {
    name: 'Non-blocking UDP',
    what: 'SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC',
    fields: p('AF_INET', 'SOCK_DGRAM', '0', 'root', { nonblock: '1', cloexec: '1' }),
  },
];
