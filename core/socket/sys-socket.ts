/**
 * socket(2) from the syscall to pf->create: __sys_socket / __sys_socket_create (flag bits),
 * __sock_create (family range, type range, PF_INET+SOCK_PACKET → PF_PACKET, net_families[]),
 * then the family's create function. Returns the created socket with its tables, or the
 * errno with the function that returned it; always with the trace.
 */
import { defineMessages, msg, msgOptional, type Msg } from '../i18n/index.ts';
import { hexNumber } from '../hex/index.ts';
import {
  AF,
  AF_MAX,
  SOCK,
  SOCK_CLOEXEC,
  SOCK_MAX,
  SOCK_NONBLOCK,
  SOCK_TYPE_MASK,
  familyName,
  typeName,
} from './constants.ts';
import {
  familyLabel,
  netlinkCreate,
  packetCreate,
  unixCreate,
  vsockCreate,
  xskCreate,
} from './family-create.ts';
import { inet6Create, inetCreate } from './inet-create.ts';
import { fnTable } from './ops-tables.ts';
import { pushStep, type PfCreate } from './pf-create.ts';
import { DEFAULT_PROFILE } from './profile.ts';
import type { FnTable, KernelProfile, SocketRequest, SocketResult, SocketStep } from './types.ts';

const SOCKET_C = 'net/socket.c';

const M = defineMessages({
  entry: {
    id: 'socket.sys.entry',
    defaultMessage:
      '<code>socket({family}, {type}, {protocol})</code>; <code>update_socket_protocol()</code> (a BPF hook, no program attached) leaves the protocol as is',
    description:
      '__sys_socket, the first step of socket(2). family/type: symbolic names; protocol: the number.',
  },
  badFlags: {
    id: 'socket.sys.badFlags',
    defaultMessage:
      '<code>type</code> has flag bits <code>{bits}</code> besides <code>SOCK_NONBLOCK</code> (0x800) and <code>SOCK_CLOEXEC</code> (0x80000)',
    description: '__sys_socket_create refuses with EINVAL. bits: the unknown bits in hex (0x100).',
  },
  flagsAllowed: {
    id: 'socket.sys.flagsAllowed',
    defaultMessage:
      'flag bits <code>{flags}</code> are allowed; <code>type &= SOCK_TYPE_MASK</code> → {type}',
    description: 'flags: SOCK_NONBLOCK|SOCK_CLOEXEC as set; type: the socket type number left.',
  },
  noFlags: {
    id: 'socket.sys.noFlags',
    defaultMessage: 'no flag bits; <code>type &= SOCK_TYPE_MASK</code> → {type}',
  },
  familyRange: {
    id: 'socket.sys.familyRange',
    defaultMessage: 'family {family} is outside <code>0..NPROTO-1</code> (<code>AF_MAX</code> = {max})',
    description: '__sock_create refuses with EAFNOSUPPORT.',
  },
  typeRange: {
    id: 'socket.sys.typeRange',
    defaultMessage: 'type {type} is outside <code>0..SOCK_MAX-1</code> ({max})',
    description: '__sock_create refuses with EINVAL.',
  },
  inetPacket: {
    id: 'socket.sys.inetPacket',
    defaultMessage:
      '<code>(PF_INET, SOCK_PACKET)</code> is obsolete: the family is rewritten to <code>PF_PACKET</code> (<code>"uses obsolete (PF_INET,SOCK_PACKET)"</code>)',
    description: 'The quoted text is what the kernel logs (pr_info_once); keep it as is.',
  },
  inRange: {
    id: 'socket.sys.inRange',
    defaultMessage:
      'family <code>{family}</code> and type <code>{type}</code> are in range; <code>security_socket_create</code> allows; <code>sock_alloc()</code>; <code>sock->type = {typeNum}</code>',
  },
  noFamilyModules: {
    id: 'socket.sys.noFamilyModules',
    defaultMessage:
      '<code>net_families[{index}]</code> is NULL: <code>{family}</code> is not registered in this kernel (<code>request_module("net-pf-{index}")</code> found nothing)',
    description: '__sock_create refuses with EAFNOSUPPORT on a kernel with loadable modules.',
  },
  noFamily: {
    id: 'socket.sys.noFamily',
    defaultMessage:
      '<code>net_families[{index}]</code> is NULL: <code>{family}</code> is not registered in this kernel (and it cannot load modules)',
    description: '__sock_create refuses with EAFNOSUPPORT on a kernel without loadable modules.',
  },
  pfCreate: {
    id: 'socket.sys.pfCreate',
    defaultMessage: '<code>pf = net_families[{index}]</code>; <code>pf->create = {fn}</code>',
  },
  mapFd: {
    id: 'socket.sys.mapFd',
    defaultMessage:
      'the socket gets the lowest free fd; <code>SO_DOMAIN/SO_TYPE/SO_PROTOCOL</code> read {domain}/{type}/{protocol}',
  },
  mapFdFlags: {
    id: 'socket.sys.mapFdFlags',
    defaultMessage:
      'the socket gets the lowest free fd with <code>{flags}</code>; <code>SO_DOMAIN/SO_TYPE/SO_PROTOCOL</code> read {domain}/{type}/{protocol}',
    description: 'flags: O_NONBLOCK and/or O_CLOEXEC joined with " | ".',
  },
});

