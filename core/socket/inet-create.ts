/**
 * inet_create (net/ipv4/af_inet.c) and inet6_create (net/ipv6/af_inet6.c): the protocol range
 * check, the inetsw[type] lookup loop with its two wildcard cases, the request_module retries,
 * CAP_NET_RAW for SOCK_RAW, then sk_alloc, the raw-socket hash and sk_prot->init (where ping's
 * ping_group_range check and MPTCP's net.mptcp.enabled check live).
 */
import { AF, IPPROTO, IPPROTO_MAX, SOCK, SOCK_MAX, familyName, protocolName, typeName } from './constants.ts';
import { fail, pushStep, type PfCreateArgs, type PfCreateResult } from './pf-create.ts';
import { capable } from './profile.ts';
import type { InetProtosw, InetswWalkStep, KernelProfile, SocketStep } from './types.ts';

/**
 * inet_register_protosw / inet6_register_protosw: append `p` to `lists[p.type]` right after
 * the last PERMANENT entry, refusing to override a permanent protocol and ignoring types ≥
 * SOCK_MAX. Returns why an entry was refused, or null.
 */
export function inetRegisterProtosw(lists: InetProtosw[][], p: InetProtosw): string | null {
  if (p.type < 0 || p.type >= SOCK_MAX) return `Ignoring attempt to register invalid socket type ${p.type}`;
  const list = (lists[p.type] ??= []);
  let lastPerm = -1;
  for (let i = 0; i < list.length; i++) {
    const answer = list[i]!;
    if (!answer.flags.includes('PERMANENT')) break;
    if (answer.protocol === p.protocol) return `Attempt to override permanent protocol ${p.protocol}`;
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
        walk.push({ ...base, outcome: 'matched', why: `protocol ${protocol} equals this entry's protocol` });
        return { err, answer: a, protocol, walk };
      }
      walk.push({
        ...base,
        outcome: 'skipped',
        why: 'both are IPPROTO_IP (0): the exact-match branch never accepts 0, and the wildcard branches are not tried',
      });
    } else if (protocol === IPPROTO.IPPROTO_IP) {
      protocol = a.protocol;
      walk.push({
        ...base,
        outcome: 'default',
        why: `protocol 0 asks for the default: the first entry's protocol ${a.protocol} is taken`,
      });
      return { err, answer: a, protocol, walk };
    } else if (a.protocol === IPPROTO.IPPROTO_IP) {
      walk.push({
        ...base,
        outcome: 'wildcard',
        why: `a wildcard entry (protocol 0) accepts protocol ${protocol}`,
      });
      return { err, answer: a, protocol, walk };
    } else {
      walk.push({
        ...base,
        outcome: 'skipped',
        why: `protocol ${protocol} ≠ ${a.protocol} and neither is 0`,
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
      `protocol ${requested} is outside 0..IPPROTO_MAX-1 (${IPPROTO_MAX - 1})`,
      snap(requested),
    );
  pushStep(
    steps,
    create,
    file,
    `protocol ${requested} is in range; sock->state = SS_UNCONNECTED; look up ${f === INET6 ? 'inetsw6' : 'inetsw'}[${typeName(type)}]`,
    snap(requested),
  );

  const list = inetswList(profile, family, type);
  let look = inetswLookup(list, requested);
  const listName = `${f === INET6 ? 'inetsw6' : 'inetsw'}[${typeName(type)}]`;
  const walkStep = (l: InetswLookup, why: string) =>
    pushStep(steps, create, file, why, {
      ...snap(l.protocol),
      inetsw: { family, type, list, walk: l.walk },
      ...(l.err ? { errno: l.err } : {}),
    });
  walkStep(
    look,
    look.err === 0
      ? `${listName}: entry ${look.walk.length - 1} (${look.answer!.prot}) answers, protocol ${look.protocol}`
      : list.length === 0
        ? `${listName} is empty: err stays ESOCKTNOSUPPORT`
        : `no entry of ${listName} accepts protocol ${requested}: EPROTONOSUPPORT`,
  );

  if (look.err !== 0) {
    // Two retries, each after a request_module; with the profile's modules nothing new appears.
    const mods = [`net-pf-${family}-proto-${requested}-type-${type}`, `net-pf-${family}-proto-${requested}`];
    for (const m of mods) {
      pushStep(
        steps,
        'request_module',
        'kernel/module/kmod.c',
        profile.modules
          ? `ask modprobe for "${m}", then look up again`
          : `"${m}": this kernel has no loadable modules (CONFIG_MODULES=n), the lookup is repeated unchanged`,
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
        ? `no protocol is registered for ${typeName(type)} in ${familyName(family)}`
        : `${listName} has no entry for protocol ${protocolName(family, requested)}` +
            (requested === 0 && type === SOCK.SOCK_RAW
              ? ' (a raw socket needs an explicit protocol: 0 never matches the wildcard entry)'
              : ''),
      { ...snap(requested), inetsw: { family, type, list, walk: look.walk } },
    );
  }

  const answer = look.answer!;
  const protocol = look.protocol;
  if (type === SOCK.SOCK_RAW && !capable(profile, 'CAP_NET_RAW'))
    return fail(
      steps,
      'EPERM',
      create,
      file,
      'SOCK_RAW needs CAP_NET_RAW in the network namespace (checked after the lookup)',
      snap(protocol),
    );

  const details: Record<string, string | number | boolean> = {};
  const flags = answer.flags;
  pushStep(
    steps,
    'sk_alloc',
    'net/core/sock.c',
    `sock->ops = ${answer.ops}; sk_alloc(${f.pf}, ${answer.prot})` +
      (flags.includes('REUSE') ? '; INET_PROTOSW_REUSE: sk_reuse = SK_CAN_REUSE' : '') +
      (flags.includes('ICSK') ? '; INET_PROTOSW_ICSK: a connection socket' : ''),
    { ...snap(protocol), ops: answer.ops, prot: answer.prot },
  );
  if (type === SOCK.SOCK_RAW) {
    details.inet_num = protocol;
    details.hdrincl = protocol === IPPROTO.IPPROTO_RAW;
    pushStep(
      steps,
      'raw_hash_sk',
      'net/ipv4/raw.c',
      `raw socket: inet_num = ${protocol}` +
        (protocol === IPPROTO.IPPROTO_RAW ? ', IPPROTO_RAW sets HDRINCL' : '') +
        '; inet_sport = htons(inet_num) and sk_prot->hash() puts it in the raw hash table',
      { ...snap(protocol), ops: answer.ops, prot: answer.prot },
    );
  }
  details.pmtudisc = 'IP_PMTUDISC_WANT';

  const init = protoInit(profile, family, answer.prot, protocol, steps);
  if (init) return init;

  pushStep(
    steps,
    create,
    file,
    `sk_protocol = ${protocol}; no cgroup BPF program runs (BPF_CGROUP_RUN_PROG_INET_SOCK)`,
    { ...snap(protocol), ops: answer.ops, prot: answer.prot },
  );
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
        `gid ${inRange(egid) ? egid : groups.find(inRange)} lies in ping_group_range [${low}, ${high}]`,
        s,
      );
      return null;
    }
    return fail(
      steps,
      'EACCES',
      'ping_init_sock',
      'net/ipv4/ping.c',
      `neither egid ${egid} nor a supplementary group [${groups.join(', ')}] lies in ping_group_range ` +
        `[${low}, ${high}]` +
        (low > high ? ' (an empty range: nobody, root included, may open ping sockets)' : ''),
      s,
    );
  }
  if (prot === 'mptcp_prot' || prot === 'mptcp_v6_prot') {
    s.type = SOCK.SOCK_STREAM;
    if (!profile.mptcpEnabled)
      return fail(
        steps,
        'ENOPROTOOPT',
        'mptcp_init_sock',
        'net/mptcp/protocol.c',
        'net.mptcp.enabled is 0',
        s,
      );
    pushStep(
      steps,
      'mptcp_init_sock',
      'net/mptcp/protocol.c',
      'net.mptcp.enabled = 1: the MPTCP socket gets its first TCP subflow',
      s,
    );
  }
  return null;
}
