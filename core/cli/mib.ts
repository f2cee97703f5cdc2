/** The "Drops" and "Counters" sections of the CLI's table output, from one pipeline's MibResult. */
import {
  DROP_FUNCTION_FILE,
  SNMP_SECTIONS,
  counterMsg,
  dropFunctionMsg,
  dropReasonMsg,
  nstatName,
  type DropReason,
  type SnmpDelta,
} from '../drops/index.ts';
import { defineMessages, msg, type Msg } from '../i18n/index.ts';
import { say, table, type CliContext } from './args.ts';

const M = defineMessages({
  dropsNone: { id: 'cli.mib.dropsNone', defaultMessage: 'Drops: none (no skb was freed as a drop)' },
  dropsHead: {
    id: 'cli.mib.dropsHead',
    defaultMessage: 'Drops (<code>skb:kfree_skb</code> — what <code>dropwatch</code> would show):',
  },
  colCount: { id: 'cli.mib.col.count', defaultMessage: 'count' },
  colReason: { id: 'cli.mib.col.reason', defaultMessage: 'reason' },
  colFunction: { id: 'cli.mib.col.function', defaultMessage: 'function' },
  colFile: { id: 'cli.mib.col.file', defaultMessage: 'file' },
  countersNone: { id: 'cli.mib.countersNone', defaultMessage: 'Counters: none moved' },
  countersHead: {
    id: 'cli.mib.countersHead',
    defaultMessage: 'Counters (what <code>nstat</code> would show):',
  },
  colCounter: { id: 'cli.mib.col.counter', defaultMessage: 'counter' },
  colDelta: { id: 'cli.mib.col.delta', defaultMessage: 'delta' },
  colWhat: { id: 'cli.mib.col.what', defaultMessage: 'what it counts' },
  dropLine: {
    id: 'cli.mib.dropLine',
    defaultMessage: '{count} × {reason} in {fn}: {why}.',
    description: 'One drop explained: count, SKB_DROP_REASON name, freeing function, then why.',
  },
  dropWhy: {
    id: 'cli.mib.dropWhy',
    defaultMessage: '{how} ({what})',
    description: 'What the freeing function did, then what the reason means.',
  },
});

export function mibLines(drops: readonly DropReason[], delta: SnmpDelta, ctx?: CliContext): string[] {
  const t = (m: Parameters<typeof msg>[0]) => say(msg(m), ctx);
  const text = (m: Msg | null): string => (m ? say(m, ctx) : '');
  const lines: string[] = [''];
  if (!drops.length) lines.push(t(M.dropsNone));
  else {
    lines.push(t(M.dropsHead));
    lines.push(
      table(
        [t(M.colCount), t(M.colReason), t(M.colFunction), t(M.colFile)],
        drops.map((d) => [String(d.count), d.reason, d.function, DROP_FUNCTION_FILE[d.function] ?? '']),
      ),
    );
    for (const d of drops) {
      // the same words as core/drops' dropSentence, in the reader's language
      const how = text(dropFunctionMsg(d.function));
      const what = text(dropReasonMsg(d.reason)) || `SKB_DROP_REASON_${d.reason}`;
      const why = how ? say(msg(M.dropWhy, { how, what }), ctx) : what;
      lines.push(`  ${say(msg(M.dropLine, { count: d.count, reason: d.reason, fn: d.function, why }), ctx)}`);
    }
  }
  const rows: string[][] = [];
  for (const s of SNMP_SECTIONS)
    for (const [c, n] of Object.entries(delta[s] ?? {}))
      rows.push([nstatName(s, c), `${n > 0 ? '+' : ''}${n}`, text(counterMsg(s, c))]);
  lines.push('');
  if (!rows.length) lines.push(t(M.countersNone));
  else {
    lines.push(t(M.countersHead));
    lines.push(table([t(M.colCounter), t(M.colDelta), t(M.colWhat)], rows));
  }
  return lines;
}
