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
import { DEFAULT_MSGHDR, DEFAULT_SPLIT, NL_ENDIANS, NL_FAMILIES, compactHex } from './buffer.ts';
import type { CmsgField, MsghdrFields, NetlinkInputs, NetlinkIssue, SplitFields } from './buffer.ts';
import { echo } from '../../../core/params/index.ts';
import { encodeQuery } from '../../lab-kit/index.ts';

export interface NetlinkUrlState {
  inputs: Partial<NetlinkInputs>;
  issues: NetlinkIssue[];
}

function posInt(q: URLSearchParams, k: 'msg' | 'walk', issues: NetlinkIssue[]): number | undefined {
  const v = q.get(k);
  if (v === null) return undefined;
  if (/^\d+$/.test(v.trim()) && Number(v) >= 1) return Number(v) - 1;
  issues.push({ field: k, message: `${k}=${echo(v)} is not a number counting from 1; showing the first.` });
  return undefined;
}

export function cmsgsToText(c: readonly CmsgField[]): string {
  return c.map((x) => `${x.level}.${x.type}.${x.len}`).join(',');
}

export function parseNetlinkQuery(query: string): NetlinkUrlState {
  const q = new URLSearchParams(query);
  const issues: NetlinkIssue[] = [];
  const inputs: Partial<NetlinkInputs> = {};
  const hex = q.get('hex');
  const sample = q.get('sample');
  if (sample !== null) inputs.sample = sample;
  if (hex !== null) inputs.hexText = hex;
  const fam = q.get('family');
  if (fam !== null) {
    const f = NL_FAMILIES.find((x) => x === fam.trim().toLowerCase());
    if (f) inputs.family = f;
    else issues.push({ field: 'family', message: `family=${echo(fam)}: use route, generic or raw.` });
  }
  const end = q.get('endian');
  if (end !== null) {
    const e = NL_ENDIANS.find((x) => x === end.trim().toLowerCase());
    if (e) inputs.endian = e;
    else issues.push({ field: 'endian', message: `endian=${echo(end)}: use le or be.` });
  } else inputs.endian = 'le';
  const trunc = q.get('trunc');
  if (trunc !== null) {
    if (trunc === '1' || trunc === '0') inputs.truncated = trunc === '1';
    else issues.push({ field: 'trunc', message: `trunc=${echo(trunc)}: use 1 or 0.` });
  }
  const msg = posInt(q, 'msg', issues);
  if (msg !== undefined) inputs.selected = msg;
  const walk = posInt(q, 'walk', issues);
  if (walk !== undefined) inputs.walk = walk;

  const split: SplitFields = { ...DEFAULT_SPLIT };
  const frame = q.get('frame');
  const max = q.get('max');
  const mode = q.get('split');
  if (frame !== null) split.frame = frame;
  if (max !== null) split.max = max;
  if (mode !== null) {
    if (mode === 'correct' || mode === 'mistakes') split.mode = mode;
    else issues.push({ field: 'split', message: `split=${echo(mode)}: use correct or mistakes.` });
  }
  inputs.split = split;

  const msghdr: MsghdrFields = { ...DEFAULT_MSGHDR };
  const iov = q.get('iov');
  if (iov !== null) msghdr.iov = iov;
  const cmsg = q.get('cmsg');
  if (cmsg !== null) {
    const parts = cmsg.split(',').filter((p) => p.trim() !== '');
    const cmsgs: CmsgField[] = [];
    for (const p of parts) {
      const m = /^([A-Z_0-9]+)\.([A-Z_0-9]+)\.(\d+)$/i.exec(p.trim());
      if (m) cmsgs.push({ level: m[1]!, type: m[2]!, len: m[3]! });
      else
        issues.push({
          field: 'msghdr',
          message: `cmsg ${echo(p)}: write level.type.length (SOL_SOCKET.SCM_RIGHTS.8).`,
        });
    }
    msghdr.cmsgs = cmsgs;
  }
  inputs.msghdr = msghdr;
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
