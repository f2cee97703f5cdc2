/**
 * The create functions of the other families a kernel may register: netlink_create,
 * unix_create, packet_create, vsock_create, xsk_create. Each checks in the kernel's order.
 */
import { hexNumber } from '../hex/index.ts';
import { AF, MAX_LINKS, SOCK, familyName, typeName } from './constants.ts';
import { fail, pushStep, type PfCreateArgs, type PfCreateResult } from './pf-create.ts';
import { capable } from './profile.ts';

const { SOCK_STREAM, SOCK_DGRAM, SOCK_RAW, SOCK_SEQPACKET, SOCK_PACKET } = SOCK;

const NETLINK_C = 'net/netlink/af_netlink.c';

/** netlink_create: type, protocol range (MAX_LINKS), then nl_table[protocol].registered. */
export function netlinkCreate({ profile, type, protocol, steps }: PfCreateArgs): PfCreateResult {
  const family = AF.AF_NETLINK;
  const snap = { family, type, protocol };
  if (type !== SOCK_RAW && type !== SOCK_DGRAM)
    return fail(
      steps,
      'ESOCKTNOSUPPORT',
      'netlink_create',
      NETLINK_C,
      `netlink sockets are SOCK_RAW or SOCK_DGRAM, not ${typeName(type)}`,
      snap,
    );
  if (protocol < 0 || protocol >= MAX_LINKS)
    return fail(
      steps,
      'EPROTONOSUPPORT',
      'netlink_create',
      NETLINK_C,
      `protocol ${protocol} is outside 0..MAX_LINKS-1 (${MAX_LINKS - 1})`,
      snap,
    );
  if (!profile.netlinkRegistered.includes(protocol)) {
    if (profile.modules)
      pushStep(
        steps,
        'request_module',
        'kernel/module/kmod.c',
        `nl_table[${protocol}] is not registered: ask for "net-pf-16-proto-${protocol}"`,
        snap,
      );
    return fail(
      steps,
      'EPROTONOSUPPORT',
      'netlink_create',
      NETLINK_C,
      `nl_table[${protocol}] is not registered: no kernel socket serves this netlink protocol in this kernel`,
      snap,
    );
  }
  pushStep(
    steps,
    '__netlink_create',
    NETLINK_C,
    `nl_table[${protocol}] is registered; sock->ops = netlink_ops; sk_alloc(PF_NETLINK, netlink_proto); sk_protocol = ${protocol}`,
    { ...snap, ops: 'netlink_ops', prot: 'netlink_proto' },
  );
  return {
    ok: true,
    sk_family: family,
    sk_type: type,
    sk_protocol: protocol,
    ops: 'netlink_ops',
    prot: 'netlink_proto',
    details: {},
  };
}

const UNIX_C = 'net/unix/af_unix.c';

/** unix_create: protocol 0 or PF_UNIX first, then the type (SOCK_RAW quietly becomes SOCK_DGRAM). */
export function unixCreate({ type, protocol, steps }: PfCreateArgs): PfCreateResult {
  const family = AF.AF_UNIX;
  if (protocol !== 0 && protocol !== AF.AF_UNIX)
    return fail(
      steps,
      'EPROTONOSUPPORT',
      'unix_create',
      UNIX_C,
      `protocol must be 0 or PF_UNIX (1), not ${protocol} (checked before the type)`,
      { family, type, protocol },
    );
  let ops: string;
  let sockType = type;
  switch (type) {
    case SOCK_STREAM:
      ops = 'unix_stream_ops';
      break;
    case SOCK_RAW:
      // "Believe it or not BSD has AF_UNIX, SOCK_RAW though nothing uses it."
      sockType = SOCK_DGRAM;
      pushStep(steps, 'unix_create', UNIX_C, 'SOCK_RAW is rewritten: sock->type = SOCK_DGRAM', {
        family,
        type: sockType,
        protocol,
      });
      ops = 'unix_dgram_ops';
      break;
    case SOCK_DGRAM:
      ops = 'unix_dgram_ops';
      break;
    case SOCK_SEQPACKET:
      ops = 'unix_seqpacket_ops';
      break;
    default:
      return fail(
        steps,
        'ESOCKTNOSUPPORT',
        'unix_create',
        UNIX_C,
        `AF_UNIX has stream, datagram and seqpacket sockets, not ${typeName(type)}`,
        { family, type, protocol },
      );
  }
  const prot = sockType === SOCK_STREAM ? 'unix_stream_proto' : 'unix_dgram_proto';
  pushStep(
    steps,
    'unix_create1',
    UNIX_C,
    `sock->ops = ${ops}; sk_alloc(PF_UNIX, ${prot}); sk_protocol is left 0`,
    { family, type: sockType, protocol: 0, ops, prot },
  );
  return { ok: true, sk_family: family, sk_type: sockType, sk_protocol: 0, ops, prot, details: {} };
}

const PACKET_C = 'net/packet/af_packet.c';

