/** Names for the numbers inside netlink messages: flags by request kind, family-header enums, errno. */
import { errnoName, strerror } from '../errno/index.ts';
import { defineMessages, msg, renderText, type MessageDescriptor, type Msg } from '../i18n/index.ts';
import { CTRL_CMDS, requestKind, type RequestKind } from './families.ts';
import { GENL_ID_CTRL, NLMSG_DONE, NLMSG_ERROR } from './constants.ts';
import type { NlFamily, NlFlagGroup } from './types.ts';

type Flag = { name: string; bit: number; meaning: string };
const STANDARD: Flag[] = [
  {
    name: 'NLM_F_REQUEST',
    bit: 0x01,
    meaning: 'It is a request message (netlink_rcv_skb only hands requests to the family)',
  },
  { name: 'NLM_F_MULTI', bit: 0x02, meaning: 'Part of a multipart message, terminated by NLMSG_DONE' },
  {
    name: 'NLM_F_ACK',
    bit: 0x04,
    meaning: 'Reply with an acknowledgment (NLMSG_ERROR with error 0) on success',
  },
  { name: 'NLM_F_ECHO', bit: 0x08, meaning: 'Echo this request back (to the sender, as a notification)' },
  {
    name: 'NLM_F_DUMP_INTR',
    bit: 0x10,
    meaning: 'The dump was inconsistent because its data changed during the dump',
  },
  { name: 'NLM_F_DUMP_FILTERED', bit: 0x20, meaning: 'The dump was filtered as the request asked' },
];
const GET: Flag[] = [
  { name: 'NLM_F_ROOT', bit: 0x100, meaning: 'Return the complete table instead of a single entry' },
  {
    name: 'NLM_F_MATCH',
    bit: 0x200,
    meaning: 'Return all entries matching criteria passed in the message content',
  },
  {
    name: 'NLM_F_ATOMIC',
    bit: 0x400,
    meaning: 'Return an atomic snapshot of the table (unused by rtnetlink)',
  },
  { name: 'NLM_F_DUMP', bit: 0x300, meaning: 'NLM_F_ROOT|NLM_F_MATCH: dump everything' },
];
const NEW: Flag[] = [
  { name: 'NLM_F_REPLACE', bit: 0x100, meaning: 'Replace an existing matching object' },
  { name: 'NLM_F_EXCL', bit: 0x200, meaning: 'Do not touch the object if it already exists (-EEXIST)' },
  { name: 'NLM_F_CREATE', bit: 0x400, meaning: 'Create the object if it does not exist' },
  { name: 'NLM_F_APPEND', bit: 0x800, meaning: 'Add to the end of the object list' },
];
const DELETE: Flag[] = [
  { name: 'NLM_F_NONREC', bit: 0x100, meaning: 'Do not delete recursively' },
  { name: 'NLM_F_BULK', bit: 0x200, meaning: 'Delete multiple objects' },
];
const ACK: Flag[] = [
  { name: 'NLM_F_CAPPED', bit: 0x100, meaning: 'The request was capped: only its header is echoed' },
  { name: 'NLM_F_ACK_TLVS', bit: 0x200, meaning: 'Extended-ack TLVs follow the echoed request' },
];

/** The kind a message's flags are read by: GET/NEW/DEL/SET request, an ACK reply, or neither. */
export function flagKind(
  type: number,
  flags: number,
  family: NlFamily,
  genlCmd?: number,
): RequestKind | 'ack' {
  if (type === NLMSG_ERROR) return 'ack';
  let k = requestKind(type, family);
  if (family === 'generic' && type === GENL_ID_CTRL && genlCmd !== undefined) {
    const n = CTRL_CMDS[genlCmd] ?? '';
    k = n.includes('_GET') ? 'get' : n.includes('_NEW') ? 'new' : n.includes('_DEL') ? 'del' : 'unknown';
  }
  if (k === 'unknown' && family !== 'route' && flags & 0x01) return 'get';
  return k;
}

