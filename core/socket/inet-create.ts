/**
 * inet_create (net/ipv4/af_inet.c) and inet6_create (net/ipv6/af_inet6.c): the protocol range
 * check, the inetsw[type] lookup loop with its two wildcard cases, the request_module retries,
 * CAP_NET_RAW for SOCK_RAW, then sk_alloc, the raw-socket hash and sk_prot->init (where ping's
 * ping_group_range check and MPTCP's net.mptcp.enabled check live).
 */
import { defineMessages, msg, msgOptional, type Msg } from '../i18n/index.ts';
import { AF, IPPROTO, IPPROTO_MAX, SOCK, SOCK_MAX, familyName, protocolName, typeName } from './constants.ts';
import { fail, pushStep, type PfCreateArgs, type PfCreateResult } from './pf-create.ts';
import { capable } from './profile.ts';
import type { InetProtosw, InetswOutcome, InetswWalkStep, KernelProfile, SocketStep } from './types.ts';

const M = defineMessages({
  registerInvalidType: {
    id: 'socket.inet.registerInvalidType',
    defaultMessage: 'Ignoring attempt to register invalid socket type {type}',
    description: 'inet_register_protosw refuses an entry (the kernel logs this with pr_err).',
  },
  registerOverride: {
    id: 'socket.inet.registerOverride',
    defaultMessage: 'Attempt to override permanent protocol {protocol}',
    description: 'inet_register_protosw refuses an entry (the kernel logs this with pr_err).',
  },
  walkMatched: {
    id: 'socket.inet.walk.matched',
    defaultMessage: "protocol {protocol} equals this entry's protocol",
    description: 'One entry of the inetsw[] lookup loop: an exact match.',
  },
  walkBothZero: {
    id: 'socket.inet.walk.bothZero',
    defaultMessage:
      'both are <code>IPPROTO_IP</code> (0): the exact-match branch never accepts 0, and the wildcard branches are not tried',
  },
  walkDefault: {
    id: 'socket.inet.walk.default',
    defaultMessage: "protocol 0 asks for the default: the first entry's protocol {protocol} is taken",
  },
  walkWildcard: {
    id: 'socket.inet.walk.wildcard',
    defaultMessage: 'a wildcard entry (protocol 0) accepts protocol {protocol}',
  },
  walkSkipped: {
    id: 'socket.inet.walk.skipped',
    defaultMessage: 'protocol {protocol} ≠ {entry} and neither is 0',
  },
  protocolRange: {
    id: 'socket.inet.protocolRange',
    defaultMessage: 'protocol {protocol} is outside <code>0..IPPROTO_MAX-1</code> ({max})',
  },
  lookUp: {
    id: 'socket.inet.lookUp',
    defaultMessage:
      'protocol {protocol} is in range; <code>sock->state = SS_UNCONNECTED</code>; look up <code>{list}</code>',
    description: 'list: the list walked, e.g. inetsw[SOCK_DGRAM].',
  },
  answers: {
    id: 'socket.inet.answers',
    defaultMessage: '<code>{list}</code>: entry {index} (<code>{prot}</code>) answers, protocol {protocol}',
  },
  listEmpty: {
    id: 'socket.inet.listEmpty',
    defaultMessage: '<code>{list}</code> is empty: <code>err</code> stays <code>ESOCKTNOSUPPORT</code>',
  },
  noneAccepts: {
    id: 'socket.inet.noneAccepts',
    defaultMessage:
      'no entry of <code>{list}</code> accepts protocol {protocol}: <code>EPROTONOSUPPORT</code>',
  },
  requestModule: {
    id: 'socket.inet.requestModule',
    defaultMessage: 'ask <code>modprobe</code> for <code>"{module}"</code>, then look up again',
  },
  noModules: {
    id: 'socket.inet.noModules',
    defaultMessage:
      '<code>"{module}"</code>: this kernel has no loadable modules (<code>CONFIG_MODULES=n</code>), the lookup is repeated unchanged',
  },
  noTypeInFamily: {
    id: 'socket.inet.noTypeInFamily',
    defaultMessage: 'no protocol is registered for <code>{type}</code> in <code>{family}</code>',
    description: 'inet_create fails with ESOCKTNOSUPPORT.',
  },
  noEntry: {
    id: 'socket.inet.noEntry',
    defaultMessage: '<code>{list}</code> has no entry for protocol <code>{protocol}</code>',
    description: 'inet_create fails with EPROTONOSUPPORT.',
  },
  noEntryRaw: {
    id: 'socket.inet.noEntryRaw',
    defaultMessage:
      '<code>{list}</code> has no entry for protocol <code>{protocol}</code> (a raw socket needs an explicit protocol: 0 never matches the wildcard entry)',
    description: 'inet_create fails with EPROTONOSUPPORT for SOCK_RAW with protocol 0.',
  },
  needRaw: {
    id: 'socket.inet.needRaw',
    defaultMessage:
      '<code>SOCK_RAW</code> needs <code>CAP_NET_RAW</code> in the network namespace (checked after the lookup)',
  },
  skAlloc: {
    id: 'socket.inet.skAlloc',
    defaultMessage:
      '<code>sock->ops = {ops}</code>; <code>sk_alloc({pf}, {prot})</code>{reuse, select, yes {; <code>INET_PROTOSW_REUSE</code>: <code>sk_reuse = SK_CAN_REUSE</code>} other {}}{icsk, select, yes {; <code>INET_PROTOSW_ICSK</code>: a connection socket} other {}}',
    description: 'reuse / icsk: "yes" when the inetsw entry has that flag.',
  },
  rawHash: {
    id: 'socket.inet.rawHash',
    defaultMessage:
      'raw socket: <code>inet_num = {num}</code>{hdrincl, select, yes {, <code>IPPROTO_RAW</code> sets <code>HDRINCL</code>} other {}}; <code>inet_sport = htons(inet_num)</code> and <code>sk_prot->hash()</code> puts it in the raw hash table',
    description: 'hdrincl: "yes" for IPPROTO_RAW.',
  },
  created: {
    id: 'socket.inet.created',
    defaultMessage:
      '<code>sk_protocol = {protocol}</code>; no cgroup BPF program runs (<code>BPF_CGROUP_RUN_PROG_INET_SOCK</code>)',
  },
  pingGroup: {
    id: 'socket.inet.pingGroup',
    defaultMessage: 'gid {gid} lies in <code>ping_group_range</code> [{low}, {high}]',
  },
  pingDenied: {
    id: 'socket.inet.pingDenied',
    defaultMessage:
      'neither egid {egid} nor a supplementary group [{groups}] lies in <code>ping_group_range</code> [{low}, {high}]{empty, select, yes { (an empty range: nobody, root included, may open ping sockets)} other {}}',
    description:
      'ping_init_sock fails with EACCES. groups: the supplementary gids, comma-separated; empty: "yes" when low > high.',
  },
  mptcpDisabled: {
    id: 'socket.inet.mptcpDisabled',
    defaultMessage: '<code>net.mptcp.enabled</code> is 0',
  },
  outcomeMatched: {
    id: 'socket.inetsw.outcome.matched',
    defaultMessage: 'matched',
    description: 'How an inetsw[] entry fared in the lookup loop: its protocol equals the one asked for.',
  },
  outcomeDefault: {
    id: 'socket.inetsw.outcome.default',
    defaultMessage: 'default',
    description: 'How an inetsw[] entry fared: protocol 0 took this first entry as the default.',
  },
  outcomeWildcard: {
    id: 'socket.inetsw.outcome.wildcard',
    defaultMessage: 'wildcard',
    description: 'How an inetsw[] entry fared: a protocol-0 entry that accepts any protocol.',
  },
  outcomeSkipped: {
    id: 'socket.inetsw.outcome.skipped',
    defaultMessage: 'skipped',
    description: 'How an inetsw[] entry fared: not taken, the loop went on.',
  },
  mptcpEnabled: {
    id: 'socket.inet.mptcpEnabled',
    defaultMessage: '<code>net.mptcp.enabled = 1</code>: the MPTCP socket gets its first TCP subflow',
  },
});

