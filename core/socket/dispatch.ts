/**
 * Dispatch of a socket call through the tables a socket was built with: the syscall entry in
 * net/socket.c → sock->ops->op → (for inet sockets) sk->sk_prot->op, or the sock_no_* stub /
 * missing slot that refuses it. Modelled for a freshly created socket (SS_UNCONNECTED, TCP_CLOSE).
 */
import { kernelError } from '../errno/index.ts';
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
  helpers: [string, string, string][];
  protoField: string;
  /** Used when sk_prot has no such slot. */
  fallback?: { helpers: [string, string, string][]; protoField: string };
}

const AF_INET_C = 'net/ipv4/af_inet.c';
const AF_INET6_C = 'net/ipv6/af_inet6.c';

const PROTO_HOPS: Record<string, ProtoHop> = {
  inet_stream_connect: {
    helpers: [['__inet_stream_connect', AF_INET_C, 'SS_UNCONNECTED and TCP_CLOSE: the protocol connects']],
    protoField: 'connect',
  },
  inet_dgram_connect: {
    helpers: [['inet_autobind', AF_INET_C, 'an unbound socket first gets a local port (EAGAIN if none)']],
    protoField: 'connect',
  },
  inet_bind: {
    helpers: [['inet_bind_sk', AF_INET_C, 'a protocol with its own bind (raw, ping) takes it']],
    protoField: 'bind',
    fallback: {
      helpers: [
        ['inet_bind_sk', AF_INET_C, 'no sk_prot->bind: the generic inet bind'],
        ['__inet_bind', AF_INET_C, 'check the address, then reserve the port'],
      ],
      protoField: 'get_port',
    },
  },
  inet6_bind: {
    helpers: [['inet6_bind_sk', AF_INET6_C, 'a protocol with its own bind (raw, ping) takes it']],
    protoField: 'bind',
    fallback: {
      helpers: [
        ['inet6_bind_sk', AF_INET6_C, 'no sk_prot->bind: the generic inet6 bind'],
        ['__inet6_bind', AF_INET6_C, 'check the address, then reserve the port'],
      ],
      protoField: 'get_port',
    },
  },
  inet_listen: {
    helpers: [
      ['__inet_listen_sk', AF_INET_C, 'TCP_CLOSE → listening'],
      [
        'inet_csk_listen_start',
        'net/ipv4/inet_connection_sock.c',
        'the accept queue is set up and the port re-checked',
      ],
    ],
    protoField: 'get_port',
  },
  inet_accept: { helpers: [], protoField: 'accept' },
  inet_sendmsg: {
    helpers: [['inet_send_prepare', AF_INET_C, 'autobind unless sk_prot->no_autobind (TCP, MPTCP)']],
    protoField: 'sendmsg',
  },
  inet6_sendmsg: {
    helpers: [['inet_send_prepare', AF_INET_C, 'autobind unless sk_prot->no_autobind (TCP, MPTCP)']],
    protoField: 'sendmsg',
  },
  inet_recvmsg: { helpers: [], protoField: 'recvmsg' },
  inet6_recvmsg: { helpers: [], protoField: 'recvmsg' },
  inet_shutdown: { helpers: [], protoField: 'shutdown' },
  sock_common_setsockopt: { helpers: [], protoField: 'setsockopt' },
  sock_common_getsockopt: { helpers: [], protoField: 'getsockopt' },
  inet_ioctl: {
    helpers: [['sk_ioctl', 'net/core/sock.c', 'not a routing/ARP/device ioctl']],
    protoField: 'ioctl',
  },
  inet6_ioctl: {
    helpers: [['sk_ioctl', 'net/core/sock.c', 'not a routing/device ioctl']],
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
  const push = (fn: string, file: string, why: string, snapshot: DispatchSnapshot) =>
    chain.push({ fn, file, why, dir: 'down', snapshot });
  const sys = SYSCALL[op];
  for (const [fn, file] of sys.path) push(fn, file, `${op}(): the socket layer`, { layer: 'syscall' });

  const level = opts.level ?? 'protocol';
  if ((op === 'setsockopt' || op === 'getsockopt') && level === 'SOL_SOCKET') {
    const custom = op === 'setsockopt' && sock.ops.name === 'unix_stream_ops';
    if (!custom) {
      const fn = op === 'setsockopt' ? 'sock_setsockopt' : 'sk_getsockopt';
      push(fn, 'net/core/sock.c', 'level SOL_SOCKET: the generic socket options, for every family', {
        layer: 'helper',
      });
      return {
        op,
        chain,
        opsField: null,
        protoField: null,
        error: null,
        note: 'SOL_SOCKET options never reach the family',
      };
    }
  }

  const slot = slotOf(sock.ops, sys.field);
  const via = `sock->ops->${sys.field}`;
  if (!slot) {
    const caller = chain[chain.length - 1]!;
    const why = `${sock.ops.name}.${sys.field} is NULL: ${caller.fn} returns EOPNOTSUPP`;
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
    const why = `${sock.ops.name}.${sys.field} = ${slot.fn}: this family does not support ${op}()`;
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
  push(slot.fn, sock.ops.file, `${via} = ${slot.fn} (${sock.ops.name})`, {
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
      push(pslot.fn, sock.prot.file, `sk->sk_prot->${use.protoField} = ${pslot.fn} (${sock.prot.name})`, {
        layer: 'proto',
        via: `sk->sk_prot->${use.protoField}`,
        table: sock.prot.name,
        field: use.protoField,
      });
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
function freshNote(sock: SocketCreated, op: SocketOp, opsFn: string, protoField: string | null): string {
  if (opsFn === 'inet_shutdown')
    return 'on a fresh socket (TCP_CLOSE) inet_shutdown still calls sk_prot->shutdown but returns ENOTCONN';
  if (op === 'listen' && opsFn === 'inet_listen' && sock.so_type !== 1)
    return 'inet_listen refuses anything but SOCK_STREAM with EINVAL';
  if (op === 'accept' && opsFn === 'inet_accept')
    return 'accept() on a socket that is not listening fails with EINVAL';
  if (protoField) return `the result depends on the arguments and on ${sock.prot.name}`;
  return `handled by ${opsFn} itself; ${sock.prot.name} has no part in it`;
}

/** The slots of `t` a dispatch result touches (for highlighting in the tables). */
export function usedSlots(t: FnTable, r: DispatchResult): string[] {
  return r.chain.filter((s) => s.snapshot.table === t.name && s.snapshot.field).map((s) => s.snapshot.field!);
}
