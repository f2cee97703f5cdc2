/** `sockscope fragment --len 4000 --mtu 1500 [--family inet6] [--pmtu do] [--json]`. */
import { wireFacts, ipSend, type SendInput, type SendResult, PMTU_MODES } from '../ip/index.ts';
import { SEND_KEYS, sendInputFromTexts, type SendKey, type SendTexts } from '../params/index.ts';
import { strerror, ERRNO } from '../errno/index.ts';
import { toHex } from '../hex/index.ts';
import { addTextFields, defineMessages, formatMsg, msg, type Msg } from '../i18n/index.ts';
import { parseFlags, say, table, type CliContext, type CommandResult } from './args.ts';
import { USAGE_WORD } from './help.ts';
import { mibLines } from './mib.ts';

export const FRAGMENT_HELP = `usage: sockscope fragment --len N [--mtu 1500] [--family inet|inet6] [--sock udp|raw|raw-hdrincl]
                          [--proto 253] [--pmtu ${PMTU_MODES.join('|')}] [--opts HEX] [--sends 1000,1000]
                          [--iov 500,500] [--sg 0|1] [--sndbuf 212992] [--no-sndbuf-check] [--df] [--json]`;

const M = defineMessages({
  head: {
    id: 'cli.fragment.head',
    defaultMessage:
      '{family} <code>{sock}</code> send of {kind, select, iov {iov {payload}} other {{payload}}} bytes, MTU {mtu}, pmtudisc <code>{pmtu}</code>{hasOptions, select, yes {, options {optlen} bytes} other {}}',
    description:
      'family: IPv4 or IPv6. payload: 4000, or 1000 + 1000 (MSG_MORE sends), or 500+500 (an iovec).',
  },
  failed: {
    id: 'cli.fragment.failed',
    defaultMessage:
      '→ <code>{errno}</code> ({errnoValue}, {strerror}) from <code>{fn}</code> (<code>{file}</code>): {why}',
    description: 'strerror: the C library text of the errno, in the reader\'s language. why: the model says why.',
  },
  sent: {
    id: 'cli.fragment.sent',
    defaultMessage:
      '→ sent {sent} bytes in {packets, plural, one {# packet} other {# packets}}{path, select, fast { (<code>ip_do_fragment</code> fast path: {pathWhy})} slow { (<code>ip_do_fragment</code> slow path: {pathWhy})} other {}}; receiver got {received, select, no {nothing} other {{got}}}',
    description:
      'received: no when the receiver got nothing. pathWhy: the model says why that path (English until core/ip is converted).',
  },
  colOffset: { id: 'cli.fragment.col.offset', defaultMessage: 'offset' },
  colPayload: { id: 'cli.fragment.col.payloadLength', defaultMessage: 'payload length' },
  colTotal: { id: 'cli.fragment.col.totalLength', defaultMessage: 'total length' },
  colOptions: { id: 'cli.fragment.col.options', defaultMessage: 'options' },
  fragId: { id: 'cli.fragment.fragId', defaultMessage: 'frag id {id}' },
  icmp: { id: 'cli.fragment.icmp', defaultMessage: 'ICMP type {type} code {code}: {why}' },
});

/** A command's help with its first word, `usage:`, in the reader's language. */
export function localHelp(help: string, ctx?: CliContext): string {
  return help.replace(/^usage:/, say(msg(USAGE_WORD), ctx));
}

/** The facts of a send, with the same field names as the conformance fixtures. */
export function sendFacts(r: SendResult): Record<string, unknown> {
  return {
    ...(r.ok
      ? { sent: r.sent }
      : { errno: r.errno, errno_value: ERRNO[r.errno], function: r.fn, file: r.file, why: r.why }),
    received_length: r.received_length,
    icmp_replies: r.icmp.length,
    fragment_path: r.fragPath,
    fragment_path_why: r.fragPathWhy,
    numbers: r.numbers,
    wire: r.wire.map(wireFacts),
    drop_reasons: r.drop_reasons,
    snmp_delta: r.snmp_delta,
  };
}

/** The send parameters as flags: every SEND_PARAMS key but the two switches, which are bare flags. */
const SEND_FLAGS = {
  values: SEND_KEYS.filter((k) => k !== 'df' && k !== 'sndbufcheck'),
  booleans: ['json', 'no-sndbuf-check', 'df', 'help'],
};