const yes = (b: boolean) => (b ? 'yes' : 'no');

/** How each inetsw[] entry fared, as a word (the walk's outcome column). */
export const INETSW_OUTCOME_LABEL: Readonly<Record<InetswOutcome, Msg>> = {
  matched: msg(M.outcomeMatched),
  default: msg(M.outcomeDefault),
  wildcard: msg(M.outcomeWildcard),
  skipped: msg(M.outcomeSkipped),
};

/**
 * inet_register_protosw / inet6_register_protosw: append `p` to `lists[p.type]` right after
 * the last PERMANENT entry, refusing to override a permanent protocol and ignoring types ≥
 * SOCK_MAX. Returns why an entry was refused, or null.
 */
export function inetRegisterProtosw(lists: InetProtosw[][], p: InetProtosw): Msg | null {
  if (p.type < 0 || p.type >= SOCK_MAX) return msg(M.registerInvalidType, { type: p.type });
  const list = (lists[p.type] ??= []);
  let lastPerm = -1;
  for (let i = 0; i < list.length; i++) {
    const answer = list[i]!;
    if (!answer.flags.includes('PERMANENT')) break;
    if (answer.protocol === p.protocol) return msg(M.registerOverride, { protocol: p.protocol });
    lastPerm = i;
  }
  list.splice(lastPerm + 1, 0, p);
  return null;
}

