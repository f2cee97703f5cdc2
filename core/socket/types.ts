/** Types of the socket-creation and dispatch model (core/socket). */
import type { Errno, KernelError } from '../errno/index.ts';
import type { Msg } from '../i18n/msg.ts';
import type { TraceStep } from '../trace/index.ts';

/** Capabilities the modelled create functions test with ns_capable(). */
export type Capability = 'CAP_NET_RAW' | 'CAP_NET_ADMIN' | 'CAP_NET_BIND_SERVICE';

/** Who calls socket(): the credentials ping_init_sock and ns_capable() look at. */
export interface Caller {
  /** `root` (all capabilities) or `unprivileged` (uid 65534, no capabilities), as the oracle names them. */
  privilege: 'root' | 'unprivileged';
  uid: number;
  /** current_egid(). */
  egid: number;
  /** Supplementary groups (get_current_groups()). */
  groups: readonly number[];
  capabilities: readonly Capability[];
}

/** INET_PROTOSW_* flags (include/net/protocol.h). */
export type ProtoswFlag = 'PERMANENT' | 'ICSK' | 'REUSE';

/** One `struct inet_protosw`: what inet_create / inet6_create needs to build a socket. */
export interface InetProtosw {
  type: number;
  /** 0 (IPPROTO_IP) is the wildcard entry. */
  protocol: number;
  /** `sk->sk_prot`, e.g. `udp_prot`. */
  prot: string;
  /** `sock->ops`, e.g. `inet_dgram_ops`. */
  ops: string;
  flags: readonly ProtoswFlag[];
  /** The function that registers the entry and its file, e.g. `udplite4_register`, `net/ipv4/udplite.c`. */
  registeredBy: string;
  file: string;
}

/** AF_VSOCK transports a kernel has (net/vmw_vsock/af_vsock.c: transport_g2h/h2g/dgram/local). */
export interface VsockTransports {
  g2h: string | null;
  h2g: string | null;
  dgram: string | null;
  local: string | null;
}

/** What a given kernel has: the model's inputs besides the call itself. */
export interface KernelProfile {
  /** Short id, e.g. `linux-6.18.44-fc`. */
  id: string;
  /** For people: which kernel this is and where the facts come from. */
  description: Msg;
  /** `uname -r` of the kernel the profile was taken from. */
  release: string;
  /** CONFIG_MODULES: whether request_module() can load anything (it changes nothing in the model). */
  modules: boolean;
  /** Families with a registered `net_families[]` entry (sock_register). */
  families: readonly number[];
  /** inet_protosw registrations in the order the kernel makes them (inet_init, udplite4_register, mptcp_proto_init…). */
  inetsw: readonly InetProtosw[];
  /** inet6_register_protosw registrations, in order (inet6_init). */
  inetsw6: readonly InetProtosw[];
  /** Netlink protocols whose nl_table[] entry is registered (a kernel socket exists). */
  netlinkRegistered: readonly number[];
  /** net.ipv4.ping_group_range [low, high], inclusive; the per-netns default is [1, 0] (nobody). */
  pingGroupRange: readonly [number, number];
  /** net.mptcp.enabled: mptcp_init_sock returns ENOPROTOOPT when 0. */
  mptcpEnabled: boolean;
  vsockTransports: VsockTransports;
  /** The calling process. */
  caller: Caller;
}

/** How one entry of `inetsw[type]` fared in the lookup loop of inet_create / inet6_create. */
export type InetswOutcome = 'matched' | 'default' | 'wildcard' | 'skipped';

export interface InetswWalkStep {
  index: number;
  protocol: number;
  prot: string;
  ops: string;
  outcome: InetswOutcome;
  why: Msg;
}

/** What the socket panels draw at a step. */
export interface SocketSnapshot {
  /** The family, type and protocol as the kernel holds them at this step. */
  family: number;
  type: number;
  protocol: number;
  /** The flag bits of `type` (SOCK_NONBLOCK / SOCK_CLOEXEC) once split off. */
  flags?: number;
  /** For the inet lookup: the list that was walked and the walk so far. */
  inetsw?: { family: number; type: number; list: readonly InetProtosw[]; walk: readonly InetswWalkStep[] };
  ops?: string;
  prot?: string | null;
  /** Set on the step that returns an error. */
  errno?: Errno;
}

export type SocketStep = TraceStep<SocketSnapshot, Msg>;

/** The call as the user made it. */
export interface SocketRequest {
  family: number;
  type: number;
  protocol: number;
}

/** One slot of a `struct proto_ops` or `struct proto`: field → function. */
export interface TableSlot {
  field: string;
  fn: string;
  /** A `sock_no_*` stub: the operation is refused with `errno`. */
  stub?: { errno: Errno };
}

/** A function table (`struct proto_ops` or `struct proto`) with where it is defined. */
export interface FnTable {
  name: string;
  file: string;
  /** `struct proto.name` as /proc/net/protocols shows it (proto tables only). */
  displayName?: string;
  slots: readonly TableSlot[];
}

export interface SocketCreated {
  ok: true;
  request: SocketRequest;
  /** What getsockopt(SO_DOMAIN / SO_TYPE / SO_PROTOCOL) reads back. */
  so_domain: number;
  so_type: number;
  so_protocol: number;
  nonblock: boolean;
  cloexec: boolean;
  ops: FnTable;
  /** `sk->sk_prot`. */
  prot: FnTable;
  /** Facts the create function set that the panels show (inet_num, HDRINCL, po->num…). */
  details: Readonly<Record<string, string | number | boolean>>;
  profile: string;
  privilege: Caller['privilege'];
  trace: readonly SocketStep[];
}

export interface SocketFailed extends KernelError<Msg> {
  request: SocketRequest;
  profile: string;
  privilege: Caller['privilege'];
  trace: readonly SocketStep[];
}

export type SocketResult = SocketCreated | SocketFailed;

/** Socket-layer operations the dispatch model follows. */
export const SOCKET_OPS = [
  'connect',
  'bind',
  'listen',
  'accept',
  'sendmsg',
  'recvmsg',
  'shutdown',
  'setsockopt',
  'getsockopt',
  'poll',
  'ioctl',
  'mmap',
] as const;
export type SocketOp = (typeof SOCKET_OPS)[number];

/** A link of a dispatch chain; `layer` says which table (if any) the function was reached through. */
export interface DispatchSnapshot {
  layer: 'syscall' | 'proto_ops' | 'proto' | 'helper';
  /** `sock->ops->connect` / `sk->sk_prot->connect` for table calls. */
  via?: string;
  table?: string;
  field?: string;
  errno?: Errno;
}
export type DispatchStep = TraceStep<DispatchSnapshot, Msg>;

export interface DispatchResult {
  op: SocketOp;
  /** Ordered: syscall entry first, the deepest function reached last. */
  chain: readonly DispatchStep[];
  /** The proto_ops / proto fields the operation used (for highlighting). */
  opsField: string | null;
  protoField: string | null;
  /** When the chain ends in a refusal that does not depend on arguments (a stub, a missing slot). */
  error: KernelError<Msg> | null;
  /** What the call does to a freshly created socket, when that is fixed (e.g. shutdown → ENOTCONN). */
  note: Msg;
}
