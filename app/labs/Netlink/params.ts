/**
 * The Netlink lab's state as a hash query:
 *
 *   #/netlink?hex=2800000012000103…&family=route
 *   #/netlink?sample=getlink-dump&family=route&msg=3
 *
 * - `hex`: the buffer, hex digits without spaces (spaces, `0x` and `:` are accepted on reading).
 *   A loaded sample that was not edited is written `sample=<id>` instead (a short URL).
 *   The builder is not written separately: it round-trips through the bytes.
 * - `family=route|generic|raw` (always written), `endian=be` (only when not the host's le),
 *   `trunc=1` (the buffer came back with MSG_TRUNC).
 * - `msg=N`: the message on show, counting from 1 (omitted for the first); `walk=N`: the selected
 *   NLMSG_NEXT step, counting from 1.
 * - `frame`, `max`, `split=mistakes`: the multipart splitter, when not the defaults.
 * - `iov=16,24` and `cmsg=SOL_SOCKET.SCM_RIGHTS.8,…` (level.type.length): the msghdr diagram,
 *   when not the defaults (`cmsg=` with nothing means no control messages).
 *
 * Values are kept as typed: bad hex reaches the editor and is reported there, never thrown.
 */
import { NETLINK_PARAMS } from '../../../core/params/netlink.ts';
import type { Param } from '../../../core/params/param.ts';
import { DEFAULT_MSGHDR, DEFAULT_SPLIT, compactHex } from './buffer.ts';
import type { CmsgField, NetlinkInputs, NetlinkIssue } from './buffer.ts';
import { encodeQuery } from '../../lab-kit/index.ts';

export interface NetlinkUrlState {
  inputs: Partial<NetlinkInputs>;
  issues: NetlinkIssue[];
}

export function cmsgsToText(c: readonly CmsgField[]): string {
  return NETLINK_PARAMS.cmsg.format([...c]);
}

/** Parse the query part of `#/netlink?...` with the core's netlink table; bad values become issues. */
export function parseNetlinkQuery(query: string): NetlinkUrlState {
  const q = new URLSearchParams(query);
  const issues: NetlinkIssue[] = [];
  const inputs: Partial<NetlinkInputs> = {};
  /** A parameter of the table: its value, or an issue naming it as `key=` (and undefined). */
  const take = <T>(p: Param<T>, text: string | null, what = ''): T | undefined => {
    if (text === null) return undefined;
    const r = p.parse(text, `${p.key}=`);
    if (r.ok) return r.value;
    issues.push({ field: p.key === 'cmsg' ? 'msghdr' : p.key, message: `${r.issue.message}${what}` });
    return undefined;
  };
  const hex = q.get('hex');
  const sample = q.get('sample');
  if (sample !== null) inputs.sample = sample;
  if (hex !== null) inputs.hexText = hex;
  const family = take(NETLINK_PARAMS.family, q.get('family')?.trim().toLowerCase() ?? null);
  if (family !== undefined) inputs.family = family;
  inputs.endian = take(NETLINK_PARAMS.endian, q.get('endian')?.trim().toLowerCase() ?? null) ?? 'le';
  const trunc = take(NETLINK_PARAMS.trunc, q.get('trunc'));
  if (trunc !== undefined) inputs.truncated = trunc;
  const msg = take(NETLINK_PARAMS.msg, q.get('msg'), ' Showing the first.');
  if (msg !== undefined) inputs.selected = msg;
  const walk = take(NETLINK_PARAMS.walk, q.get('walk'), ' Showing the first.');
  if (walk !== undefined) inputs.walk = walk;

  // The splitter's numbers are kept as typed (its form reports them); its mode is a word.
  inputs.split = {
    frame: q.get('frame') ?? DEFAULT_SPLIT.frame,
    max: q.get('max') ?? DEFAULT_SPLIT.max,
    mode: take(NETLINK_PARAMS.split, q.get('split')) ?? DEFAULT_SPLIT.mode,
  };
  const cmsgs = take(NETLINK_PARAMS.cmsg, q.get('cmsg'));
  inputs.msghdr = { iov: q.get('iov') ?? DEFAULT_MSGHDR.iov, cmsgs: cmsgs ?? DEFAULT_MSGHDR.cmsgs };
  return { inputs, issues };
}

export function serialiseNetlinkQuery(s: NetlinkInputs): string {
  const parts: [string, string][] = [];
  if (s.sample) parts.push(['sample', s.sample]);
  else parts.push(['hex', compactHex(s.hexText)]);
  parts.push(['family', s.family]);
  if (s.endian !== 'le') parts.push(['endian', s.endian]);
  if (s.truncated) parts.push(['trunc', '1']);
  if (s.selected > 0) parts.push(['msg', String(s.selected + 1)]);
  if (s.walk !== null) parts.push(['walk', String(s.walk + 1)]);
  if (s.split.frame !== DEFAULT_SPLIT.frame) parts.push(['frame', s.split.frame]);
  if (s.split.max !== DEFAULT_SPLIT.max) parts.push(['max', s.split.max]);
  if (s.split.mode !== DEFAULT_SPLIT.mode) parts.push(['split', s.split.mode]);
  if (s.msghdr.iov !== DEFAULT_MSGHDR.iov) parts.push(['iov', s.msghdr.iov]);
  const c = cmsgsToText(s.msghdr.cmsgs);
  if (c !== cmsgsToText(DEFAULT_MSGHDR.cmsgs)) parts.push(['cmsg', c]);
  return encodeQuery(parts);
}

export const NETLINK_KEYS: readonly string[] = [
  'hex',
  'sample',
  'family',
  'endian',
  'trunc',
  'msg',
  'walk',
  'frame',
  'max',
  'split',
  'iov',
  'cmsg',
];
