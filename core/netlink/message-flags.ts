/**
 * nlmsg_type and nlmsg_flags read as the receiver reads them: netlink_rcv_skb
 * (net/netlink/af_netlink.c) hands only NLM_F_REQUEST messages of type >= NLMSG_MIN_TYPE to the
 * family, rtnetlink_rcv_msg (net/core/rtnetlink.c) tests `flags & NLM_F_DUMP`, and the modifier
 * bits 0x100–0x800 mean different things for GET, NEW, DELETE requests and ACKs. Flags that mean
 * nothing for the message's kind are findings, not errors the kernel reports.
 */
import { NLM_F, NLMSG_ERROR, RTM_MAX } from './constants.ts';
import { diag } from './diagnostics.ts';
import { RTM_TYPES, requestKind } from './families.ts';
import { flagKind } from './names.ts';
import type { NlDiagnostic, NlFamily } from './types.ts';
import { hexNumber } from '../hex/index.ts';

const RTM_VALUES: ReadonlySet<number> = new Set(RTM_TYPES.map((t) => t.value));

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

/** Flags that make no sense for the message's kind (the kernel ignores or misreads them). */
export function flagDiagnostics(
  m: FlagSubject,
  family: NlFamily,
  genlCmd: number | undefined,
  out: NlDiagnostic[],
): void {
  const { flags, type, offset } = m;
  const at = (sev: NlDiagnostic['severity'], code: string, id: string = code, values = {}) =>
    out.push(diag(sev, code, values, offset + 6, 2, id));
  const isReq = (flags & 0x01) !== 0;
  const kind = flagKind(type, flags, family, genlCmd);
  if (family === 'route' && type >= 0x10 && !RTM_VALUES.has(type)) unknownRouteType(m, out);
  const unknownBits = flags & ~0x0f3f;
  if (unknownBits) at('warning', 'flag-unknown', 'flag-unknown', { bits: hexNumber(unknownBits) });
  // GET and SET types are only ever requests (the kernel answers and notifies with NEW/DEL types).
  const reqOnly = family === 'route' && ['get', 'set'].includes(requestKind(type, family));
  if (type >= 0x10 && !isReq && (kind === 'get' || reqOnly))
    at('error', 'request-without-request-flag', 'request-without-request-flag', { typeName: m.typeName });
  if (flags & 0x10) at('info', 'dump-interrupted');
  if (isReq) requestFlagDiagnostics(flags, family, kind, at);
  else if (type === NLMSG_ERROR && flags & 0xc00)
    at('warning', 'flag-meaningless', 'flag-meaningless.ack-bits');
}

/** The modifier bits of a request, read by its kind (GET, NEW/SET, DEL). */
function requestFlagDiagnostics(
  flags: number,
  family: NlFamily,
  kind: string,
  at: (sev: NlDiagnostic['severity'], code: string, id?: string) => void,
): void {
  if (flags & 0x02) at('warning', 'flag-meaningless', 'flag-meaningless.multi-on-request');
  if (flags & 0x30) at('warning', 'flag-meaningless', 'flag-meaningless.dump-flags-on-request');
  if (kind === 'get') {
    if (flags & 0x800) at('warning', 'flag-meaningless', 'flag-meaningless.append-on-get');
    if ((flags & 0x300) !== 0 && (flags & 0x300) !== 0x300 && family === 'route')
      at('info', 'partial-dump-flag');
  } else if (kind === 'new' || kind === 'set') {
    if ((flags & 0x300) === 0x300) at('warning', 'flag-meaningless', 'flag-meaningless.replace-excl');
  } else if (kind === 'del') {
    if (flags & 0xc00) at('warning', 'flag-meaningless', 'flag-meaningless.create-append-on-del');
  }
}
