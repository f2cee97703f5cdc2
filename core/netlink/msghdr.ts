/**
 * struct msghdr with its sockaddr_nl, iovec array and control buffer of cmsghdrs, laid out as
 * on x86-64 (include/linux/socket.h, include/uapi/linux/uio.h, include/uapi/linux/netlink.h).
 * The layout is drawn in one notional arena: msghdr first, then what its pointers point at.
 */
import { cmsgAlign, cmsgData, cmsgLen, cmsgSpace } from './constants.ts';
import type { NlMsghdrLayout } from './types.ts';

const LEVELS: Record<string, number> = { SOL_SOCKET: 1, SOL_IP: 0, SOL_IPV6: 41, SOL_NETLINK: 270 };
const TYPES: Record<string, number> = {
  SCM_RIGHTS: 1,
  SCM_CREDENTIALS: 2,
  SCM_TIMESTAMP: 29,
  NETLINK_PKTINFO: 3,
  NETLINK_LISTEN_ALL_NSID: 8,
  IP_PKTINFO: 8,
  IP_TTL: 2,
};
/** What well-known cmsg payloads hold (struct ucred: pid, uid, gid). */
const PAYLOAD_FIELDS: Record<string, { name: string; size: number }[]> = {
  SCM_CREDENTIALS: [
    { name: 'pid', size: 4 },
    { name: 'uid', size: 4 },
    { name: 'gid', size: 4 },
  ],
  NETLINK_PKTINFO: [{ name: 'group', size: 4 }],
  NETLINK_LISTEN_ALL_NSID: [{ name: 'nsid', size: 4 }],
};

const align8 = (n: number) => cmsgAlign(n);

/** UIO_MAXIOV (include/uapi/linux/uio.h): sendmsg() refuses more iovecs with EMSGSIZE. */
export const UIO_MAXIOV = 1024;
/** The most control messages the layout draws. */
export const MAX_CMSGS = 64;

type LayoutInput = {
  iovLens: number[];
  cmsgs: { level: string; type: string; dataLen: number }[];
  namelen?: number;
};

/** What is wrong with a layout input, by message id (one table, for the catalogs). */
export const LAYOUT_TEXT: Record<string, (v: Record<string, number>) => string> = {
  'layout.not-object': () => 'the layout takes { iovLens, cmsgs, namelen? }',
  'layout.iov-lens': () => 'iovLens is a list of lengths',
  'layout.too-many-iovs': (v) => `more than UIO_MAXIOV (${v.max}) iovecs: sendmsg() fails with EMSGSIZE`,
  'layout.cmsgs': () => 'cmsgs is a list of { level, type, dataLen }',
  'layout.too-many-cmsgs': (v) => `more than ${v.max} control messages`,
  'layout.cmsg': () => 'each control message is { level, type, dataLen }',
  'layout.namelen': () => 'namelen is a number',
};

/** Why `opts` is no layout input (a message id and its values), or null when it is one. */
function layoutProblem(opts: unknown): { id: string; values: Record<string, number> } | null {
  const p = (id: string, values: Record<string, number> = {}) => ({ id, values });
  if (typeof opts !== 'object' || opts === null) return p('layout.not-object');
  const o = opts as Record<string, unknown>;
  if (!Array.isArray(o.iovLens) || !o.iovLens.every((n) => typeof n === 'number'))
    return p('layout.iov-lens');
  if (o.iovLens.length > UIO_MAXIOV) return p('layout.too-many-iovs', { max: UIO_MAXIOV });
  if (!Array.isArray(o.cmsgs)) return p('layout.cmsgs');
  if (o.cmsgs.length > MAX_CMSGS) return p('layout.too-many-cmsgs', { max: MAX_CMSGS });
  for (const c of o.cmsgs as unknown[]) {
    const r = (typeof c === 'object' && c !== null ? c : {}) as Record<string, unknown>;
    if (typeof r.level !== 'string' || typeof r.type !== 'string' || typeof r.dataLen !== 'number')
      return p('layout.cmsg');
  }
  if (o.namelen !== undefined && typeof o.namelen !== 'number') return p('layout.namelen');
  return null;
}

type Struct = NlMsghdrLayout['structs'][number];
type Cmsg = { level: string; type: string; dataLen: number };

/** struct msghdr itself, its pointers showing where what they point at is laid out. */
function msghdrStruct(
  namelen: number,
  iovs: number,
  cmsgs: number,
  controllen: number,
  iovOff: number,
  ctlOff: number,
): Struct {
  return {
    name: 'struct msghdr',
    offset: 0,
    size: 56,
    fields: [
      { name: 'msg_name', offset: 0, size: 8, value: namelen ? `&sockaddr_nl (+${NAME_OFF})` : 'NULL' },
      { name: 'msg_namelen', offset: 8, size: 4, value: String(namelen) },
      { name: '(padding)', offset: 12, size: 4, value: '' },
      { name: 'msg_iov', offset: 16, size: 8, value: iovs ? `&iov[0] (+${iovOff})` : 'NULL' },
      { name: 'msg_iovlen', offset: 24, size: 8, value: String(iovs) },
      { name: 'msg_control', offset: 32, size: 8, value: cmsgs ? `&control (+${ctlOff})` : 'NULL' },
      { name: 'msg_controllen', offset: 40, size: 8, value: String(controllen) },
      { name: 'msg_flags', offset: 48, size: 4, value: '0' },
      { name: '(padding)', offset: 52, size: 4, value: '' },
    ],
  };
}