/** Parse the send flags shared by `fragment` and `trace` into a SendInput (or a usage error). */
export function parseSendFlags(
  args: string[],
  help: string,
  ctx?: CliContext,
): { ok: true; input: SendInput; json: boolean } | { ok: false; result: CommandResult } {
  const shown = localHelp(help, ctx);
  const f = parseFlags(args, SEND_FLAGS);
  if (!f.ok) return { ok: false, result: { code: 2, out: `${say(f.msg, ctx)}\n${shown}` } };
  const o = f.flags;
  if (o.help) return { ok: false, result: { code: 0, out: shown } };
  const texts: SendTexts = {};
  for (const k of SEND_FLAGS.values) if (typeof o[k] === 'string') texts[k] = o[k];
  if (o.df) texts.df = '1';
  if (o['no-sndbuf-check']) texts.sndbufcheck = '0';
  const flag = (k: SendKey) => (k === 'df' ? '--df' : k === 'sndbufcheck' ? '--no-sndbuf-check' : `--${k}`);
  const p = sendInputFromTexts(texts, flag);
  if (!p.ok) {
    // A rule of the model says what is wrong in its own words: put the flag in front.
    const lines = p.issues.map((i) =>
      i.code === 'rule' ? `${flag(i.key as SendKey)}: ${say(i.msg, ctx)}` : say(i.msg, ctx),
    );
    return { ok: false, result: { code: 2, out: `${lines.join('\n')}\n${shown}` } };
  }
  return { ok: true, input: p.input, json: !!o.json };
}

export function fragmentCommand(args: string[], ctx?: CliContext): CommandResult {
  const p = parseSendFlags(args, FRAGMENT_HELP, ctx);
  if (!p.ok) return p.result;
  const { input } = p;
  const t = (m: Msg) => say(m, ctx);
  const r = ipSend(input);
  if (!r.ok && r.fn === 'sockscope') return { code: 2, out: `${t(r.why)}\n${localHelp(FRAGMENT_HELP, ctx)}` };
  if (p.json)
    return {
      code: 0,
      out: JSON.stringify(
        addTextFields({ input, ...sendFacts(r), text: sendText(r, ctx) }, ctx?.locale ?? 'en'),
        null,
        2,
      ),
    };
  const lines = sendText(r, ctx);
  if (r.wire.length) {
    const rows = r.wire.map((p, i) =>
      p.family === 'inet'
        ? [
            String(i + 1),
            String(p.offset),
            String(p.total_length - p.ihl),
            String(p.total_length),
            p.mf ? 'MF' : '',
            p.df ? 'DF' : '',
            toHex(Uint8Array.from(p.options)),
          ]
        : [
            String(i + 1),
            p.frag ? String(p.frag.offset) : '-',
            String(p.payload_length - (p.frag ? 8 : 0)),
            String(p.total_length),
            p.frag?.mf ? 'M' : '',
            '',
            p.frag ? t(msg(M.fragId, { id: p.frag.id })) : '',
          ],
    );
    lines.push(
      table(
        [
          '#',
          t(msg(M.colOffset)),
          t(msg(M.colPayload)),
          t(msg(M.colTotal)),
          'MF',
          'DF',
          t(msg(M.colOptions)),
        ],
        rows,
      ),
    );
  }
  if (r.icmp.length)
    lines.push(...r.icmp.map((m) => t(msg(M.icmp, { type: m.type, code: m.code, why: m.why }))));
  lines.push(...mibLines(r.drop_reasons, r.snmp_delta, ctx));
  return { code: r.ok ? 0 : 1, out: lines.join('\n') };
}

/** The send's two sentences (what was sent, what became of it) in the reader's language. */
export function sendText(r: SendResult, ctx?: CliContext): string[] {
  const input = r.input;
  const head = msg(M.head, {
    family: input.family === 'inet6' ? 'IPv6' : 'IPv4',
    sock: input.sock,
    kind: input.iov ? 'iov' : 'sends',
    payload: input.iov ? input.iov.join('+') : input.sends.join(' + '),
    mtu: input.mtu,
    pmtu: input.pmtu,
    hasOptions: input.options.length ? 'yes' : 'no',
    optlen: input.options.length,
  });
  const result = r.ok
    ? msg(M.sent, {
        sent: r.sent,
        packets: r.wire.length,
        path: r.fragPath,
        pathWhy: r.fragPathWhy,
        received: r.received_length === null ? 'no' : 'yes',
        got: r.received_length ?? 0,
      })
    : msg(M.failed, {
        errno: r.errno,
        errnoValue: ERRNO[r.errno],
        strerror: strerror(r.errno),
        fn: r.fn,
        file: r.file,
        why: r.why,
      });
  return [formatMsg(head, ctx?.locale ?? 'en'), formatMsg(result, ctx?.locale ?? 'en')];
}