/** The per-type lists a sequence of registrations builds (inetsw[SOCK_MAX]). */
export function buildInetsw(registrations: readonly InetProtosw[]): readonly (readonly InetProtosw[])[] {
  const lists: InetProtosw[][] = Array.from({ length: SOCK_MAX }, () => []);
  for (const p of registrations) inetRegisterProtosw(lists, p);
  return lists;
}

const cache = new WeakMap<readonly InetProtosw[], readonly (readonly InetProtosw[])[]>();

/** `inetsw[type]` (or `inetsw6[type]` for AF_INET6) as the profile's kernel has it after boot. */
export function inetswList(profile: KernelProfile, family: number, type: number): readonly InetProtosw[] {
  const regs = family === AF.AF_INET6 ? profile.inetsw6 : profile.inetsw;
  let lists = cache.get(regs);
  if (!lists) {
    lists = buildInetsw(regs);
    cache.set(regs, lists);
  }
  return lists[type] ?? [];
}

export interface InetswLookup {
  err: 0 | 'ESOCKTNOSUPPORT' | 'EPROTONOSUPPORT';
  answer: InetProtosw | null;
  /** The protocol after the loop: a request for 0 takes the first entry's protocol. */
  protocol: number;
  walk: InetswWalkStep[];
}

/**
 * The lookup loop of inet_create, entry by entry:
 *   err = -ESOCKTNOSUPPORT; for each answer { err = 0;
 *     if (protocol == answer->protocol) { if (protocol != IPPROTO_IP) break; }
 *     else { if (IPPROTO_IP == protocol) { protocol = answer->protocol; break; }
 *            if (IPPROTO_IP == answer->protocol) break; }
 *     err = -EPROTONOSUPPORT; }
 */