/** flagGroups: the NLM_F_* groups as include/uapi/linux/netlink.h lists them, the applicable one first. */
export function flagGroups(type: number, family: NlFamily): NlFlagGroup[] {
  const k = typeof type === 'number' ? flagKind(type, 0x01, family) : 'unknown';
  const all: NlFlagGroup[] = [
    { group: 'standard', flags: STANDARD },
    { group: 'GET modifiers', flags: GET },
    { group: 'NEW modifiers', flags: NEW },
    { group: 'DELETE modifiers', flags: DELETE },
    { group: 'ACK flags', flags: ACK },
  ];
  const first =
    k === 'get'
      ? 1
      : k === 'new' || k === 'set'
        ? 2
        : k === 'del'
          ? 3
          : k === 'ack'
            ? 4
            : type === NLMSG_DONE
              ? -1
              : -1;
  if (first < 0) return all;
  const picked = all[first] as NlFlagGroup;
  return [all[0] as NlFlagGroup, picked, ...all.slice(1).filter((g) => g !== picked)];
}

/** The names of the set bits, the 0x100–0x800 bits named by the message's kind. */
export function flagNamesFor(type: number, flags: number, family: NlFamily, genlCmd?: number): string[] {
  if (typeof type !== 'number' || typeof flags !== 'number') return [];
  const out: string[] = [];
  for (const f of STANDARD) if (flags & f.bit) out.push(f.name);
  const k = flagKind(type, flags, family, genlCmd);
  // The modifier bits are named by the type's kind for requests and for the notifications that
  // echo them (rtmsg_fib passes NLM_F_CREATE/REPLACE/APPEND on to RTM_NEWROUTE listeners).
  let high = flags & 0xf00;
  if (k === 'ack') {
    for (const f of ACK)
      if (high & f.bit) {
        out.push(f.name);
        high &= ~f.bit;
      }
  } else if (k === 'get') {
    if ((high & 0x300) === 0x300) {
      out.push('NLM_F_DUMP');
      high &= ~0x300;
    }
    for (const f of GET.slice(0, 3))
      if (high & f.bit) {
        out.push(f.name);
        high &= ~f.bit;
      }
  } else if (k === 'new' || k === 'set') {
    for (const f of NEW)
      if (high & f.bit) {
        out.push(f.name);
        high &= ~f.bit;
      }
  } else if (k === 'del') {
    for (const f of DELETE)
      if (high & f.bit) {
        out.push(f.name);
        high &= ~f.bit;
      }
  }
  const rest = (flags & ~0x3f & ~0xf00) | high;
  for (let b = 0; b < 16; b++) if (rest & (1 << b)) out.push(`0x${(1 << b).toString(16)}`);
  return out;
}

/** Every name a flag can be given in an encode spec (with or without the NLM_F_ prefix). */
export function flagValue(name: string): number | undefined {
  if (typeof name !== 'string') return undefined;
  const n = name.trim().toUpperCase();
  const full = n.startsWith('NLM_F_') ? n : `NLM_F_${n}`;
  for (const f of [...STANDARD, ...GET, ...NEW, ...DELETE, ...ACK]) if (f.name === full) return f.bit;
  if (/^(0x[0-9a-f]+|\d+)$/i.test(n)) return Number(n);
  return undefined;
}

/**
 * Errnos a netlink reply can carry that the model's errno table (core/errno) has not: strerror(3)
 * as glibc words it, as messages. ENOTSUPP (524) is kernel-internal: glibc has no text for it and
 * says "Unknown error 524" (core/errno's `errno.strerror.unknown`).
 */
const MORE_STRERROR = defineMessages({
  EBUSY: { id: 'netlink.errno.strerror.EBUSY', defaultMessage: 'Device or resource busy' },
  ESRCH: { id: 'netlink.errno.strerror.ESRCH', defaultMessage: 'No such process' },
  ENXIO: { id: 'netlink.errno.strerror.ENXIO', defaultMessage: 'No such device or address' },
  ENODATA: { id: 'netlink.errno.strerror.ENODATA', defaultMessage: 'No data available' },
  EOVERFLOW: {
    id: 'netlink.errno.strerror.EOVERFLOW',
    defaultMessage: 'Value too large for defined data type',
  },
  success: { id: 'netlink.errno.strerror.success', defaultMessage: 'Success' },
  notErrno: { id: 'netlink.errno.strerror.notErrno', defaultMessage: 'Not an error number' },
});
const MORE_ERRNO: Record<number, [string, MessageDescriptor | null]> = {
  16: ['EBUSY', MORE_STRERROR.EBUSY],
  3: ['ESRCH', MORE_STRERROR.ESRCH],
  6: ['ENXIO', MORE_STRERROR.ENXIO],
  61: ['ENODATA', MORE_STRERROR.ENODATA],
  75: ['EOVERFLOW', MORE_STRERROR.EOVERFLOW],
  524: ['ENOTSUPP', null],
};

