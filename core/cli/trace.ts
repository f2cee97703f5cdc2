/**
 * `sockscope trace --len 4000 --mtu 1500 [--json]`: every step of the output path and of the
 * way back up the loopback receiver, with the sk_buffs each step holds.
 */
import { ipSend } from '../ip/index.ts';
import type { SkbSnapshot } from '../skb/index.ts';
import { defineMessages, msg, renderText, addTextFields } from '../i18n/index.ts';
import { FRAGMENT_HELP, localHelp, parseSendFlags, sendFacts, sendText } from './fragment.ts';
import { say } from './args.ts';
import type { CliContext, CommandResult } from './args.ts';
import { mibLines } from './mib.ts';

export const TRACE_HELP = FRAGMENT_HELP.replace('sockscope fragment', 'sockscope trace   ');

/** The numbers of one skb, as the JSON output gives them. */
export function skbFacts(s: SkbSnapshot): Record<string, unknown> {
  return {
    id: s.id,
    label: s.label,
    head: s.head,
    data: s.data,
    tail: s.tail,
    end: s.end,
    len: s.len,
    data_len: s.data_len,
    headroom: s.data - s.head,
    tailroom: s.data_len ? 0 : s.end - s.tail,
    truesize: s.truesize,
    nr_frags: s.frags.length,
    frag_list: s.frag_list.length,
    regions: s.regions.map((r) => `${r.kind} ${r.start}..${r.end}`),
  };
}

const MAX_TEXT_SKBS = 4;

const M = defineMessages({
  drop: {
    id: 'cli.trace.drop',
    defaultMessage: '✗ drop: {count} × <code>{reason}</code> in <code>{fn}</code>',
  },
  moreFragList: {
    id: 'cli.trace.moreFragList',
    defaultMessage: '… {count} more on the <code>frag_list</code>',
  },
  moreSkbs: {
    id: 'cli.trace.moreSkbs',
    defaultMessage: '… {count} more skbs (<code>--json</code> has them all)',
  },
});

export function traceCommand(args: string[], ctx?: CliContext): CommandResult {
  const p = parseSendFlags(args, TRACE_HELP, ctx);
  if (!p.ok) return p.result;
  const r = ipSend(p.input);
  if (!r.ok && r.fn === 'sockscope')
    return { code: 2, out: `${renderText(r.why, ctx?.locale ?? 'en')}\n${localHelp(TRACE_HELP, ctx)}` };
  const { wire: _wire, ...facts } = sendFacts(r);
  if (p.json)
    return {
      code: 0,
      out: JSON.stringify(
        {
          input: p.input,
          ...(addTextFields(facts, ctx?.locale ?? 'en') as Record<string, unknown>),
          text: sendText(r, ctx),
          steps: r.trace.map((s, i) => ({
            step: i + 1,
            dir: s.dir,
            function: s.fn,
            file: s.file,
            why: s.why,
            why_text: renderText(s.why, ctx?.locale ?? 'en'),
            vars: s.snapshot.vars,
            ...(s.drops ? { drops: s.drops } : {}),
            skbs: s.snapshot.skbs.map((k) => ({ ...skbFacts(k), frag_list_skbs: k.frag_list.map(skbFacts) })),
          })),
        },
        null,
        2,
      ),
    };
  const lines: string[] = [];
  r.trace.forEach((s, i) => {
    lines.push(`${String(i + 1).padStart(3)} ${s.dir === 'up' ? '↑' : '↓'} ${s.fn}  (${s.file})`);
    lines.push(`      ${renderText(s.why, ctx?.locale ?? 'en')}`);
    for (const d of s.drops ?? [])
      lines.push(`      ${say(msg(M.drop, { count: d.count, reason: d.reason, fn: d.function }), ctx)}`);
    const show = (k: SkbSnapshot, indent: string) =>
      lines.push(
        `${indent}skb #${k.id} ${k.label}: head 0 data ${k.data} tail ${k.tail} end ${k.end} · len ${k.len} data_len ${k.data_len} · headroom ${k.data} tailroom ${k.data_len ? 0 : k.end - k.tail} · nr_frags ${k.frags.length} frag_list ${k.frag_list.length} · truesize ${k.truesize}`,
      );
    for (const k of s.snapshot.skbs.slice(0, MAX_TEXT_SKBS)) {
      show(k, '      ');
      for (const f of k.frag_list.slice(0, MAX_TEXT_SKBS)) show(f, '        └ ');
      if (k.frag_list.length > MAX_TEXT_SKBS)
        lines.push(
          `        └ ${say(msg(M.moreFragList, { count: k.frag_list.length - MAX_TEXT_SKBS }), ctx)}`,
        );
    }
    if (s.snapshot.skbs.length > MAX_TEXT_SKBS)
      lines.push(`      ${say(msg(M.moreSkbs, { count: s.snapshot.skbs.length - MAX_TEXT_SKBS }), ctx)}`);
  });
  lines.push(sendText(r, ctx)[1] ?? '');
  lines.push(...mibLines(r.drop_reasons, r.snmp_delta, ctx));
  return { code: r.ok ? 0 : 1, out: lines.join('\n') };
}