/** struct sockaddr_nl of the kernel (nl_pid 0) that msg_name points at. */
const sockaddrStruct = (): Struct => ({
  name: 'struct sockaddr_nl',
  offset: NAME_OFF,
  size: 12,
  fields: [
    { name: 'nl_family', offset: NAME_OFF, size: 2, value: '16 (AF_NETLINK)' },
    { name: 'nl_pad', offset: NAME_OFF + 2, size: 2, value: '0' },
    { name: 'nl_pid', offset: NAME_OFF + 4, size: 4, value: '0 (the kernel)' },
    { name: 'nl_groups', offset: NAME_OFF + 8, size: 4, value: '0' },
  ],
});

/** One cmsghdr at `at`: header, payload (its members when known), CMSG_ALIGN padding. */
function cmsgStruct(c: Cmsg, i: number, at: number): Struct {
  const len = cmsgLen(c.dataLen);
  const space = cmsgSpace(c.dataLen);
  const fields = [
    { name: 'cmsg_len', offset: at, size: 8, value: `${len} (CMSG_LEN(${c.dataLen}))` },
    { name: 'cmsg_level', offset: at + 8, size: 4, value: `${LEVELS[c.level] ?? '?'} (${c.level})` },
    { name: 'cmsg_type', offset: at + 12, size: 4, value: `${TYPES[c.type] ?? '?'} (${c.type})` },
  ];
  const known = PAYLOAD_FIELDS[c.type];
  let p = cmsgData(at);
  if (known && known.reduce((s, f) => s + f.size, 0) === c.dataLen)
    for (const f of known) {
      fields.push({ name: f.name, offset: p, size: f.size, value: '' });
      p += f.size;
    }
  else if (c.dataLen) fields.push({ name: 'data', offset: p, size: c.dataLen, value: `${c.dataLen} bytes` });
  if (space > len)
    fields.push({ name: '(padding)', offset: at + len, size: space - len, value: 'CMSG_ALIGN' });
  return { name: `struct cmsghdr [${i}]`, offset: at, size: space, fields };
}

const NAME_OFF = 56;

/** The layout of a msghdr for `opts`; anything that is not such input gives an empty layout and `why`. */
export function msghdrLayout(opts: LayoutInput): NlMsghdrLayout {
  try {
    return layout(opts);
  } catch {
    return {
      structs: [],
      controllen: 0,
      cmsgs: [],
      why: LAYOUT_TEXT['layout.not-object']?.({}),
      whyId: 'layout.not-object',
    };
  }
}

function layout(opts: LayoutInput): NlMsghdrLayout {
  let problem: ReturnType<typeof layoutProblem>;
  try {
    problem = layoutProblem(opts);
  } catch {
    problem = { id: 'layout.not-object', values: {} }; // a getter or Proxy that throws
  }
  if (problem) {
    const text = LAYOUT_TEXT[problem.id] as (v: Record<string, number>) => string;
    return { structs: [], controllen: 0, cmsgs: [], why: text(problem.values), whyId: problem.id };
  }
  // layoutProblem read everything once without a throw; plain copies from here on.
  const namelen = Math.max(0, Math.min(128, Math.floor(opts.namelen ?? 12) || 0));
  const iovLens = opts.iovLens.map((n) => Math.max(0, Math.floor(n) || 0));
  const cm = opts.cmsgs.map((c) => ({
    level: String(c.level),
    type: String(c.type),
    dataLen: Math.max(0, Math.min(0x7fffffff, Math.floor(c.dataLen) || 0)),
  }));
  const iovOff = NAME_OFF + align8(namelen);
  const ctlOff = iovOff + 16 * iovLens.length;
  // msg_controllen: the sum of CMSG_SPACE of each message (what CMSG_NXTHDR walks).
  const controllen = cm.reduce((s, c) => s + cmsgSpace(c.dataLen), 0);
  const structs: Struct[] = [msghdrStruct(namelen, iovLens.length, cm.length, controllen, iovOff, ctlOff)];
  if (namelen) structs.push(sockaddrStruct());
  iovLens.forEach((len, i) => {
    const o = iovOff + 16 * i;
    structs.push({
      name: `struct iovec iov[${i}]`,
      offset: o,
      size: 16,
      fields: [
        { name: 'iov_base', offset: o, size: 8, value: `&buf${i}` },
        { name: 'iov_len', offset: o + 8, size: 8, value: String(len) },
      ],
    });
  });
  const cmsgs: NlMsghdrLayout['cmsgs'] = [];
  let at = ctlOff;
  cm.forEach((c, i) => {
    const s = cmsgStruct(c, i, at);
    cmsgs.push({ offset: at, len: cmsgLen(c.dataLen), space: s.size, dataOffset: cmsgData(at) });
    structs.push(s);
    at += s.size;
  });
  return { structs, controllen, cmsgs };
}