/** strerror(3) of an errno number (positive) as a message, in the reader's language. */
export function errnoMsg(n: number): Msg {
  if (typeof n !== 'number' || !Number.isInteger(n)) return msg(MORE_STRERROR.notErrno);
  if (n === 0) return msg(MORE_STRERROR.success);
  if (errnoName(n)) return strerror(n);
  const d = MORE_ERRNO[n]?.[1];
  return d ? msg(d) : strerror(n); // "Unknown error N"
}

/** An errno number (positive) as name and strerror(3) (in English: errnoMsg says it in either language). */
export function errnoText(n: number): { name: string; strerror: string } {
  const strerror = renderText(errnoMsg(n), 'en');
  if (typeof n !== 'number' || !Number.isInteger(n)) return { name: 'errno ?', strerror };
  if (n === 0) return { name: 'ACK', strerror };
  return { name: errnoName(n) ?? MORE_ERRNO[n]?.[0] ?? `errno ${n}`, strerror };
}

// ---------------------------------------------------------------- family-header values
const AF_NAMES: Record<number, string> = {
  0: 'AF_UNSPEC',
  1: 'AF_UNIX',
  2: 'AF_INET',
  7: 'AF_BRIDGE',
  10: 'AF_INET6',
  16: 'AF_NETLINK',
  17: 'AF_PACKET',
  28: 'AF_MPLS',
  128: 'RTNL_FAMILY_IPMR',
  129: 'RTNL_FAMILY_IP6MR',
};
/** ARPHRD_* (include/uapi/linux/if_arp.h): ifi_type, the device's hardware type. 0 is NET/ROM. */
const ARPHRD: Record<number, string> = Object.fromEntries(
  (
    [
      [0, 'NETROM'],
      [1, 'ETHER'],
      [2, 'EETHER'],
      [3, 'AX25'],
      [4, 'PRONET'],
      [5, 'CHAOS'],
      [6, 'IEEE802'],
      [7, 'ARCNET'],
      [8, 'APPLETLK'],
      [15, 'DLCI'],
      [19, 'ATM'],
      [23, 'METRICOM'],
      [24, 'IEEE1394'],
      [27, 'EUI64'],
      [32, 'INFINIBAND'],
      [256, 'SLIP'],
      [257, 'CSLIP'],
      [258, 'SLIP6'],
      [259, 'CSLIP6'],
      [260, 'RSRVD'],
      [264, 'ADAPT'],
      [270, 'ROSE'],
      [271, 'X25'],
      [272, 'HWX25'],
      [280, 'CAN'],
      [512, 'PPP'],
      [513, 'CISCO'],
      [516, 'LAPB'],
      [517, 'DDCMP'],
      [518, 'RAWHDLC'],
      [768, 'TUNNEL'],
      [769, 'TUNNEL6'],
      [770, 'FRAD'],
      [771, 'SKIP'],
      [772, 'LOOPBACK'],
      [773, 'LOCALTLK'],
      [774, 'FDDI'],
      [775, 'BIF'],
      [776, 'SIT'],
      [777, 'IPDDP'],
      [778, 'IPGRE'],
      [779, 'PIMREG'],
      [780, 'HIPPI'],
      [781, 'ASH'],
      [782, 'ECONET'],
      [783, 'IRDA'],
      [784, 'FCPP'],
      [785, 'FCAL'],
      [786, 'FCPL'],
      [787, 'FCFABRIC'],
      [800, 'IEEE802_TR'],
      [801, 'IEEE80211'],
      [802, 'IEEE80211_PRISM'],
      [803, 'IEEE80211_RADIOTAP'],
      [804, 'IEEE802154'],
      [805, 'IEEE802154_MONITOR'],
      [820, 'PHONET'],
      [821, 'PHONET_PIPE'],
      [822, 'CAIF'],
      [823, 'IP6GRE'],
      [824, 'NETLINK'],
      [825, '6LOWPAN'],
      [826, 'VSOCKMON'],
      [0xfffe, 'NONE'],
      [0xffff, 'VOID'],
    ] as const
  ).map(([n, name]) => [n, `ARPHRD_${name}`]),
);
const IFF = [
  'UP',
  'BROADCAST',
  'DEBUG',
  'LOOPBACK',
  'POINTOPOINT',
  'NOTRAILERS',
  'RUNNING',
  'NOARP',
  'PROMISC',
  'ALLMULTI',
  'MASTER',
  'SLAVE',
  'MULTICAST',
  'PORTSEL',
  'AUTOMEDIA',
  'DYNAMIC',
  'LOWER_UP',
  'DORMANT',
  'ECHO',
];
const IFA_F = [
  'SECONDARY',
  'NODAD',
  'OPTIMISTIC',
  'DADFAILED',
  'HOMEADDRESS',
  'DEPRECATED',
  'TENTATIVE',
  'PERMANENT',
];
const RT_SCOPE: Record<number, string> = {
  0: 'RT_SCOPE_UNIVERSE',
  200: 'RT_SCOPE_SITE',
  253: 'RT_SCOPE_LINK',
  254: 'RT_SCOPE_HOST',
  255: 'RT_SCOPE_NOWHERE',
};
const RT_TABLE: Record<number, string> = {
  0: 'RT_TABLE_UNSPEC',
  252: 'RT_TABLE_COMPAT',
  253: 'RT_TABLE_DEFAULT',
  254: 'RT_TABLE_MAIN',
  255: 'RT_TABLE_LOCAL',
};
const RTPROT: Record<number, string> = {
  0: 'RTPROT_UNSPEC',
  1: 'RTPROT_REDIRECT',
  2: 'RTPROT_KERNEL',
  3: 'RTPROT_BOOT',
  4: 'RTPROT_STATIC',
  16: 'RTPROT_DHCP',
};
const RTN = [
  'RTN_UNSPEC',
  'RTN_UNICAST',
  'RTN_LOCAL',
  'RTN_BROADCAST',
  'RTN_ANYCAST',
  'RTN_MULTICAST',
  'RTN_BLACKHOLE',
  'RTN_UNREACHABLE',
  'RTN_PROHIBIT',
  'RTN_THROW',
  'RTN_NAT',
  'RTN_XRESOLVE',
];
const bits = (v: number, names: string[], prefix: string): string => {
  const out: string[] = [];
  names.forEach((n, i) => {
    if (v & (1 << i)) out.push(prefix + n);
  });
  return out.length ? out.join('|') : '0';
};

