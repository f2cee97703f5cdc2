/**
 * `sockscope socket DOMAIN TYPE PROTOCOL [--unprivileged] [--json] [--op OP] [--level SOL_SOCKET]`:
 * what socket() does on the default kernel profile, as a readable report or JSON. Exit code 0
 * for any modelled outcome (an errno is an answer, not a failure), 2 for unusable arguments.
 * No I/O here: main.ts prints `out`.
 */
import {
  DEFAULT_PROFILE,
  SOCKET_OPS,
  familyName,
  parseSocketCall,
  profileFor,
  protocolName,
  sockDispatch,
  sysSocket,
  typeName,
  type DispatchResult,
  type FnTable,
  type SocketOp,
  type SocketResult,
} from '../socket/index.ts';

export const SOCKET_USAGE = [
  'usage: sockscope socket DOMAIN TYPE PROTOCOL [--unprivileged] [--json] [--op OP] [--level SOL_SOCKET]',
  '  DOMAIN    AF_INET, PF_INET6, AF_NETLINK… or a number',
  '  TYPE      SOCK_STREAM, SOCK_DGRAM|SOCK_CLOEXEC… or a number',
  '  PROTOCOL  0, IPPROTO_UDP, NETLINK_ROUTE, htons(ETH_P_ALL)… or a number',
  `  --op OP   follow one call through the tables: ${SOCKET_OPS.join(', ')}`,
].join('\n');

interface CliArgs {
  positional: string[];
  unprivileged: boolean;
  json: boolean;
  op: SocketOp | null;
  level: 'SOL_SOCKET' | 'protocol';
}

