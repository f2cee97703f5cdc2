import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { IntlShape } from 'react-intl';
import type { DefragOk, IcmpOut, QueueOutcome } from '../../../core/ip/defrag-types.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { DropBadge } from '../../components/drops/index.ts';
import { LazySkbPanel } from '../../components/skb/LazySkbPanel.tsx';
import { num } from '../../format.ts';
import { Part } from '../../lab-kit/index.ts';
import { codeChunks, fmt, fmtNode } from '../../i18n/format.tsx';
import { termCodeChunks } from '../../lab-kit/Term.tsx';
import { MsgText } from '../../i18n/MsgText.tsx';
import { renderText, type Text } from '../../../core/i18n/index.ts';
import { icmpNameMsg } from '../../../core/ip/defrag-messages.ts';
import { W } from './words.ts';
import { MARK, callOf } from './text.ts';

type Tone = 'ok' | 'wait' | 'drop';

interface Item {
  key: string;
  tone: Tone;
  title: ReactNode;
  text: ReactNode;
  fn: string;
  file: string;
  why: Text;
  icmp?: IcmpOut | null;
  skb?: DefragOk['datagrams'][number]['skb'];
}

const ICON: Record<Tone, string> = { ok: '✓', wait: '…', drop: '✕' };
const code = { code: termCodeChunks };
/** In a `<summary>` (a control itself): identifiers without popovers. */
const plainCode = { code: codeChunks };

function FnLink({ fn, file }: { fn: string; file: string }) {
  return (
    <>
      <a className="mono" href={bootlinUrl(file)} target="_blank" rel="noreferrer">
        {callOf(fn)}
      </a>{' '}
      <span className="muted mono rq-file">{file}</span>
    </>
  );
}

/** Everything that ended (or did not): delivered datagrams, waiting, expired and dropped queues, refused fragments. */
export function outcomeItems(r: DefragOk, intl: IntlShape): Item[] {
  const items: Item[] = [];
  const t = (d: Parameters<typeof fmtNode>[1], v: Record<string, ReactNode> = {}) =>
    fmtNode(intl, d, { ...code, ...v });
  for (const d of r.datagrams) {
    const q = d.queue === null ? null : r.queues.find((x) => x.serial === d.queue);
    const how = q ? t(W.howQueue, { n: q.serial, fn: q.fn }) : t(W.howStraight);
    items.push(
      d.delivered
        ? {
            key: `d${d.index}`,
            tone: 'ok',
            title: t(W.delivered),
            text: t(W.deliveredText, { n: d.length ?? 0, equal: d.equal ? 'yes' : 'no', how }),
            fn: d.fn,
            file: d.file,
            why: d.why,
            skb: d.skb,
          }
        : {
            key: `d${d.index}`,
            tone: 'drop',
            title: t(W.refused),
            text: t(W.refusedText, { bytes: num(d.ipLength), how }),
            fn: d.fn,
            file: d.file,
            why: d.why,
            skb: d.skb,
          },
    );
  }
  for (const q of r.queues) {
    if (q.state === 'reassembled') continue;
    const base = { key: `q${q.serial}`, fn: q.fn, file: q.file, why: q.why, icmp: q.icmp };
    const id = { n: q.serial, id: q.id, meat: num(q.last.meat) };
    if (q.state === 'waiting')
      items.push({
        ...base,
        tone: 'wait',
        title: t(W.waiting),
        text: t(W.waitingText, {
          ...id,
          known: q.last.flags.LAST_IN ? 'yes' : 'no',
          len: num(q.last.len),
          until: num(r.until),
          expires: num(q.last.expiresAt),
        }),
      });
    else if (q.state === 'expired')
      items.push({
        ...base,
        tone: 'drop',
        title: t(q.icmp ? W.expiredIcmp : W.expiredNoIcmp),
        text: t(W.expiredText, { ...id, at: num(q.endedAt ?? 0) }),
      });
    else
      items.push({
        ...base,
        tone: 'drop',
        title: t(W.dropped),
        text: t(W.droppedText, { ...id, at: num(q.endedAt ?? 0) }),
      });
  }
  for (const a of r.arrivals)
    if (a.queue === null && (a.verdict === 'no-memory' || a.verdict === 'param-problem'))
      items.push({
        key: `a${a.index}`,
        tone: 'drop',
        title: t(a.verdict === 'no-memory' ? W.refusedMem : W.refusedParam),
        text: t(W.refusedArrival, { i: a.index + 1, from: num(a.offset), to: num(a.offset + a.length) }),
        fn: a.fn,
        file: a.file,
        why: a.why,
        icmp: a.icmp ?? null,
      });
  return items;
}