/** The families whose create function is modelled: net_families[family]->create. */
export const FAMILY_CREATE: ReadonlyMap<number, { fn: string; file: string; create: PfCreate }> = new Map([
  [AF.AF_UNIX, { fn: 'unix_create', file: 'net/unix/af_unix.c', create: unixCreate }],
  [AF.AF_INET, { fn: 'inet_create', file: 'net/ipv4/af_inet.c', create: inetCreate }],
  [AF.AF_INET6, { fn: 'inet6_create', file: 'net/ipv6/af_inet6.c', create: inet6Create }],
  [AF.AF_NETLINK, { fn: 'netlink_create', file: 'net/netlink/af_netlink.c', create: netlinkCreate }],
  [AF.AF_PACKET, { fn: 'packet_create', file: 'net/packet/af_packet.c', create: packetCreate }],
  [AF.AF_VSOCK, { fn: 'vsock_create', file: 'net/vmw_vsock/af_vsock.c', create: vsockCreate }],
  [AF.AF_XDP, { fn: 'xsk_create', file: 'net/xdp/xsk.c', create: xskCreate }],
]);

/** C's conversion of a syscall argument to `int`: the low 32 bits, signed. */
export function toCInt(n: number): number {
  return Number.isFinite(n) ? Math.trunc(n) | 0 : 0;
}

const EMPTY_TABLE = (name: string): FnTable => ({ name, file: '', slots: [] });

/**
 * socket(family, type, protocol) as __sys_socket runs it. Never throws: any numbers are
 * taken as C ints; the profile says which kernel and which caller.
 */
export function sysSocket(
  family: number,
  type: number,
  protocol: number,
  profile: KernelProfile = DEFAULT_PROFILE,
): SocketResult {
  const request: SocketRequest = { family: toCInt(family), type: toCInt(type), protocol: toCInt(protocol) };
  const steps: SocketStep[] = [];
  const base = { request, profile: profile.id, privilege: profile.caller.privilege };
  const failed = (errno: SocketStep['snapshot']['errno'] & string, fn: string, file: string, why: Msg) => ({
    ok: false as const,
    errno,
    fn,
    file,
    why,
    ...base,
    trace: steps,
  });

  pushStep(
    steps,
    '__sys_socket',
    SOCKET_C,
    msg(M.entry, {
      family: familyName(request.family),
      type: typeName(request.type),
      protocol: request.protocol,
    }),
    { family: request.family, type: request.type, protocol: request.protocol },
  );

  // __sys_socket_create: everything above the low four bits must be SOCK_NONBLOCK or SOCK_CLOEXEC.
  const flags = request.type & ~SOCK_TYPE_MASK;
  const bad = flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK);
  if (bad) {
    const why = msg(M.badFlags, { bits: hexNumber(bad >>> 0) });
    pushStep(steps, '__sys_socket_create', SOCKET_C, why, {
      family: request.family,
      type: request.type,
      protocol: request.protocol,
      errno: 'EINVAL',
    });
    return failed('EINVAL', '__sys_socket_create', SOCKET_C, why);
  }
  const sockType = request.type & SOCK_TYPE_MASK;
  pushStep(
    steps,
    '__sys_socket_create',
    SOCKET_C,
    flags
      ? msg(M.flagsAllowed, { flags: typeName(flags).replace(/^0\|/, ''), type: sockType })
      : msg(M.noFlags, { type: sockType }),
    { family: request.family, type: sockType, protocol: request.protocol, flags },
  );

  return sockCreateSteps(request, sockType, flags, profile, steps);
}

