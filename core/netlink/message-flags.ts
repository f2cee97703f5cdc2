/**
 * nlmsg_type and nlmsg_flags read as the receiver reads them: netlink_rcv_skb
 * (net/netlink/af_netlink.c) hands only NLM_F_REQUEST messages of type >= NLMSG_MIN_TYPE to the
 * family, rtnetlink_rcv_msg (net/core/rtnetlink.c) tests `flags & NLM_F_DUMP`, and the modifier
 * bits 0x100–0x800 mean different things for GET, NEW, DELETE requests and ACKs. Flags that mean
 * nothing for the message's kind are findings, not errors the kernel reports.
 */
import { GENL_ID_CTRL, NLM_F, NLMSG_ERROR, RTM_MAX } from './constants.ts';
import { diag } from './diagnostics.ts';
import { RTM_TYPES, requestKind } from './families.ts';
import { flagKind } from './names.ts';
import type { NlDiagnostic, NlFamily } from './types.ts';
import { hexNumber } from '../hex/index.ts';

const RTM_VALUES: ReadonlySet<number> = new Set(RTM_TYPES.map((t) => t.value));

/**
 * GET types the kernel itself sends, as replies without NLM_F_REQUEST: RTM_GETACTION (tc_dump_action
 * keeps the request's type; tca_get_fill's single reply too), RTM_GETMULTICAST and RTM_GETANYCAST
 * (in6_dump_addrs, inet_dump_ifmcaddr), RTM_GETMDB (br_mdb_dump).
 */
const ROUTE_GET_REPLIES: ReadonlySet<number> = new Set([50, 58, 62, 86]);
/** The generic-netlink controller's GET command it answers with: CTRL_CMD_GETPOLICY (ctrl_dumppolicy). */
const CTRL_CMD_GETPOLICY = 10;

/** A GET type without NLM_F_REQUEST that the kernel does send: a reply, not a mistaken request. */
const kernelSendsGet = (type: number, family: NlFamily, genlCmd: number | undefined): boolean =>
  (family === 'route' && ROUTE_GET_REPLIES.has(type)) ||
  (family === 'generic' && type === GENL_ID_CTRL && genlCmd === CTRL_CMD_GETPOLICY);

/** What flag diagnostics need to know of a message. */
export interface FlagSubject {
  offset: number;
  type: number;
  typeName: string;
  flags: number;
}

/** `flag-in-type`: the message is not what its type says; a flag was likely stored in nlmsg_type. */
export function flagInType(
  m: FlagSubject,
  out: NlDiagnostic[],
  id: string,
  values: Record<string, string | number> = {},
): void {
  out.push(
    diag('error', 'flag-in-type', { type: m.type, typeName: m.typeName, ...values }, m.offset + 4, 2, id),
  );
}

/** An nlmsg_type rtnetlink has no handler for (rtnetlink_rcv_msg answers -EOPNOTSUPP). */
function unknownRouteType(m: FlagSubject, out: NlDiagnostic[]): void {
  const asFlag = Object.entries(NLM_F).find(([, v]) => v === m.type)?.[0] ?? '';
  out.push(diag('warning', 'unknown-type', { type: m.type, max: RTM_MAX, asFlag }, m.offset + 4, 2));
}

/** A flag finding about nlmsg_flags (bytes 6–7 of the header). */
function atFlags(
  m: FlagSubject,
  out: NlDiagnostic[],
  sev: NlDiagnostic['severity'],
  code: string,
  id: string = code,
  values: Record<string, string | number> = {},
): void {
  out.push(diag(sev, code, values, m.offset + 6, 2, id));
}

/** Flags that make no sense for the message's kind (the kernel ignores or misreads them). */
export function flagDiagnostics(
  m: FlagSubject,
  family: NlFamily,
  genlCmd: number | undefined,
  out: NlDiagnostic[],
): void {
  const { flags, type } = m;
  const isReq = (flags & 0x01) !== 0;
  const kind = flagKind(type, flags, family, genlCmd);
  if (family === 'route' && type >= 0x10 && !RTM_VALUES.has(type)) unknownRouteType(m, out);
  const unknownBits = flags & ~0x0f3f;
  if (unknownBits)
    atFlags(m, out, 'warning', 'flag-unknown', 'flag-unknown', { bits: hexNumber(unknownBits) });
  // GET and SET types are requests (the kernel answers and notifies with NEW/DEL types), but for
  // the few GET types its dumps reuse.
  if (
    type >= 0x10 &&
    !isReq &&
    (kind === 'get' || (family === 'route' && isGetOrSet(type, family))) &&
    !kernelSendsGet(type, family, genlCmd)
  )
    atFlags(m, out, 'error', 'request-without-request-flag', 'request-without-request-flag', {
      typeName: m.typeName,
    });
  if (flags & 0x10) atFlags(m, out, 'info', 'dump-interrupted');
  if (isReq) requestFlagDiagnostics(m, family, kind, out);
  else if (type === NLMSG_ERROR && flags & 0xc00)
    atFlags(m, out, 'warning', 'flag-meaningless', 'flag-meaningless.ack-bits');
}

const isGetOrSet = (type: number, family: NlFamily): boolean => {
  const k = requestKind(type, family);
  return k === 'get' || k === 'set';
};

/** The modifier bits of a request, read by its kind (GET, NEW/SET, DEL). */
function requestFlagDiagnostics(m: FlagSubject, family: NlFamily, kind: string, out: NlDiagnostic[]): void {
  const flags = m.flags;
  const meaningless = (id: string) =>
    atFlags(m, out, 'warning', 'flag-meaningless', `flag-meaningless.${id}`);
  if (flags & 0x02) meaningless('multi-on-request');
  if (flags & 0x30) meaningless('dump-flags-on-request');
  if (kind === 'get') {
    if (flags & 0x800) meaningless('append-on-get');
    if ((flags & 0x300) !== 0 && (flags & 0x300) !== 0x300 && family === 'route')
      atFlags(m, out, 'info', 'partial-dump-flag');
  } else if (kind === 'new' || kind === 'set') {
    if ((flags & 0x300) === 0x300) meaningless('replace-excl');
  } else if (kind === 'del') {
    if (flags & 0xc00) meaningless('create-append-on-del');
  }
}
