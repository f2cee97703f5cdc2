/** The "Drops" and "Counters" sections of the CLI's table output, from one pipeline's MibResult. */
import {
  DROP_FUNCTION_FILE,
  SNMP_SECTIONS,
  counterEntry,
  dropSentence,
  nstatName,
  type DropReason,
  type SnmpDelta,
} from '../drops/index.ts';
import { table } from './args.ts';

export function mibLines(drops: readonly DropReason[], delta: SnmpDelta): string[] {
  const lines: string[] = [''];
  if (!drops.length) lines.push('Drops: none (no skb was freed as a drop)');
  else {
    lines.push('Drops (skb:kfree_skb — what dropwatch would show):');
    lines.push(
      table(
        ['count', 'reason', 'function', 'file'],
        drops.map((d) => [String(d.count), d.reason, d.function, DROP_FUNCTION_FILE[d.function] ?? '']),
      ),
    );
    for (const d of drops) lines.push(`  ${dropSentence(d)}`);
  }
  const rows: string[][] = [];
  for (const s of SNMP_SECTIONS)
    for (const [c, n] of Object.entries(delta[s] ?? {}))
      rows.push([nstatName(s, c), `${n > 0 ? '+' : ''}${n}`, counterEntry(s, c)?.text ?? '']);
  lines.push('');
  if (!rows.length) lines.push('Counters: none moved');
  else {
    lines.push('Counters (what nstat would show):');
    lines.push(table(['counter', 'delta', 'what it counts'], rows));
  }
  return lines;
}