/** How one queue ended, for the headline (a queue reassembled into a delivered datagram says nothing). */
function queuePhrase(intl: IntlShape, q: QueueOutcome): string {
  if (q.state === 'waiting') return fmt(intl, W.qWaiting, { n: q.serial });
  if (q.state === 'expired') return fmt(intl, W.qExpired, { n: q.serial, icmp: q.icmp ? 'yes' : 'no' });
  if (q.state === 'dropped') return fmt(intl, W.qDropped, { n: q.serial });
  return fmt(intl, W.qReassembled, { n: q.serial });
}

/**
 * One sentence for the whole run (the live region reads it after every change). Nothing delivered:
 * it names every queue and how it ended, so it never says "waiting" above a "Dropped" card.
 */
export function headline(r: DefragOk, intl: IntlShape): ReactNode {
  const n = r.delivered.length;
  if (n > 0)
    return fmtNode(intl, W.headlineDelivered, { ...code, n: r.delivered[0]?.length ?? 0, more: n - 1 });
  if (r.queues.length === 0) return fmt(intl, r.arrivals.length ? W.headlineNone : W.headlineNothing);
  const list = intl.formatList(r.queues.map((q) => queuePhrase(intl, q)));
  const waiting = r.queues.some((q) => q.state === 'waiting') ? 'yes' : 'no';
  return fmt(intl, W.headlineQueues, { waiting, list });
}

export function OutcomePanel({ result }: { result: DefragOk }) {
  const intl = useIntl();
  const items = outcomeItems(result, intl);
  return (
    <div className="rq-outcome">
      <p className="rq-headline" aria-live="polite">
        {headline(result, intl)}
      </p>
      <ul className="rq-outcome-list" aria-label={fmt(intl, W.outcomeList)}>
        {items.map((it) => (
          <li key={it.key} className={`rq-outcome-item rq-outcome--${it.tone}`}>
            <span className="round-mark rq-outcome-icon" aria-hidden="true">
              {ICON[it.tone]}
            </span>
            <div className="rq-outcome-body">
              <p className="rq-outcome-title">
                <strong>{it.title}</strong> <span className="rq-outcome-text">{it.text}</span>
              </p>
              <Part kind="detail">
                <p className="rq-outcome-fn">
                  <FnLink fn={it.fn} file={it.file} />
                </p>
                <p className="rq-outcome-why">
                  <MsgText msg={it.why} />
                </p>
              </Part>
              {it.icmp && (
                <p className="rq-outcome-icmp">
                  {fmt(intl, W.icmpAt, {
                    // The name in the page's language (IcmpOut.name keeps the English).
                    name: renderText(icmpNameMsg(it.icmp), intl.locale),
                    at: num(it.icmp.at),
                    pointer: it.icmp.pointer === undefined ? 'none' : String(it.icmp.pointer),
                  })}
                </p>
              )}
              {it.skb && it.tone === 'ok' && (
                <Part kind="detail">
                  <details className="rq-skb" open>
                    <summary>
                      {fmtNode(intl, W.skbSummary, { ...plainCode, n: it.skb.frag_list.length })}
                    </summary>
                    <LazySkbPanel snapshot={{ skbs: [it.skb] }} />
                  </details>
                </Part>
              )}
            </div>
          </li>
        ))}
      </ul>
      <Part kind="detail">
        <DropSteps result={result} />
      </Part>
    </div>
  );
}

/** Every step that freed skbs as drops: where (step, function, time) and why (the reason, as a badge). */
function DropSteps({ result }: { result: DefragOk }) {
  const intl = useIntl();
  const steps = result.trace.flatMap((s, i) => (s.drops?.length ? [{ s, i }] : []));
  if (steps.length === 0) return null;
  const where = fmt(intl, W.dropsWhere);
  return (
    <>
      <h3 className="sub-title">{where}</h3>
      <ul className="rq-drop-steps" aria-label={where}>
        {steps.map(({ s, i }) => (
          <li key={i}>
            <span className="drop-mark" aria-hidden="true">
              {MARK.cross}
            </span>
            {fmtNode(intl, W.dropAt, { ...code, i: num(i + 1), fn: s.fn, at: num(s.snapshot.at) })}
            <DropBadge drops={s.drops} />
          </li>
        ))}
      </ul>
    </>
  );
}
