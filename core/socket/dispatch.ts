/**
 * Dispatch of a socket call through the tables a socket was built with: the syscall entry in
 * net/socket.c → sock->ops->op → (for inet sockets) sk->sk_prot->op, or the sock_no_* stub /
 * missing slot that refuses it. Modelled for a freshly created socket (SS_UNCONNECTED, TCP_CLOSE).
 */
import { kernelError } from '../errno/index.ts';
import { defineMessages, msg, type Msg } from '../i18n/index.ts';
import { slotOf } from './ops-tables.ts';
import type {
  DispatchResult,
  DispatchSnapshot,
  DispatchStep,
  FnTable,
  SocketCreated,
  SocketOp,
} from './types.ts';

const SOCKET_C = 'net/socket.c';

const M = defineMessages({
  syscall: {
    id: 'socket.dispatch.syscall',
    defaultMessage: '<code>{op}()</code>: the socket layer',
    description: 'A syscall entry function on the way to sock->ops.',
  },
  streamConnect: {
    id: 'socket.dispatch.hop.streamConnect',
    defaultMessage: '<code>SS_UNCONNECTED</code> and <code>TCP_CLOSE</code>: the protocol connects',
  },
  autobind: {
    id: 'socket.dispatch.hop.autobind',
    defaultMessage: 'an unbound socket first gets a local port (<code>EAGAIN</code> if none)',
  },
  ownBind: {
    id: 'socket.dispatch.hop.ownBind',
    defaultMessage: 'a protocol with its own bind (raw, ping) takes it',
  },
  genericBind: {
    id: 'socket.dispatch.hop.genericBind',
    defaultMessage: 'no <code>sk_prot->bind</code>: the generic inet bind',
  },
  genericBind6: {
    id: 'socket.dispatch.hop.genericBind6',
    defaultMessage: 'no <code>sk_prot->bind</code>: the generic inet6 bind',
  },
  reservePort: {
    id: 'socket.dispatch.hop.reservePort',
    defaultMessage: 'check the address, then reserve the port',
  },
  listening: {
    id: 'socket.dispatch.hop.listening',
    defaultMessage: '<code>TCP_CLOSE</code> → listening',
  },
  listenStart: {
    id: 'socket.dispatch.hop.listenStart',
    defaultMessage: 'the accept queue is set up and the port re-checked',
  },
  sendPrepare: {
    id: 'socket.dispatch.hop.sendPrepare',
    defaultMessage: 'autobind unless <code>sk_prot->no_autobind</code> (TCP, MPTCP)',
  },
  skIoctl: {
    id: 'socket.dispatch.hop.skIoctl',
    defaultMessage: 'not a routing/ARP/device ioctl',
  },
  skIoctl6: {
    id: 'socket.dispatch.hop.skIoctl6',
    defaultMessage: 'not a routing/device ioctl',
  },
  solSocket: {
    id: 'socket.dispatch.solSocket',
    defaultMessage: 'level <code>SOL_SOCKET</code>: the generic socket options, for every family',
  },
  solSocketNote: {
    id: 'socket.dispatch.solSocketNote',
    defaultMessage: '<code>SOL_SOCKET</code> options never reach the family',
  },
  nullSlot: {
    id: 'socket.dispatch.nullSlot',
    defaultMessage: '<code>{table}.{field}</code> is NULL: <code>{fn}</code> returns <code>EOPNOTSUPP</code>',
  },
  stub: {
    id: 'socket.dispatch.stub',
    defaultMessage: '<code>{table}.{field} = {fn}</code>: this family does not support <code>{op}()</code>',
  },
  opsSlot: {
    id: 'socket.dispatch.opsSlot',
    defaultMessage: '<code>{via} = {fn}</code> (<code>{table}</code>)',
    description:
      'The proto_ops slot a call goes through, e.g. sock->ops->connect = inet_stream_connect (inet_stream_ops).',
  },
  protoSlot: {
    id: 'socket.dispatch.protoSlot',
    defaultMessage: '<code>sk->sk_prot->{field} = {fn}</code> (<code>{table}</code>)',
  },
  noteShutdown: {
    id: 'socket.dispatch.note.shutdown',
    defaultMessage:
      'on a fresh socket (<code>TCP_CLOSE</code>) <code>inet_shutdown</code> still calls <code>sk_prot->shutdown</code> but returns <code>ENOTCONN</code>',
  },
  noteListen: {
    id: 'socket.dispatch.note.listen',
    defaultMessage:
      '<code>inet_listen</code> refuses anything but <code>SOCK_STREAM</code> with <code>EINVAL</code>',
  },
  noteAccept: {
    id: 'socket.dispatch.note.accept',
    defaultMessage: '<code>accept()</code> on a socket that is not listening fails with <code>EINVAL</code>',
  },
  noteDepends: {
    id: 'socket.dispatch.note.depends',
    defaultMessage: 'the result depends on the arguments and on <code>{prot}</code>',
  },
  noteItself: {
    id: 'socket.dispatch.note.itself',
    defaultMessage: 'handled by <code>{fn}</code> itself; <code>{prot}</code> has no part in it',
  },
});

