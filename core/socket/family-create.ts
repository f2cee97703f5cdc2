/**
 * The create functions of the other families a kernel may register: netlink_create,
 * unix_create, packet_create, vsock_create, xsk_create. Each checks in the kernel's order.
 */
import { defineMessages, msg } from '../i18n/index.ts';
import { hexNumber } from '../hex/index.ts';
import { AF, MAX_LINKS, SOCK, familyName, typeName } from './constants.ts';
import { fail, pushStep, type PfCreateArgs, type PfCreateResult } from './pf-create.ts';
import { capable } from './profile.ts';

const M = defineMessages({
  netlinkType: {
    id: 'socket.netlink.type',
    defaultMessage:
      'netlink sockets are <code>SOCK_RAW</code> or <code>SOCK_DGRAM</code>, not <code>{type}</code>',
  },
  netlinkRange: {
    id: 'socket.netlink.range',
    defaultMessage: 'protocol {protocol} is outside <code>0..MAX_LINKS-1</code> ({max})',
  },
  netlinkRequestModule: {
    id: 'socket.netlink.requestModule',
    defaultMessage:
      '<code>nl_table[{protocol}]</code> is not registered: ask for <code>"net-pf-16-proto-{protocol}"</code>',
  },
  netlinkUnregistered: {
    id: 'socket.netlink.unregistered',
    defaultMessage:
      '<code>nl_table[{protocol}]</code> is not registered: no kernel socket serves this netlink protocol in this kernel',
  },
  netlinkCreated: {
    id: 'socket.netlink.created',
    defaultMessage:
      '<code>nl_table[{protocol}]</code> is registered; <code>sock->ops = netlink_ops</code>; <code>sk_alloc(PF_NETLINK, netlink_proto)</code>; <code>sk_protocol = {protocol}</code>',
  },
  unixProtocol: {
    id: 'socket.unix.protocol',
    defaultMessage:
      'protocol must be 0 or <code>PF_UNIX</code> (1), not {protocol} (checked before the type)',
  },
  unixRawRewritten: {
    id: 'socket.unix.rawRewritten',
    defaultMessage: '<code>SOCK_RAW</code> is rewritten: <code>sock->type = SOCK_DGRAM</code>',
  },
  unixType: {
    id: 'socket.unix.type',
    defaultMessage:
      '<code>AF_UNIX</code> has stream, datagram and seqpacket sockets, not <code>{type}</code>',
  },
  unixCreated: {
    id: 'socket.unix.created',
    defaultMessage:
      '<code>sock->ops = {ops}</code>; <code>sk_alloc(PF_UNIX, {prot})</code>; <code>sk_protocol</code> is left 0',
  },
  packetCap: {
    id: 'socket.packet.cap',
    defaultMessage: 'packet sockets need <code>CAP_NET_RAW</code> (checked first)',
  },
  packetType: {
    id: 'socket.packet.type',
    defaultMessage:
      'packet sockets are <code>SOCK_DGRAM</code>, <code>SOCK_RAW</code> or <code>SOCK_PACKET</code>, not <code>{type}</code>',
  },
  packetCreated: {
    id: 'socket.packet.created',
    defaultMessage:
      '<code>sock->ops = {ops}</code>; <code>po->num = {num}</code> (network order, ethertype {ethertype}){hook, select, yes {; a protocol hook is registered} other {; protocol 0: nothing is received until <code>bind()</code>}}; <code>sk_protocol</code> is left 0',
    description:
      'num: the protocol in network byte order (0x0300); ethertype: the same in host order (0x0003); hook: "yes" unless 0.',
  },
  vsockProtocol: {
    id: 'socket.vsock.protocol',
    defaultMessage: 'protocol must be 0 or <code>PF_VSOCK</code> (40)',
  },
  vsockType: {
    id: 'socket.vsock.type',
    defaultMessage:
      'vsock sockets are <code>SOCK_STREAM</code>, <code>SOCK_DGRAM</code> or <code>SOCK_SEQPACKET</code>, not <code>{type}</code>',
  },
  vsockCreated: {
    id: 'socket.vsock.created',
    defaultMessage: '<code>sock->ops = {ops}</code>; <code>sk_alloc(PF_VSOCK, vsock_proto)</code>',
  },
  vsockNoDgram: {
    id: 'socket.vsock.noDgram',
    defaultMessage:
      'a datagram vsock needs a datagram transport at creation and this kernel has none (only <code>{g2h}</code> guest-to-host transport)',
    description:
      'vsock_assign_transport fails with ENODEV. g2h: the guest-to-host transport it has (virtio_transport).',
  },
  vsockNoTransport: {
    id: 'socket.vsock.noTransport',
    defaultMessage:
      'a datagram vsock needs a datagram transport at creation and this kernel has none (nor any guest-to-host transport)',
  },
  vsockDgram: {
    id: 'socket.vsock.dgram',
    defaultMessage: 'datagram transport: <code>{transport}</code>',
  },
  xskCap: {
    id: 'socket.xsk.cap',
    defaultMessage: '<code>AF_XDP</code> sockets need <code>CAP_NET_RAW</code> (checked first)',
  },
  xskType: {
    id: 'socket.xsk.type',
    defaultMessage: '<code>AF_XDP</code> sockets are <code>SOCK_RAW</code> only, not <code>{type}</code>',
  },
  xskProtocol: {
    id: 'socket.xsk.protocol',
    defaultMessage: '<code>AF_XDP</code> takes protocol 0 only',
  },
  xskCreated: {
    id: 'socket.xsk.created',
    defaultMessage: '<code>sock->ops = xsk_proto_ops</code>; <code>sk_alloc(PF_XDP, xsk_proto)</code>',
  },
});

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
      msg(M.netlinkType, { type: typeName(type) }),
      snap,
    );
  if (protocol < 0 || protocol >= MAX_LINKS)
    return fail(
      steps,
      'EPROTONOSUPPORT',
      'netlink_create',
      NETLINK_C,
      msg(M.netlinkRange, { protocol, max: MAX_LINKS - 1 }),
      snap,
    );
  if (!profile.netlinkRegistered.includes(protocol)) {
    if (profile.modules)
      pushStep(
        steps,
        'request_module',
        'kernel/module/kmod.c',
        msg(M.netlinkRequestModule, { protocol }),
        snap,
      );
    return fail(
      steps,
      'EPROTONOSUPPORT',
      'netlink_create',
      NETLINK_C,
      msg(M.netlinkUnregistered, { protocol }),
      snap,
    );
  }
  pushStep(steps, '__netlink_create', NETLINK_C, msg(M.netlinkCreated, { protocol }), {
    ...snap,
    ops: 'netlink_ops',
    prot: 'netlink_proto',
  });
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
    return fail(steps, 'EPROTONOSUPPORT', 'unix_create', UNIX_C, msg(M.unixProtocol, { protocol }), {
      family,
      type,
      protocol,
    });
  let ops: string;
  let sockType = type;
  switch (type) {
    case SOCK_STREAM:
      ops = 'unix_stream_ops';
      break;
    case SOCK_RAW:
      // "Believe it or not BSD has AF_UNIX, SOCK_RAW though nothing uses it."
      sockType = SOCK_DGRAM;
      pushStep(steps, 'unix_create', UNIX_C, msg(M.unixRawRewritten), {
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
        msg(M.unixType, { type: typeName(type) }),
        { family, type, protocol },
      );
  }
  const prot = sockType === SOCK_STREAM ? 'unix_stream_proto' : 'unix_dgram_proto';
  pushStep(steps, 'unix_create1', UNIX_C, msg(M.unixCreated, { ops, prot }), {
    family,
    type: sockType,
    protocol: 0,
    ops,
    prot,
  });
  return { ok: true, sk_family: family, sk_type: sockType, sk_protocol: 0, ops, prot, details: {} };
}

