/**
 * Oracle format `socket-matrix` (socket_matrix.py): one socket(domain, type, protocol) call per
 * record, as root and as an unprivileged caller, with either the errno or what getsockopt read
 * back (SO_DOMAIN / SO_TYPE / SO_PROTOCOL). Each record is replayed through sysSocket with the
 * default kernel profile and the record's privilege.
 */
import { profileFor, sysSocket } from '../../socket/index.ts';
import { diffFields, type CaseOutcome, type OracleFormat } from '../types.ts';

interface MatrixRecord {
  privilege: 'root' | 'unprivileged';
  domain: string;
  domain_value: number;
  type: string;
  type_value: number;
  protocol: string;
  protocol_value: number;
  ok: boolean;
  errno?: string;
  so_domain?: number | null;
  so_type?: number | null;
  so_protocol?: number | null;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function isRecord(r: unknown): r is MatrixRecord {
  return (
    isObj(r) &&
    (r.privilege === 'root' || r.privilege === 'unprivileged') &&
    typeof r.domain_value === 'number' &&
    typeof r.type_value === 'number' &&
    typeof r.protocol_value === 'number' &&
    typeof r.ok === 'boolean'
  );
}

function caseName(r: object, i: number): string {
  const o = r as Record<string, unknown>;
  return `${String(o.privilege)} socket(${String(o.domain)}, ${String(o.type)}, ${String(o.protocol)}) #${i}`;
}

export const socketMatrixFormat: OracleFormat = {
  name: 'socket-matrix',
  detect(doc) {
    if (!isObj(doc) || !Array.isArray(doc.records)) return false;
    const first: unknown = doc.records[0];
    return isObj(first) && 'privilege' in first && 'domain_value' in first && 'type_value' in first;
  },
  run(doc) {
    if (!isObj(doc) || !Array.isArray(doc.records)) return [];
    return doc.records.map((raw: unknown, i): CaseOutcome => {
      if (!isRecord(raw))
        return {
          name: isObj(raw) ? caseName(raw, i) : `record #${i}`,
          pass: false,
          diffs: [{ field: '(record)', expected: 'a socket-matrix record', got: raw }],
        };
      const res = sysSocket(raw.domain_value, raw.type_value, raw.protocol_value, profileFor(raw.privilege));
      const expected = raw.ok
        ? { ok: true, so_domain: raw.so_domain, so_type: raw.so_type, so_protocol: raw.so_protocol }
        : { ok: false, errno: raw.errno };
      const got = res.ok
        ? { ok: true, so_domain: res.so_domain, so_type: res.so_type, so_protocol: res.so_protocol }
        : { ok: false, errno: res.errno };
      const diffs = diffFields(expected, got);
      return { name: caseName(raw, i), pass: diffs.length === 0, diffs };
    });
  },
};
