/**
 * `sockscope trace --len 4000 --mtu 1500 [--json]`: every step of the output path and of the
 * way back up the loopback receiver, with the sk_buffs each step holds.
 */
import { ipSend } from '../ip/index.ts';
import type { SkbSnapshot } from '../skb/index.ts';
import { FRAGMENT_HELP, parseSendFlags, sendFacts } from './fragment.ts';
import type { CommandResult } from './args.ts';
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

export function traceCommand(args: string[]): CommandResult {
  const p = parseSendFlags(args, TRACE_HELP);
  if (!p.ok) return p.result;
  const r = ipSend(p.input);
  if (!r.ok && r.fn === 'sockscope') return { code: 2, out: `${r.why}\n${TRACE_HELP}` };
  const { wire: _wire, ...facts } = sendFacts(r);
  if (p.json)
    return {
      code: 0,
      out: JSON.stringify(
        {
          input: p.input,
          ...facts,
          steps: r.trace.map((s, i) => ({
            step: i + 1,
            dir: s.dir,
            function: s.fn,
            file: s.file,
            why: s.why,
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
    lines.push(`      ${s.why}`);
    for (const d of s.drops ?? []) lines.push(`      ✗ drop: ${d.count} × ${d.reason} in ${d.function}`);
    const show = (k: SkbSnapshot, indent: string) =>
      lines.push(
        `${indent}skb #${k.id} ${k.label}: head 0 data ${k.data} tail ${k.tail} end ${k.end} · len ${k.len} data_len ${k.data_len} · headroom ${k.data} tailroom ${k.data_len ? 0 : k.end - k.tail} · nr_frags ${k.frags.length} frag_list ${k.frag_list.length} · truesize ${k.truesize}`,
      );
    for (const k of s.snapshot.skbs.slice(0, MAX_TEXT_SKBS)) {
      show(k, '      ');
      for (const f of k.frag_list.slice(0, MAX_TEXT_SKBS)) show(f, '        └ ');
      if (k.frag_list.length > MAX_TEXT_SKBS)
        lines.push(`        └ … ${k.frag_list.length - MAX_TEXT_SKBS} more on the frag_list`);
    }
    if (s.snapshot.skbs.length > MAX_TEXT_SKBS)
      lines.push(`      … ${s.snapshot.skbs.length - MAX_TEXT_SKBS} more skbs (--json has them all)`);
  });
  lines.push(
    r.ok
      ? `sent ${r.sent} bytes; receiver got ${r.received_length ?? 'nothing'}`
      : `${r.errno} from ${r.fn}: ${r.why}`,
  );
  lines.push(...mibLines(r.drop_reasons, r.snmp_delta));
  return { code: r.ok ? 0 : 1, out: lines.join('\n') };
}