export function inetswLookup(list: readonly InetProtosw[], requested: number): InetswLookup {
  const walk: InetswWalkStep[] = [];
  let err: InetswLookup['err'] = 'ESOCKTNOSUPPORT';
  let protocol = requested;
  for (let index = 0; index < list.length; index++) {
    const a = list[index]!;
    const base = { index, protocol: a.protocol, prot: a.prot, ops: a.ops };
    err = 0;
    if (protocol === a.protocol) {
      if (protocol !== IPPROTO.IPPROTO_IP) {
        walk.push({ ...base, outcome: 'matched', why: msg(M.walkMatched, { protocol }) });
        return { err, answer: a, protocol, walk };
      }
      walk.push({
        ...base,
        outcome: 'skipped',
        why: msg(M.walkBothZero),
      });
    } else if (protocol === IPPROTO.IPPROTO_IP) {
      protocol = a.protocol;
      walk.push({
        ...base,
        outcome: 'default',
        why: msg(M.walkDefault, { protocol: a.protocol }),
      });
      return { err, answer: a, protocol, walk };
    } else if (a.protocol === IPPROTO.IPPROTO_IP) {
      walk.push({
        ...base,
        outcome: 'wildcard',
        why: msg(M.walkWildcard, { protocol }),
      });
      return { err, answer: a, protocol, walk };
    } else {
      walk.push({
        ...base,
        outcome: 'skipped',
        why: msg(M.walkSkipped, { protocol, entry: a.protocol }),
      });
    }
    err = 'EPROTONOSUPPORT';
  }
  return { err, answer: null, protocol, walk };
}

interface InetFamily {
  family: number;
  create: string;
  file: string;
  pf: string;
  /** sk_alloc failure errno differs: ENOMEM (inet) / ENOBUFS (inet6). */
  allocErrno: 'ENOMEM' | 'ENOBUFS';
}

const INET: InetFamily = {
  family: AF.AF_INET,
  create: 'inet_create',
  file: 'net/ipv4/af_inet.c',
  pf: 'PF_INET',
  allocErrno: 'ENOMEM',
};
const INET6: InetFamily = {
  family: AF.AF_INET6,
  create: 'inet6_create',
  file: 'net/ipv6/af_inet6.c',
  pf: 'PF_INET6',
  allocErrno: 'ENOBUFS',
};

/** inet_create: PF_INET's net_proto_family.create. */
export function inetCreate(args: PfCreateArgs): PfCreateResult {
  return inetCommonCreate(INET, args);
}

/** inet6_create: PF_INET6's net_proto_family.create. */
export function inet6Create(args: PfCreateArgs): PfCreateResult {
  return inetCommonCreate(INET6, args);
}