/** The syscall side of each operation: entry functions down to the sock->ops call. */
const SYSCALL: Record<SocketOp, { path: [string, string][]; field: string }> = {
  connect: {
    path: [
      ['__sys_connect', SOCKET_C],
      ['__sys_connect_file', SOCKET_C],
    ],
    field: 'connect',
  },
  bind: {
    path: [
      ['__sys_bind', SOCKET_C],
      ['__sys_bind_socket', SOCKET_C],
    ],
    field: 'bind',
  },
  listen: {
    path: [
      ['__sys_listen', SOCKET_C],
      ['__sys_listen_socket', SOCKET_C],
    ],
    field: 'listen',
  },
  accept: {
    path: [
      ['__sys_accept4', SOCKET_C],
      ['do_accept', SOCKET_C],
    ],
    field: 'accept',
  },
  sendmsg: {
    path: [
      ['__sys_sendmsg', SOCKET_C],
      ['___sys_sendmsg', SOCKET_C],
      ['____sys_sendmsg', SOCKET_C],
      ['__sock_sendmsg', SOCKET_C],
      ['sock_sendmsg_nosec', SOCKET_C],
    ],
    field: 'sendmsg',
  },
  recvmsg: {
    path: [
      ['__sys_recvmsg', SOCKET_C],
      ['___sys_recvmsg', SOCKET_C],
      ['____sys_recvmsg', SOCKET_C],
      ['sock_recvmsg', SOCKET_C],
      ['sock_recvmsg_nosec', SOCKET_C],
    ],
    field: 'recvmsg',
  },
  shutdown: {
    path: [
      ['__sys_shutdown', SOCKET_C],
      ['__sys_shutdown_sock', SOCKET_C],
    ],
    field: 'shutdown',
  },
  setsockopt: {
    path: [
      ['__sys_setsockopt', SOCKET_C],
      ['do_sock_setsockopt', SOCKET_C],
    ],
    field: 'setsockopt',
  },
  getsockopt: {
    path: [
      ['__sys_getsockopt', SOCKET_C],
      ['do_sock_getsockopt', SOCKET_C],
    ],
    field: 'getsockopt',
  },
  poll: {
    path: [
      ['do_sys_poll', 'fs/select.c'],
      ['sock_poll', SOCKET_C],
    ],
    field: 'poll',
  },
  ioctl: {
    path: [
      ['do_vfs_ioctl', 'fs/ioctl.c'],
      ['sock_ioctl', SOCKET_C],
      ['sock_do_ioctl', SOCKET_C],
    ],
    field: 'ioctl',
  },
  mmap: {
    path: [
      ['do_mmap', 'mm/mmap.c'],
      ['sock_mmap', SOCKET_C],
    ],
    field: 'mmap',
  },
};