function parseArgs(args: string[]): CliArgs | string {
  const out: CliArgs = { positional: [], unprivileged: false, json: false, op: null, level: 'protocol' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--unprivileged' || a === '--user') out.unprivileged = true;
    else if (a === '--root') out.unprivileged = false;
    else if (a === '--json') out.json = true;
    else if (a === '--op' || a.startsWith('--op=')) {
      const v = a === '--op' ? args[++i] : a.slice(5);
      if (!v || !(SOCKET_OPS as readonly string[]).includes(v))
        return `--op needs one of ${SOCKET_OPS.join(', ')}${v ? ` (got "${v}")` : ''}`;
      out.op = v as SocketOp;
    } else if (a === '--level' || a.startsWith('--level=')) {
      const v = a === '--level' ? args[++i] : a.slice(8);
      if (v !== 'SOL_SOCKET' && v !== 'protocol') return '--level takes SOL_SOCKET or protocol';
      out.level = v;
    } else if (a === '--help' || a === '-h') return 'help';
    // A negative number is a value, not an option.
    else if (a.startsWith('--') || (a.startsWith('-') && !/^-\d/.test(a))) return `unknown option ${a}`;
    else out.positional.push(a);
  }
  if (out.positional.length !== 3)
    return `expected DOMAIN TYPE PROTOCOL, got ${out.positional.length} argument(s)`;
  return out;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function tableLines(t: FnTable, used: readonly string[]): string[] {
  const head = `${t.name}${t.displayName ? ` "${t.displayName}"` : ''} (${t.file || '?'})`;
  if (t.slots.length === 0) return [head, '  (no socket-call slots)'];
  return [
    head,
    ...t.slots.map(
      (s) =>
        `${used.includes(s.field) ? '* ' : '  '}${pad(s.field, 12)} ${s.fn}${s.stub ? `  → ${s.stub.errno}` : ''}`,
    ),
  ];
}

function sideBySide(a: string[], b: string[]): string[] {
  const w = Math.max(...a.map((l) => l.length)) + 3;
  const n = Math.max(a.length, b.length);
  return Array.from({ length: n }, (_, i) => (pad(a[i] ?? '', w) + (b[i] ?? '')).trimEnd());
}

function report(res: SocketResult, dispatch: DispatchResult | null): string {
  const r = res.request;
  const lines: string[] = [];
  lines.push(
    `socket(${familyName(r.family)}, ${typeName(r.type)}, ${protocolName(r.family, r.protocol)})` +
      ` on ${res.profile} as ${res.privilege}`,
  );
  if (!res.ok) {
    lines.push(`result: -1 ${res.errno}, returned by ${res.fn} (${res.file})`, `  why: ${res.why}`);
  } else {
    lines.push(
      `result: a socket; SO_DOMAIN=${res.so_domain} (${familyName(res.so_domain)}) ` +
        `SO_TYPE=${res.so_type} (${typeName(res.so_type)}) ` +
        `SO_PROTOCOL=${res.so_protocol} (${protocolName(res.so_domain, res.so_protocol)})` +
        (res.nonblock ? ' O_NONBLOCK' : '') +
        (res.cloexec ? ' O_CLOEXEC' : ''),
      `sock->ops = ${res.ops.name}   sk->sk_prot = ${res.prot.name}`,
    );
    const details = Object.entries(res.details);
    if (details.length) lines.push(`details: ${details.map(([k, v]) => `${k}=${String(v)}`).join(' ')}`);
    lines.push('');
    const usedOps = dispatch?.opsField ? [dispatch.opsField] : [];
    const usedProt = dispatch?.protoField ? [dispatch.protoField] : [];
    lines.push(
      ...sideBySide(
        ['proto_ops ' + tableLines(res.ops, usedOps)[0], ...tableLines(res.ops, usedOps).slice(1)],
        ['proto ' + tableLines(res.prot, usedProt)[0], ...tableLines(res.prot, usedProt).slice(1)],
      ),
    );
  }
  lines.push('', 'trace:');
  res.trace.forEach((s, i) => {
    lines.push(
      `${pad(String(i + 1), 3)} ${pad(s.fn, 22)} ${pad(s.file, 28)} ${s.why}${s.snapshot.errno ? `  [${s.snapshot.errno}]` : ''}`,
    );
    for (const w of s.snapshot.inetsw?.walk ?? [])
      lines.push(
        `      [${w.index}] ${pad(String(w.protocol), 4)} ${pad(w.prot, 14)} ${pad(w.outcome, 9)} ${w.why}`,
      );
  });
  if (dispatch) {
    lines.push('', `dispatch ${dispatch.op}():`);
    for (const s of dispatch.chain)
      lines.push(
        `  ${pad(s.snapshot.via ?? '', 22)} ${pad(s.fn, 26)} ${pad(s.file, 30)}${s.snapshot.errno ? ` → ${s.snapshot.errno}` : ''}`.trimEnd(),
      );
    lines.push(
      `  ${dispatch.error ? `error: ${dispatch.error.errno} (${dispatch.error.fn})` : dispatch.note}`,
    );
  }
  return lines.join('\n') + '\n';
}

export function socketCommand(args: string[]): { code: number; out: string } {
  const a = parseArgs(args);
  if (a === 'help') return { code: 0, out: SOCKET_USAGE + '\n' };
  if (typeof a === 'string') return { code: 2, out: `sockscope socket: ${a}\n${SOCKET_USAGE}\n` };
  const [d, t, p] = a.positional as [string, string, string];
  const call = parseSocketCall(d, t, p);
  if (!call.ok) return { code: 2, out: `sockscope socket: ${call.field}: ${call.why}\n${SOCKET_USAGE}\n` };

  const profile = profileFor(a.unprivileged ? 'unprivileged' : 'root', DEFAULT_PROFILE);
  const res = sysSocket(call.family, call.type, call.protocol, profile);
  const dispatch = a.op && res.ok ? sockDispatch(res, a.op, { level: a.level }) : null;
  if (a.json) {
    const body = {
      profile: { id: profile.id, description: profile.description, caller: profile.caller },
      names: call.names,
      result: res,
      ...(a.op
        ? { dispatch: dispatch ?? { op: a.op, skipped: 'socket() failed; nothing to dispatch' } }
        : {}),
    };
    return { code: 0, out: JSON.stringify(body, null, 2) + '\n' };
  }
  let out = report(res, dispatch);
  if (a.op && !res.ok) out += `\n--op ${a.op}: socket() failed, nothing to dispatch\n`;
  return { code: 0, out };
}
