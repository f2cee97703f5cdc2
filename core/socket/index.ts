/**
 * core/socket — socket(2) from __sys_socket through __sock_create and pf->create (inet_create
 * and its inetsw walk, inet6_create, netlink_create, unix_create, packet_create, vsock_create,
 * xsk_create) to the proto_ops / proto tables, and the dispatch of socket calls through them.
 */
export * from './types.ts';
export {
  AF,
  AF_MAX,
  SOCK,
  SOCK_MAX,
  SOCK_TYPE_MASK,
  SOCK_NONBLOCK,
  SOCK_CLOEXEC,
  IPPROTO,
  IPPROTO_MAX,
  NETLINK,
  MAX_LINKS,
  ETH_P,
  htons,
  familyName,
  typeName,
  protocolName,
} from './constants.ts';
export {
  LINUX_6_18_FC,
  DEFAULT_PROFILE,
  CALLER_ROOT,
  CALLER_UNPRIVILEGED,
  INETSW_ARRAY,
  withCaller,
  profileFor,
} from './profile.ts';
export { sysSocket, sockCreate, toCInt, FAMILY_CREATE } from './sys-socket.ts';
export {
  inetCreate,
  inet6Create,
  inetswLookup,
  inetswList,
  inetRegisterProtosw,
  buildInetsw,
  INETSW_OUTCOME_LABEL,
} from './inet-create.ts';
export { netlinkCreate, unixCreate, packetCreate, vsockCreate, xskCreate } from './family-create.ts';
export type { PfCreateArgs, PfCreateResult } from './pf-create.ts';
export { fnTable, slotOf, SOCK_NO_STUBS, TABLE_NAMES } from './ops-tables.ts';
export { sockDispatch, usedSlots, type DispatchOptions } from './dispatch.ts';
export {
  parseDomain,
  parseType,
  parseProtocol,
  parseSocketCall,
  parseIntLiteral,
  asSentence,
  protocolNamespace,
  protocolChoices,
  type Parsed,
  type ParseError,
  type ParseResult,
  type ParsedCall,
  type ProtocolNamespace,
} from './parse.ts';
