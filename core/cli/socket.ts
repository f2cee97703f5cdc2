/**
 * `sockscope socket DOMAIN TYPE PROTOCOL [--unprivileged] [--json] [--op OP] [--level SOL_SOCKET]`:
 * what socket() does on the default kernel profile, as a readable report or JSON, in English or
 * Chinese (`--lang zh-CN`, read by runCli). Exit code 0 for any modelled outcome (an errno is an
 * answer, not a failure), 2 for unusable arguments. No I/O here: main.ts prints `out`.
 *
 * JSON keeps every machine field; each message (a `why`, `note`, `description`…) stays
 * `{ id, values }` and gains a sibling `…_text` with the sentence in the chosen language.
 */
import { ERRNO, strerror } from '../errno/index.ts';
import { addTextFields, defineMessages, formatMsg, msg, type Locale, type Msg } from '../i18n/index.ts';
import {
  DEFAULT_PROFILE,
  INETSW_OUTCOME_LABEL,
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
import { displayWidth, padColumns, type CliContext } from './args.ts';

const M = defineMessages({
  usage: {
    id: 'cli.socket.usage',
    defaultMessage:
      'usage: <code>sockscope socket DOMAIN TYPE PROTOCOL [--unprivileged] [--json] [--op OP] [--level SOL_SOCKET] [--lang en|zh-CN]</code>',
  },
  usageDomain: {
    id: 'cli.socket.usage.domain',
    defaultMessage: '<code>AF_INET</code>, <code>PF_INET6</code>, <code>AF_NETLINK</code>… or a number',
  },
  usageType: {
    id: 'cli.socket.usage.type',
    defaultMessage: '<code>SOCK_STREAM</code>, <code>SOCK_DGRAM|SOCK_CLOEXEC</code>… or a number',
  },
  usageProtocol: {
    id: 'cli.socket.usage.protocol',
    defaultMessage:
      '0, <code>IPPROTO_UDP</code>, <code>NETLINK_ROUTE</code>, <code>htons(ETH_P_ALL)</code>… or a number',
  },
  usageOp: {
    id: 'cli.socket.usage.op',
    defaultMessage: 'follow one call through the tables: {ops}',
  },
  usageLang: {
    id: 'cli.socket.usage.lang',
    defaultMessage: 'the language of the report: English (en, the default) or Chinese (zh-CN)',
  },
  opNeeds: {
    id: 'cli.socket.opNeeds',
    defaultMessage:
      '{got, select, none {<code>--op</code> needs one of {ops}} other {<code>--op</code> needs one of {ops} (got "{got}")}}',
    description: 'got: the bad value ("none" when --op had none).',
  },
  levelTakes: {
    id: 'cli.socket.levelTakes',
    defaultMessage: '<code>--level</code> takes <code>SOL_SOCKET</code> or <code>protocol</code>',
  },
  unknownOption: {
    id: 'cli.socket.unknownOption',
    defaultMessage: 'unknown option <code>{option}</code>',
  },
  argCount: {
    id: 'cli.socket.argCount',
    defaultMessage:
      'expected <code>DOMAIN TYPE PROTOCOL</code>, got {n, plural, one {# argument} other {# arguments}}',
  },
  badField: {
    id: 'cli.socket.badField',
    defaultMessage: '{field, select, domain {domain} type {type} other {protocol}}: {why}',
  },
  call: {
    id: 'cli.socket.call',
    defaultMessage:
      '<code>{call}</code> on <code>{profile}</code> as {privilege, select, root {root} other {unprivileged}}',
    description:
      "The report's first line. call: socket(AF_INET, SOCK_DGRAM, IPPROTO_IP); profile: the kernel profile id.",
  },
  failed: {
    id: 'cli.socket.failed',
    defaultMessage: 'result: -1 <code>{errno}</code>, returned by <code>{fn}</code> (<code>{file}</code>)',
  },
  strerror: {
    id: 'cli.socket.strerror',
    defaultMessage: '<code>errno {n}</code>: {text}',
    description: 'text: strerror(3) of the errno.',
  },
  why: {
    id: 'cli.socket.why',
    defaultMessage: 'why: {why}',
  },
  created: {
    id: 'cli.socket.created',
    defaultMessage: 'result: a socket; <code>{readback}</code>',
    description: 'readback: SO_DOMAIN=2 (AF_INET) SO_TYPE=… as getsockopt reads them.',
  },
  details: {
    id: 'cli.socket.details',
    defaultMessage: 'details: <code>{details}</code>',
  },
  noSlots: {
    id: 'cli.socket.noSlots',
    defaultMessage: '(no socket-call slots)',
    description: 'Under a struct proto with none of the slots a socket call reaches.',
  },
  trace: {
    id: 'cli.socket.trace',
    defaultMessage: 'trace:',
  },
  dispatch: {
    id: 'cli.socket.dispatch',
    defaultMessage: 'dispatch <code>{op}()</code>:',
  },
  dispatchError: {
    id: 'cli.socket.dispatchError',
    defaultMessage: 'error: <code>{errno}</code> (<code>{fn}</code>)',
  },
  nothingToDispatch: {
    id: 'cli.socket.nothingToDispatch',
    defaultMessage: '<code>--op {op}</code>: <code>socket()</code> failed, nothing to dispatch',
  },
  skipped: {
    id: 'cli.socket.skipped',
    defaultMessage: '<code>socket()</code> failed; nothing to dispatch',
  },
});

/** The usage text in `locale`. */
export function socketUsage(locale: Locale = 'en'): string {
  const t = (m: Msg) => formatMsg(m, locale);
  const rows: [string, Msg][] = [
    ['DOMAIN', msg(M.usageDomain)],
    ['TYPE', msg(M.usageType)],
    ['PROTOCOL', msg(M.usageProtocol)],
    // The ops are names; a Chinese list separates them with the enumeration comma.
    ['--op OP', msg(M.usageOp, { ops: SOCKET_OPS.join(locale === 'zh-CN' ? '、' : ', ') })],
    ['--lang L', msg(M.usageLang)],
  ];
  return [t(msg(M.usage)), ...rows.map(([k, m]) => `  ${k.padEnd(9)} ${t(m)}`)].join('\n');
}

export const SOCKET_USAGE = socketUsage('en');

interface CliArgs {
  positional: string[];
  unprivileged: boolean;
  json: boolean;
  op: SocketOp | null;
  level: 'SOL_SOCKET' | 'protocol';
}

/** Longest echo of a bad value in an error. */
const MAX_ECHO = 64;

function parseArgs(args: string[]): CliArgs | Msg | 'help' {
  const out: CliArgs = { positional: [], unprivileged: false, json: false, op: null, level: 'protocol' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--unprivileged' || a === '--user') out.unprivileged = true;
    else if (a === '--root') out.unprivileged = false;
    else if (a === '--json') out.json = true;
    else if (a === '--op' || a.startsWith('--op=')) {
      const v = a === '--op' ? args[++i] : a.slice(5);
      if (!v || !(SOCKET_OPS as readonly string[]).includes(v))
        return msg(M.opNeeds, { ops: SOCKET_OPS.join(', '), got: v ? v.slice(0, MAX_ECHO) : 'none' });
      out.op = v as SocketOp;
    } else if (a === '--level' || a.startsWith('--level=')) {
      const v = a === '--level' ? args[++i] : a.slice(8);
      if (v !== 'SOL_SOCKET' && v !== 'protocol') return msg(M.levelTakes);
      out.level = v;
    } else if (a === '--help' || a === '-h') return 'help';
    // A negative number is a value, not an option.
    else if (a.startsWith('--') || (a.startsWith('-') && !/^-\d/.test(a)))
      return msg(M.unknownOption, { option: a.slice(0, MAX_ECHO) });
    else out.positional.push(a);
  }
  if (out.positional.length !== 3) return msg(M.argCount, { n: out.positional.length });
  return out;
}

function tableLines(t: FnTable, used: readonly string[], text: (m: Msg) => string): string[] {
  const head = `${t.name}${t.displayName ? ` "${t.displayName}"` : ''} (${t.file || '?'})`;
  if (t.slots.length === 0) return [head, `  ${text(msg(M.noSlots))}`];
  return [
    head,
    ...t.slots.map(
      (s) =>
        `${used.includes(s.field) ? '* ' : '  '}${s.field.padEnd(12)} ${s.fn}${s.stub ? `  → ${s.stub.errno}` : ''}`,
    ),
  ];
}

function sideBySide(a: string[], b: string[]): string[] {
  const w = Math.max(...a.map((l) => l.length)) + 3;
  const n = Math.max(a.length, b.length);
  return Array.from({ length: n }, (_, i) => (padColumns(a[i] ?? '', w) + (b[i] ?? '')).trimEnd());
}

function report(res: SocketResult, dispatch: DispatchResult | null, locale: Locale): string {
  const text = (m: Msg) => formatMsg(m, locale);
  const r = res.request;
  const lines: string[] = [];
  lines.push(
    text(
      msg(M.call, {
        call: `socket(${familyName(r.family)}, ${typeName(r.type)}, ${protocolName(r.family, r.protocol)})`,
        profile: res.profile,
        privilege: res.privilege,
      }),
    ),
  );
  if (!res.ok) {
    lines.push(
      text(msg(M.failed, { errno: res.errno, fn: res.fn, file: res.file })),
      `  ${text(msg(M.strerror, { n: ERRNO[res.errno], text: strerror(res.errno) }))}`,
      `  ${text(msg(M.why, { why: res.why }))}`,
    );
  } else {
    const readback =
      `SO_DOMAIN=${res.so_domain} (${familyName(res.so_domain)}) ` +
      `SO_TYPE=${res.so_type} (${typeName(res.so_type)}) ` +
      `SO_PROTOCOL=${res.so_protocol} (${protocolName(res.so_domain, res.so_protocol)})` +
      (res.nonblock ? ' O_NONBLOCK' : '') +
      (res.cloexec ? ' O_CLOEXEC' : '');
    lines.push(
      text(msg(M.created, { readback })),
      `sock->ops = ${res.ops.name}   sk->sk_prot = ${res.prot.name}`,
    );
    const details = Object.entries(res.details);
    if (details.length)
      lines.push(text(msg(M.details, { details: details.map(([k, v]) => `${k}=${String(v)}`).join(' ') })));
    lines.push('');
    const ops = tableLines(res.ops, dispatch?.opsField ? [dispatch.opsField] : [], text);
    const prot = tableLines(res.prot, dispatch?.protoField ? [dispatch.protoField] : [], text);
    lines.push(
      ...sideBySide(['proto_ops ' + ops[0], ...ops.slice(1)], ['proto ' + prot[0], ...prot.slice(1)]),
    );
  }
  lines.push('', text(msg(M.trace)));
  const outcomes = Object.values(INETSW_OUTCOME_LABEL).map(text);
  const outcomeWidth = Math.max(9, ...outcomes.map(displayWidth));
  res.trace.forEach((s, i) => {
    lines.push(
      `${String(i + 1).padEnd(3)} ${s.fn.padEnd(22)} ${s.file.padEnd(28)} ${text(s.why)}${s.snapshot.errno ? `  [${s.snapshot.errno}]` : ''}`,
    );
    for (const w of s.snapshot.inetsw?.walk ?? [])
      lines.push(
        `      [${w.index}] ${String(w.protocol).padEnd(4)} ${w.prot.padEnd(14)} ${padColumns(text(INETSW_OUTCOME_LABEL[w.outcome]), outcomeWidth)} ${text(w.why)}`,
      );
  });
  if (dispatch) {
    lines.push('', text(msg(M.dispatch, { op: dispatch.op })));
    for (const s of dispatch.chain)
      lines.push(
        `  ${(s.snapshot.via ?? '').padEnd(22)} ${s.fn.padEnd(26)} ${s.file.padEnd(30)}${s.snapshot.errno ? ` → ${s.snapshot.errno}` : ''}`.trimEnd(),
      );
    lines.push(
      `  ${text(dispatch.error ? msg(M.dispatchError, { errno: dispatch.error.errno, fn: dispatch.error.fn }) : dispatch.note)}`,
    );
  }
  return lines.join('\n') + '\n';
}

export function socketCommand(
  args: string[],
  ctx: CliContext = { locale: 'en' },
): { code: number; out: string } {
  const { locale } = ctx;
  const usage = socketUsage(locale);
  const a = parseArgs(args);
  if (a === 'help') return { code: 0, out: usage + '\n' };
  if ('id' in a) return { code: 2, out: `sockscope socket: ${formatMsg(a, locale)}\n${usage}\n` };
  const [d, t, p] = a.positional as [string, string, string];
  const call = parseSocketCall(d, t, p);
  if (!call.ok)
    return {
      code: 2,
      out: `sockscope socket: ${formatMsg(msg(M.badField, { field: call.field, why: call.why }), locale)}\n${usage}\n`,
    };

  const profile = profileFor(a.unprivileged ? 'unprivileged' : 'root', DEFAULT_PROFILE);
  const res = sysSocket(call.family, call.type, call.protocol, profile);
  const dispatch = a.op && res.ok ? sockDispatch(res, a.op, { level: a.level }) : null;
  if (a.json) {
    const body = {
      lang: locale,
      profile: { id: profile.id, description: profile.description, caller: profile.caller },
      names: call.names,
      result: res.ok ? res : { ...res, strerror: strerror(res.errno) },
      ...(a.op ? { dispatch: dispatch ?? { op: a.op, skipped: msg(M.skipped) } } : {}),
    };
    return { code: 0, out: JSON.stringify(addTextFields(body, locale), null, 2) + '\n' };
  }
  let out = report(res, dispatch, locale);
  if (a.op && !res.ok) out += `\n${formatMsg(msg(M.nothingToDispatch, { op: a.op }), locale)}\n`;
  return { code: 0, out };
}