/** packet_create: CAP_NET_RAW before anything else, then the type; protocol is a __be16 ethertype. */
export function packetCreate({ profile, type, protocol, steps }: PfCreateArgs): PfCreateResult {
  const family = AF.AF_PACKET;
  const snap = { family, type, protocol };
  if (!capable(profile, 'CAP_NET_RAW'))
    return fail(
      steps,
      'EPERM',
      'packet_create',
      PACKET_C,
      'packet sockets need CAP_NET_RAW (checked first)',
      snap,
    );
  if (type !== SOCK_DGRAM && type !== SOCK_RAW && type !== SOCK_PACKET)
    return fail(
      steps,
      'ESOCKTNOSUPPORT',
      'packet_create',
      PACKET_C,
      `packet sockets are SOCK_DGRAM, SOCK_RAW or SOCK_PACKET, not ${typeName(type)}`,
      snap,
    );
  const ops = type === SOCK_PACKET ? 'packet_ops_spkt' : 'packet_ops';
  // `__be16 proto = (__force __be16)protocol;  /* weird, but documented */`
  const num = protocol & 0xffff;
  const host = ((num & 0xff) << 8) | (num >> 8);
  pushStep(
    steps,
    'packet_create',
    PACKET_C,
    `sock->ops = ${ops}; po->num = ${hexNumber(num, 4)} (network order, ethertype ${hexNumber(host, 4)})` +
      (num ? '; a protocol hook is registered' : '; protocol 0: nothing is received until bind()') +
      '; sk_protocol is left 0',
    { family, type, protocol: 0, ops, prot: 'packet_proto' },
  );
  return {
    ok: true,
    sk_family: family,
    sk_type: type,
    sk_protocol: 0,
    ops,
    prot: 'packet_proto',
    details: { po_num: num, ethertype: host },
  };
}

const VSOCK_C = 'net/vmw_vsock/af_vsock.c';

/** vsock_create: protocol 0 or PF_VSOCK, the type, then a datagram transport for SOCK_DGRAM. */
export function vsockCreate({ profile, type, protocol, steps }: PfCreateArgs): PfCreateResult {
  const family = AF.AF_VSOCK;
  const snap = { family, type, protocol };
  if (protocol !== 0 && protocol !== AF.AF_VSOCK)
    return fail(
      steps,
      'EPROTONOSUPPORT',
      'vsock_create',
      VSOCK_C,
      'protocol must be 0 or PF_VSOCK (40)',
      snap,
    );
  const ops =
    type === SOCK_DGRAM
      ? 'vsock_dgram_ops'
      : type === SOCK_STREAM
        ? 'vsock_stream_ops'
        : type === SOCK_SEQPACKET
          ? 'vsock_seqpacket_ops'
          : null;
  if (!ops)
    return fail(
      steps,
      'ESOCKTNOSUPPORT',
      'vsock_create',
      VSOCK_C,
      `vsock sockets are SOCK_STREAM, SOCK_DGRAM or SOCK_SEQPACKET, not ${typeName(type)}`,
      snap,
    );
  pushStep(steps, '__vsock_create', VSOCK_C, `sock->ops = ${ops}; sk_alloc(PF_VSOCK, vsock_proto)`, {
    ...snap,
    ops,
    prot: 'vsock_proto',
  });
  if (type === SOCK_DGRAM) {
    const t = profile.vsockTransports.dgram;
    if (!t)
      return fail(
        steps,
        'ENODEV',
        'vsock_assign_transport',
        VSOCK_C,
        'a datagram vsock needs a datagram transport at creation and this kernel has none ' +
          `(only ${profile.vsockTransports.g2h ?? 'no'} guest-to-host transport)`,
        snap,
      );
    pushStep(steps, 'vsock_assign_transport', VSOCK_C, `datagram transport: ${t}`, snap);
  }
  return {
    ok: true,
    sk_family: family,
    sk_type: type,
    sk_protocol: 0,
    ops,
    prot: 'vsock_proto',
    details: {},
  };
}

const XSK_C = 'net/xdp/xsk.c';

/** xsk_create: CAP_NET_RAW, SOCK_RAW only, protocol 0 only. */
export function xskCreate({ profile, type, protocol, steps }: PfCreateArgs): PfCreateResult {
  const family = AF.AF_XDP;
  const snap = { family, type, protocol };
  if (!capable(profile, 'CAP_NET_RAW'))
    return fail(steps, 'EPERM', 'xsk_create', XSK_C, 'AF_XDP sockets need CAP_NET_RAW (checked first)', snap);
  if (type !== SOCK_RAW)
    return fail(
      steps,
      'ESOCKTNOSUPPORT',
      'xsk_create',
      XSK_C,
      `AF_XDP sockets are SOCK_RAW only, not ${typeName(type)}`,
      snap,
    );
  if (protocol !== 0)
    return fail(steps, 'EPROTONOSUPPORT', 'xsk_create', XSK_C, 'AF_XDP takes protocol 0 only', snap);
  pushStep(steps, 'xsk_create', XSK_C, 'sock->ops = xsk_proto_ops; sk_alloc(PF_XDP, xsk_proto)', {
    ...snap,
    ops: 'xsk_proto_ops',
    prot: 'xsk_proto',
  });
  return {
    ok: true,
    sk_family: family,
    sk_type: type,
    sk_protocol: 0,
    ops: 'xsk_proto_ops',
    prot: 'xsk_proto',
    details: {},
  };
}

/** For messages: "AF_VSOCK (40)". */
export function familyLabel(family: number): string {
  const n = familyName(family);
  return n === String(family) ? n : `${n} (${family})`;
}