/** Which sk_prot slot a socket-layer function hands over to, with any helper in between. */
interface ProtoHop {
  /** Function, file, and why it is on the way. */
  helpers: [string, string, Msg][];
  protoField: string;
  /** Used when sk_prot has no such slot. */
  fallback?: { helpers: [string, string, Msg][]; protoField: string };
}

const AF_INET_C = 'net/ipv4/af_inet.c';
const AF_INET6_C = 'net/ipv6/af_inet6.c';

const PROTO_HOPS: Record<string, ProtoHop> = {
  inet_stream_connect: {
    helpers: [['__inet_stream_connect', AF_INET_C, msg(M.streamConnect)]],
    protoField: 'connect',
  },
  inet_dgram_connect: {
    helpers: [['inet_autobind', AF_INET_C, msg(M.autobind)]],
    protoField: 'connect',
  },
  inet_bind: {
    helpers: [['inet_bind_sk', AF_INET_C, msg(M.ownBind)]],
    protoField: 'bind',
    fallback: {
      helpers: [
        ['inet_bind_sk', AF_INET_C, msg(M.genericBind)],
        ['__inet_bind', AF_INET_C, msg(M.reservePort)],
      ],
      protoField: 'get_port',
    },
  },
  inet6_bind: {
    helpers: [['inet6_bind_sk', AF_INET6_C, msg(M.ownBind)]],
    protoField: 'bind',
    fallback: {
      helpers: [
        ['inet6_bind_sk', AF_INET6_C, msg(M.genericBind6)],
        ['__inet6_bind', AF_INET6_C, msg(M.reservePort)],
      ],
      protoField: 'get_port',
    },
  },
  inet_listen: {
    helpers: [
      ['__inet_listen_sk', AF_INET_C, msg(M.listening)],
      ['inet_csk_listen_start', 'net/ipv4/inet_connection_sock.c', msg(M.listenStart)],
    ],
    protoField: 'get_port',
  },
  inet_accept: { helpers: [], protoField: 'accept' },
  inet_sendmsg: {
    helpers: [['inet_send_prepare', AF_INET_C, msg(M.sendPrepare)]],
    protoField: 'sendmsg',
  },
  inet6_sendmsg: {
    helpers: [['inet_send_prepare', AF_INET_C, msg(M.sendPrepare)]],
    protoField: 'sendmsg',
  },
  inet_recvmsg: { helpers: [], protoField: 'recvmsg' },
  inet6_recvmsg: { helpers: [], protoField: 'recvmsg' },
  inet_shutdown: { helpers: [], protoField: 'shutdown' },
  sock_common_setsockopt: { helpers: [], protoField: 'setsockopt' },
  sock_common_getsockopt: { helpers: [], protoField: 'getsockopt' },
  inet_ioctl: {
    helpers: [['sk_ioctl', 'net/core/sock.c', msg(M.skIoctl)]],
    protoField: 'ioctl',
  },
  inet6_ioctl: {
    helpers: [['sk_ioctl', 'net/core/sock.c', msg(M.skIoctl6)]],
    protoField: 'ioctl',
  },
};

export interface DispatchOptions {
  /** setsockopt/getsockopt: SOL_SOCKET is handled by the socket core, any other level by the family. */
  level?: 'SOL_SOCKET' | 'protocol';
}