const PACKET_C = 'net/packet/af_packet.c';

/** packet_create: CAP_NET_RAW before anything else, then the type; protocol is a __be16 ethertype. */
export function packetCreate({ profile, type, protocol, steps }: PfCreateArgs): PfCreateResult {
  const family = AF.AF_PACKET;
  const snap = { family, type, protocol };
  if (!capable(profile, 'CAP_NET_RAW'))
    return fail(steps, 'EPERM', 'packet_create', PACKET_C, msg(M.packetCap), snap);
  if (type !== SOCK_DGRAM && type !== SOCK_RAW && type !== SOCK_PACKET)
    return fail(
      steps,
      'ESOCKTNOSUPPORT',
      'packet_create',
      PACKET_C,
      msg(M.packetType, { type: typeName(type) }),
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
    msg(M.packetCreated, {
      ops,
      num: hexNumber(num, 4),
      ethertype: hexNumber(host, 4),
      hook: num ? 'yes' : 'no',
    }),
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
    return fail(steps, 'EPROTONOSUPPORT', 'vsock_create', VSOCK_C, msg(M.vsockProtocol), snap);
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
      msg(M.vsockType, { type: typeName(type) }),
      snap,
    );
  pushStep(steps, '__vsock_create', VSOCK_C, msg(M.vsockCreated, { ops }), {
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
        profile.vsockTransports.g2h
          ? msg(M.vsockNoDgram, { g2h: profile.vsockTransports.g2h })
          : msg(M.vsockNoTransport),
        snap,
      );
    pushStep(steps, 'vsock_assign_transport', VSOCK_C, msg(M.vsockDgram, { transport: t }), snap);
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
  if (!capable(profile, 'CAP_NET_RAW')) return fail(steps, 'EPERM', 'xsk_create', XSK_C, msg(M.xskCap), snap);
  if (type !== SOCK_RAW)
    return fail(
      steps,
      'ESOCKTNOSUPPORT',
      'xsk_create',
      XSK_C,
      msg(M.xskType, { type: typeName(type) }),
      snap,
    );
  if (protocol !== 0) return fail(steps, 'EPROTONOSUPPORT', 'xsk_create', XSK_C, msg(M.xskProtocol), snap);
  pushStep(steps, 'xsk_create', XSK_C, msg(M.xskCreated), {
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
