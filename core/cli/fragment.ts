/** `sockscope fragment --len 4000 --mtu 1500 [--family inet6] [--pmtu do] [--json]`. */
import { wireFacts, ipSend, type SendInput, type SendResult, PMTU_MODES } from '../ip/index.ts';
import { SEND_KEYS, sendInputFromTexts, type SendKey, type SendTexts } from '../params/index.ts';
import { STRERROR, ERRNO } from '../errno/index.ts';
import { toHex } from '../hex/index.ts';
import { parseFlags, table, type CommandResult } from './args.ts';
import { mibLines } from './mib.ts';

export const FRAGMENT_HELP = `usage: sockscope fragment --len N [--mtu 1500] [--family inet|inet6] [--sock udp|raw|raw-hdrincl]
                          [--proto 253] [--pmtu ${PMTU_MODES.join('|')}] [--opts HEX] [--sends 1000,1000]
                          [--iov 500,500] [--sg 0|1] [--sndbuf 212992] [--no-sndbuf-check] [--df] [--json]`;

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
): { ok: true; input: SendInput; json: boolean } | { ok: false; result: CommandResult } {
  const f = parseFlags(args, SEND_FLAGS);
  if (!f.ok) return { ok: false, result: { code: 2, out: `${f.why}\n${help}` } };
  const o = f.flags;
  if (o.help) return { ok: false, result: { code: 0, out: help } };
  const texts: SendTexts = {};
  for (const k of SEND_FLAGS.values) if (typeof o[k] === 'string') texts[k] = o[k];
  if (o.df) texts.df = '1';
  if (o['no-sndbuf-check']) texts.sndbufcheck = '0';
  const flag = (k: SendKey) => (k === 'df' ? '--df' : k === 'sndbufcheck' ? '--no-sndbuf-check' : `--${k}`);
  const p = sendInputFromTexts(texts, flag);
  if (!p.ok) {
    // A rule of the model says what is wrong in its own words: put the flag in front.
    const lines = p.issues.map((i) =>
      i.code === 'rule' ? `${flag(i.key as SendKey)}: ${i.message}` : i.message,
    );
    return { ok: false, result: { code: 2, out: `${lines.join('\n')}\n${help}` } };
  }
  return { ok: true, input: p.input, json: !!o.json };
}

export function fragmentCommand(args: string[]): CommandResult {
  const p = parseSendFlags(args, FRAGMENT_HELP);
  if (!p.ok) return p.result;
  const { input } = p;
  const r = ipSend(input);
  if (!r.ok && r.fn === 'sockscope') return { code: 2, out: `${r.why}\n${FRAGMENT_HELP}` };
  if (p.json) return { code: 0, out: JSON.stringify({ input, ...sendFacts(r) }, null, 2) };
  const head = `${input.family === 'inet6' ? 'IPv6' : 'IPv4'} ${input.sock} send of ${input.iov ? `iov ${input.iov.join('+')}` : input.sends.join(' + ')} bytes, MTU ${input.mtu}, pmtudisc ${input.pmtu}${input.options.length ? `, options ${input.options.length} bytes` : ''}`;
  const lines = [head];
  if (!r.ok)
    lines.push(
      `→ ${r.errno} (${ERRNO[r.errno]}, ${STRERROR[r.errno] ?? ''}) from ${r.fn} (${r.file}): ${r.why}`,
    );
  else
    lines.push(
      `→ sent ${r.sent} bytes in ${r.wire.length} packet${r.wire.length > 1 ? 's' : ''}${r.fragPath !== 'none' ? ` (ip_do_fragment ${r.fragPath} path: ${r.fragPathWhy})` : ''}; receiver got ${r.received_length ?? 'nothing'}`,
    );
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
            p.frag ? `frag id ${p.frag.id}` : '',
          ],
    );
    lines.push(table(['#', 'offset', 'payload length', 'total length', 'MF', 'DF', 'options'], rows));
  }
  if (r.icmp.length) lines.push(...r.icmp.map((m) => `ICMP type ${m.type} code ${m.code}: ${m.why}`));
  lines.push(...mibLines(r.drop_reasons, r.snmp_delta));
  return { code: r.ok ? 0 : 1, out: lines.join('\n') };
}