/** The call chain `op` follows on `sock`. Never throws. */
export function sockDispatch(sock: SocketCreated, op: SocketOp, opts: DispatchOptions = {}): DispatchResult {
  const chain: DispatchStep[] = [];
  const push = (fn: string, file: string, why: Msg, snapshot: DispatchSnapshot) =>
    chain.push({ fn, file, why, dir: 'down', snapshot });
  const sys = SYSCALL[op];
  for (const [fn, file] of sys.path) push(fn, file, msg(M.syscall, { op }), { layer: 'syscall' });

  const level = opts.level ?? 'protocol';
  if ((op === 'setsockopt' || op === 'getsockopt') && level === 'SOL_SOCKET') {
    const custom = op === 'setsockopt' && sock.ops.name === 'unix_stream_ops';
    if (!custom) {
      const fn = op === 'setsockopt' ? 'sock_setsockopt' : 'sk_getsockopt';
      push(fn, 'net/core/sock.c', msg(M.solSocket), {
        layer: 'helper',
      });
      return {
        op,
        chain,
        opsField: null,
        protoField: null,
        error: null,
        note: msg(M.solSocketNote),
      };
    }
  }

  const slot = slotOf(sock.ops, sys.field);
  const via = `sock->ops->${sys.field}`;
  if (!slot) {
    const caller = chain[chain.length - 1]!;
    const why = msg(M.nullSlot, { table: sock.ops.name, field: sys.field, fn: caller.fn });
    caller.snapshot = { ...caller.snapshot, errno: 'EOPNOTSUPP' };
    caller.why = why;
    return {
      op,
      chain,
      opsField: sys.field,
      protoField: null,
      error: kernelError('EOPNOTSUPP', caller.fn, caller.file, why),
      note: why,
    };
  }
  if (slot.stub) {
    const why = msg(M.stub, { table: sock.ops.name, field: sys.field, fn: slot.fn, op });
    push(slot.fn, 'net/core/sock.c', why, {
      layer: 'proto_ops',
      via,
      table: sock.ops.name,
      field: sys.field,
      errno: slot.stub.errno,
    });
    return {
      op,
      chain,
      opsField: sys.field,
      protoField: null,
      error: kernelError(slot.stub.errno, slot.fn, 'net/core/sock.c', why),
      note: why,
    };
  }
  push(slot.fn, sock.ops.file, msg(M.opsSlot, { via, fn: slot.fn, table: sock.ops.name }), {
    layer: 'proto_ops',
    via,
    table: sock.ops.name,
    field: sys.field,
  });

  const hop = PROTO_HOPS[slot.fn];
  let protoField: string | null = null;
  if (hop) {
    const use = slotOf(sock.prot, hop.protoField) || !hop.fallback ? hop : hop.fallback;
    const pslot = slotOf(sock.prot, use.protoField);
    if (pslot) {
      for (const [fn, file, why] of use.helpers) push(fn, file, why, { layer: 'helper' });
      protoField = use.protoField;
      push(
        pslot.fn,
        sock.prot.file,
        msg(M.protoSlot, { field: use.protoField, fn: pslot.fn, table: sock.prot.name }),
        {
          layer: 'proto',
          via: `sk->sk_prot->${use.protoField}`,
          table: sock.prot.name,
          field: use.protoField,
        },
      );
    }
  }
  return {
    op,
    chain,
    opsField: sys.field,
    protoField,
    error: null,
    note: freshNote(sock, op, slot.fn, protoField),
  };
}

/** What the call does to a socket just returned by socket(), where that does not depend on arguments. */
function freshNote(sock: SocketCreated, op: SocketOp, opsFn: string, protoField: string | null): Msg {
  if (opsFn === 'inet_shutdown') return msg(M.noteShutdown);
  if (op === 'listen' && opsFn === 'inet_listen' && sock.so_type !== 1) return msg(M.noteListen);
  if (op === 'accept' && opsFn === 'inet_accept') return msg(M.noteAccept);
  if (protoField) return msg(M.noteDepends, { prot: sock.prot.name });
  return msg(M.noteItself, { fn: opsFn, prot: sock.prot.name });
}

/** The slots of `t` a dispatch result touches (for highlighting in the tables). */
export function usedSlots(t: FnTable, r: DispatchResult): string[] {
  return r.chain.filter((s) => s.snapshot.table === t.name && s.snapshot.field).map((s) => s.snapshot.field!);
}