/** __sock_create and what follows it, appending to `steps`. */
function sockCreateSteps(
  request: SocketRequest,
  type: number,
  flags: number,
  profile: KernelProfile,
  steps: SocketStep[],
): SocketResult {
  let sockType = type;
  const base = { request, profile: profile.id, privilege: profile.caller.privilege };
  const failed = (errno: SocketStep['snapshot']['errno'] & string, fn: string, file: string, why: Msg) => ({
    ok: false as const,
    errno,
    fn,
    file,
    why,
    ...base,
    trace: steps,
  });
  let fam = request.family;
  const proto = request.protocol;
  if (fam < 0 || fam >= AF_MAX) {
    const why = msg(M.familyRange, { family: fam, max: AF_MAX });
    pushStep(steps, '__sock_create', SOCKET_C, why, {
      family: fam,
      type: sockType,
      protocol: proto,
      errno: 'EAFNOSUPPORT',
    });
    return failed('EAFNOSUPPORT', '__sock_create', SOCKET_C, why);
  }
  if (sockType < 0 || sockType >= SOCK_MAX) {
    const why = msg(M.typeRange, { type: sockType, max: SOCK_MAX - 1 });
    pushStep(steps, '__sock_create', SOCKET_C, why, {
      family: fam,
      type: sockType,
      protocol: proto,
      errno: 'EINVAL',
    });
    return failed('EINVAL', '__sock_create', SOCKET_C, why);
  }
  if (fam === AF.AF_INET && sockType === SOCK.SOCK_PACKET) {
    fam = AF.AF_PACKET;
    pushStep(steps, '__sock_create', SOCKET_C, msg(M.inetPacket), {
      family: fam,
      type: sockType,
      protocol: proto,
    });
  } else {
    pushStep(
      steps,
      '__sock_create',
      SOCKET_C,
      msg(M.inRange, { family: familyLabel(fam), type: typeName(sockType), typeNum: sockType }),
      { family: fam, type: sockType, protocol: proto },
    );
  }

  const pf = profile.families.includes(fam) ? FAMILY_CREATE.get(fam) : undefined;
  if (!pf) {
    const why = msg(profile.modules ? M.noFamilyModules : M.noFamily, {
      index: fam,
      family: familyLabel(fam),
    });
    pushStep(steps, '__sock_create', SOCKET_C, why, {
      family: fam,
      type: sockType,
      protocol: proto,
      errno: 'EAFNOSUPPORT',
    });
    return failed('EAFNOSUPPORT', '__sock_create', SOCKET_C, why);
  }
  pushStep(steps, '__sock_create', SOCKET_C, msg(M.pfCreate, { index: fam, fn: pf.fn }), {
    family: fam,
    type: sockType,
    protocol: proto,
  });

  const r = pf.create({ profile, type: sockType, protocol: proto, steps });
  if (!r.ok) return failed(r.errno, r.fn, r.file, r.why);
  sockType = r.sk_type;

  const ops = fnTable(r.ops) ?? EMPTY_TABLE(r.ops);
  const prot = fnTable(r.prot) ?? EMPTY_TABLE(r.prot);
  const nonblock = (flags & SOCK_NONBLOCK) !== 0;
  const cloexec = (flags & SOCK_CLOEXEC) !== 0;
  pushStep(
    steps,
    'sock_map_fd',
    SOCKET_C,
    msgOptional(nonblock || cloexec ? M.mapFdFlags : M.mapFd, {
      flags:
        nonblock || cloexec
          ? [nonblock && 'O_NONBLOCK', cloexec && 'O_CLOEXEC'].filter(Boolean).join(' | ')
          : undefined,
      domain: r.sk_family,
      type: r.sk_type,
      protocol: r.sk_protocol,
    }),
    { family: r.sk_family, type: r.sk_type, protocol: r.sk_protocol, flags, ops: r.ops, prot: r.prot },
  );
  return {
    ok: true,
    ...base,
    so_domain: r.sk_family,
    so_type: sockType,
    so_protocol: r.sk_protocol,
    nonblock,
    cloexec,
    ops,
    prot,
    details: r.details,
    trace: steps,
  };
}

/**
 * __sock_create(family, type, protocol) on its own: `type` is taken as the kernel receives it
 * there, without the flag split of __sys_socket_create (so flag bits fail the type range check).
 */
export function sockCreate(
  family: number,
  type: number,
  protocol: number,
  profile: KernelProfile = DEFAULT_PROFILE,
): SocketResult {
  const request: SocketRequest = { family: toCInt(family), type: toCInt(type), protocol: toCInt(protocol) };
  return sockCreateSteps(request, request.type, 0, profile, []);
}