function inetCommonCreate(
  f: InetFamily,
  { profile, type, protocol: requested, steps }: PfCreateArgs,
): PfCreateResult {
  const { family, create, file } = f;
  const snap = (protocol: number) => ({ family, type, protocol });

  if (requested < 0 || requested >= IPPROTO_MAX)
    return fail(
      steps,
      'EINVAL',
      create,
      file,
      msg(M.protocolRange, { protocol: requested, max: IPPROTO_MAX - 1 }),
      snap(requested),
    );
  const listName = `${f === INET6 ? 'inetsw6' : 'inetsw'}[${typeName(type)}]`;
  pushStep(steps, create, file, msg(M.lookUp, { protocol: requested, list: listName }), snap(requested));

  const list = inetswList(profile, family, type);
  let look = inetswLookup(list, requested);
  const walkStep = (l: InetswLookup, why: Msg) =>
    pushStep(steps, create, file, why, {
      ...snap(l.protocol),
      inetsw: { family, type, list, walk: l.walk },
      ...(l.err ? { errno: l.err } : {}),
    });
  walkStep(
    look,
    look.err === 0
      ? msg(M.answers, {
          list: listName,
          index: look.walk.length - 1,
          prot: look.answer!.prot,
          protocol: look.protocol,
        })
      : list.length === 0
        ? msg(M.listEmpty, { list: listName })
        : msg(M.noneAccepts, { list: listName, protocol: requested }),
  );

  if (look.err !== 0) {
    // Two retries, each after a request_module; with the profile's modules nothing new appears.
    const mods = [`net-pf-${family}-proto-${requested}-type-${type}`, `net-pf-${family}-proto-${requested}`];
    for (const m of mods) {
      pushStep(
        steps,
        'request_module',
        'kernel/module/kmod.c',
        msg(profile.modules ? M.requestModule : M.noModules, { module: m }),
        snap(requested),
      );
      look = inetswLookup(list, requested);
    }
    const errno = look.err || 'EPROTONOSUPPORT';
    return fail(
      steps,
      errno,
      create,
      file,
      errno === 'ESOCKTNOSUPPORT'
        ? msg(M.noTypeInFamily, { type: typeName(type), family: familyName(family) })
        : msg(requested === 0 && type === SOCK.SOCK_RAW ? M.noEntryRaw : M.noEntry, {
            list: listName,
            protocol: protocolName(family, requested),
          }),
      { ...snap(requested), inetsw: { family, type, list, walk: look.walk } },
    );
  }

  const answer = look.answer!;
  const protocol = look.protocol;
  if (type === SOCK.SOCK_RAW && !capable(profile, 'CAP_NET_RAW'))
    return fail(steps, 'EPERM', create, file, msg(M.needRaw), snap(protocol));

  const details: Record<string, string | number | boolean> = {};
  const flags = answer.flags;
  pushStep(
    steps,
    'sk_alloc',
    'net/core/sock.c',
    msg(M.skAlloc, {
      ops: answer.ops,
      pf: f.pf,
      prot: answer.prot,
      reuse: yes(flags.includes('REUSE')),
      icsk: yes(flags.includes('ICSK')),
    }),
    { ...snap(protocol), ops: answer.ops, prot: answer.prot },
  );
  if (type === SOCK.SOCK_RAW) {
    details.inet_num = protocol;
    details.hdrincl = protocol === IPPROTO.IPPROTO_RAW;
    pushStep(
      steps,
      'raw_hash_sk',
      'net/ipv4/raw.c',
      msg(M.rawHash, { num: protocol, hdrincl: yes(protocol === IPPROTO.IPPROTO_RAW) }),
      { ...snap(protocol), ops: answer.ops, prot: answer.prot },
    );
  }
  details.pmtudisc = 'IP_PMTUDISC_WANT';

  const init = protoInit(profile, family, answer.prot, protocol, steps);
  if (init) return init;

  pushStep(steps, create, file, msg(M.created, { protocol }), {
    ...snap(protocol),
    ops: answer.ops,
    prot: answer.prot,
  });
  return {
    ok: true,
    sk_family: family,
    sk_type: type,
    sk_protocol: protocol,
    ops: answer.ops,
    prot: answer.prot,
    details,
  };
}

/** sk->sk_prot->init(sk): only the inits that can refuse are modelled beyond naming them. */
function protoInit(
  profile: KernelProfile,
  family: number,
  prot: string,
  protocol: number,
  steps: SocketStep[],
): PfCreateResult | null {
  const s = { family, type: 0, protocol, prot };
  if (prot === 'ping_prot' || prot === 'pingv6_prot') {
    const [low, high] = profile.pingGroupRange;
    const { egid, groups } = profile.caller;
    const inRange = (g: number) => low <= g && g <= high;
    s.type = SOCK.SOCK_DGRAM;
    if (inRange(egid) || groups.some(inRange)) {
      pushStep(
        steps,
        'ping_init_sock',
        'net/ipv4/ping.c',
        msgOptional(M.pingGroup, { gid: inRange(egid) ? egid : groups.find(inRange), low, high }),
        s,
      );
      return null;
    }
    return fail(
      steps,
      'EACCES',
      'ping_init_sock',
      'net/ipv4/ping.c',
      msg(M.pingDenied, { egid, groups: groups.join(', '), low, high, empty: yes(low > high) }),
      s,
    );
  }
  if (prot === 'mptcp_prot' || prot === 'mptcp_v6_prot') {
    s.type = SOCK.SOCK_STREAM;
    if (!profile.mptcpEnabled)
      return fail(steps, 'ENOPROTOOPT', 'mptcp_init_sock', 'net/mptcp/protocol.c', msg(M.mptcpDisabled), s);
    pushStep(steps, 'mptcp_init_sock', 'net/mptcp/protocol.c', msg(M.mptcpEnabled), s);
  }
  return null;
}