/** How a family-header member's value reads (`ifi_flags` as IFF_UP|IFF_LOOPBACK…). */
export function headerValueDisplay(member: string, v: number): string {
  if (typeof v !== 'number') return '?';
  switch (member) {
    case 'ifi_family':
    case 'ifa_family':
    case 'rtm_family':
    case 'ndm_family':
      return `${v} (${AF_NAMES[v] ?? '?'})`;
    case 'ifi_type':
      return `${v} (${ARPHRD[v] ?? 'ARPHRD_?'})`;
    case 'ifi_flags':
    case 'ifi_change':
      return `0x${(v >>> 0).toString(16)} (${bits(v, IFF, 'IFF_')})`;
    case 'ifa_flags':
      return `0x${v.toString(16)} (${bits(v, IFA_F, 'IFA_F_')})`;
    case 'ifa_scope':
    case 'rtm_scope':
      return `${v} (${RT_SCOPE[v] ?? 'user scope'})`;
    case 'rtm_table':
      return `${v} (${RT_TABLE[v] ?? 'table'})`;
    case 'rtm_protocol':
      return `${v} (${RTPROT[v] ?? 'RTPROT_?'})`;
    case 'rtm_type':
      return `${v} (${RTN[v] ?? 'RTN_?'})`;
    default:
      return String(v);
  }
}

export function genlCmdName(type: number, cmd: number): string {
  const c = typeof cmd === 'number' ? cmd : NaN;
  return type === GENL_ID_CTRL ? (CTRL_CMDS[c] ?? `cmd ${c}`) : `cmd ${c}`;
}
