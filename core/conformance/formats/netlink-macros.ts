/**
 * Oracle format `netlink-macros` (netlink_macros.c): what the kernel's UAPI headers compute —
 * struct sizes and offsets on x86-64, the constants, NLMSG_/NLA_/RTA_/CMSG_ length macros for
 * every length 0..300, and grids of NLMSG_OK(nlh, remaining) and NLMSG_PAYLOAD(nlh, len).
 * Each value is recomputed with core/netlink's macros.
 */
import {
  CTRL_CMDS,
  GENL_ID_CTRL,
  NLA_F,
  NLA_HDRLEN,
  NLM_F,
  NLMSG_HDRLEN,
  NLMSG_TYPES,
  RTM_TYPES,
  STRUCT_OFFSETS,
  STRUCT_SIZES,
  cmsgAlign,
  cmsgLen,
  cmsgSpace,
  nlaAlign,
  nlmsgAlign,
  nlmsgLength,
  nlmsgOk,
  nlmsgPayload,
  nlmsgSpace,
  rtaAlign,
  rtaLength,
  rtaSpace,
} from '../../netlink/index.ts';
import { diffFields, type CaseOutcome, type OracleFormat } from '../types.ts';

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every named constant core/netlink knows, as the C headers spell it. */
export function netlinkConstant(name: string): number | undefined {
  if (name in NLMSG_TYPES) return NLMSG_TYPES[name];
  if (name in NLM_F) return NLM_F[name];
  if (name in NLA_F) return NLA_F[name];
  if (name === 'GENL_ID_CTRL') return GENL_ID_CTRL;
  const cmd = CTRL_CMDS.indexOf(name);
  if (cmd >= 0) return cmd;
  return RTM_TYPES.find((t) => t.name === name)?.value;
}

const MACROS: Record<string, (n: number) => number> = {
  NLMSG_ALIGN: nlmsgAlign,
  NLMSG_LENGTH: nlmsgLength,
  NLMSG_SPACE: nlmsgSpace,
  NLMSG_HDRLEN: () => NLMSG_HDRLEN,
  NLA_ALIGN: nlaAlign,
  NLA_HDRLEN: () => NLA_HDRLEN,
  RTA_ALIGN: rtaAlign,
  RTA_LENGTH: rtaLength,
  RTA_SPACE: rtaSpace,
  CMSG_ALIGN: cmsgAlign,
  CMSG_LEN: cmsgLen,
  CMSG_SPACE: cmsgSpace,
};

const outcome = (name: string, expected: unknown, got: unknown): CaseOutcome => {
  const diffs = diffFields(expected, got);
  return { name, pass: diffs.length === 0, diffs };
};

export const netlinkMacrosFormat: OracleFormat = {
  name: 'netlink-macros',
  detect(doc) {
    return isObj(doc) && Array.isArray(doc.lengths) && Array.isArray(doc.nlmsg_ok) && isObj(doc.sizes);
  },
  run(doc) {
    if (!isObj(doc)) return [];
    const out: CaseOutcome[] = [];
    if (isObj(doc.sizes))
      for (const [k, v] of Object.entries(doc.sizes))
        out.push(outcome(`sizeof(struct ${k})`, v, STRUCT_SIZES[k] ?? null));
    if (isObj(doc.offsets))
      for (const [k, v] of Object.entries(doc.offsets))
        out.push(outcome(`offsets of struct ${k}`, v, STRUCT_OFFSETS[k] ?? null));
    if (isObj(doc.constants))
      for (const [k, v] of Object.entries(doc.constants)) out.push(outcome(k, v, netlinkConstant(k) ?? null));
    if (Array.isArray(doc.lengths))
      doc.lengths.forEach((row: unknown, i) => {
        if (!isObj(row) || typeof row.n !== 'number') {
          out.push(outcome(`lengths[${i}]`, 'a row with n', row));
          return;
        }
        const n = row.n;
        const got: Record<string, unknown> = { n };
        for (const k of Object.keys(row)) if (k !== 'n') got[k] = MACROS[k] ? MACROS[k](n) : null;
        out.push(outcome(`length macros for n = ${n}`, row, got));
      });
    if (Array.isArray(doc.nlmsg_ok))
      doc.nlmsg_ok.forEach((row: unknown, i) => {
        if (!isObj(row) || typeof row.nlmsg_len !== 'number' || typeof row.remaining !== 'number') {
          out.push(outcome(`nlmsg_ok[${i}]`, 'a row with nlmsg_len and remaining', row));
          return;
        }
        out.push(
          outcome(
            `NLMSG_OK(nlmsg_len = ${row.nlmsg_len}, len = ${row.remaining})`,
            row.ok,
            nlmsgOk(row.nlmsg_len, row.remaining) ? 1 : 0,
          ),
        );
      });
    if (Array.isArray(doc.nlmsg_payload))
      doc.nlmsg_payload.forEach((row: unknown, i) => {
        if (!isObj(row) || typeof row.nlmsg_len !== 'number' || typeof row.len !== 'number') {
          out.push(outcome(`nlmsg_payload[${i}]`, 'a row with nlmsg_len and len', row));
          return;
        }
        out.push(
          outcome(
            `NLMSG_PAYLOAD(nlmsg_len = ${row.nlmsg_len}, ${row.len})`,
            row.payload,
            nlmsgPayload(row.nlmsg_len, row.len),
          ),
        );
      });
    return out;
  },
};
