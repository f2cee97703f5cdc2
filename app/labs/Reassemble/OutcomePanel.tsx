import type { DefragOk, IcmpOut } from '../../../core/ip/index.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { DROPS_WORDS, DropBadge } from '../../components/drops/index.ts';
import { SkbPanel } from '../../components/skb/index.ts';
import { num, plural } from '../../format.ts';

type Tone = 'ok' | 'wait' | 'drop';

interface Item {
  key: string;
  tone: Tone;
  title: string;
  text: string;
  fn: string;
  file: string;
  why: string;
  icmp?: IcmpOut | null;
  skb?: DefragOk['datagrams'][number]['skb'];
}

const ICON: Record<Tone, string> = { ok: '✓', wait: '…', drop: '✕' };

function FnLink({ fn, file }: { fn: string; file: string }) {
  return (
    <>
      <a className="mono" href={bootlinUrl(file)} target="_blank" rel="noreferrer">
        {fn}()
      </a>{' '}
      <span className="muted mono rq-file">{file}</span>
    </>
  );
}

/** Everything that ended (or did not): delivered datagrams, waiting, expired and dropped queues, refused fragments. */
export function outcomeItems(r: DefragOk): Item[] {
  const items: Item[] = [];
  for (const d of r.datagrams) {
    const q = d.queue === null ? null : r.queues.find((x) => x.serial === d.queue);
    const how = q ? `queue #${q.serial} reassembled by ${q.fn}` : 'not a fragment: it went straight up';
    items.push(
      d.delivered
        ? {
            key: `d${d.index}`,
            tone: 'ok',
            title: 'Delivered',
            text: `recv() returns ${plural(d.length ?? 0, 'byte')}${d.equal ? ', exactly what was sent' : ' — not all of them the sender’s'} (${how}).`,
            fn: d.fn,
            file: d.file,
            why: d.why,
            skb: d.skb,
          }
        : {
            key: `d${d.index}`,
            tone: 'drop',
            title: 'Reassembled, not delivered',
            text: `${num(d.ipLength)} bytes came out of ${how}, but UDP refuses them.`,
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
    if (q.state === 'waiting')
      items.push({
        ...base,
        tone: 'wait',
        title: 'Still waiting',
        text: `Queue #${q.serial} (id ${q.id}) holds ${num(q.last.meat)} of ${q.last.flags.LAST_IN ? num(q.last.len) : 'an unknown number of'} bytes at t = ${num(r.until)} ms; its timer fires at ${num(q.last.expiresAt)} ms.`,
      });
    else if (q.state === 'expired')
      items.push({
        ...base,
        tone: 'drop',
        title: q.icmp ? 'Expired — ICMP sent' : 'Expired — no ICMP',
        text: `Queue #${q.serial} (id ${q.id}) timed out at ${num(q.endedAt ?? 0)} ms with ${num(q.last.meat)} bytes in.`,
      });
    else
      items.push({
        ...base,
        tone: 'drop',
        title: 'Dropped',
        text: `Queue #${q.serial} (id ${q.id}) was thrown away at ${num(q.endedAt ?? 0)} ms with everything in it.`,
      });
  }
  for (const a of r.arrivals)
    if (a.queue === null && (a.verdict === 'no-memory' || a.verdict === 'param-problem'))
      items.push({
        key: `a${a.index}`,
        tone: 'drop',
        title: a.verdict === 'no-memory' ? 'Refused: no memory' : 'Refused: Parameter Problem',
        text: `Arrival ${a.index + 1} ([${num(a.offset)}, ${num(a.offset + a.length)})) never reached a queue.`,
        fn: a.fn,
        file: a.file,
        why: a.why,
        icmp: a.icmp ?? null,
      });
  return items;
}

/** One sentence for the whole run (the live region reads it after every change). */
export function headline(r: DefragOk): string {
  const n = r.delivered.length;
  if (n > 0)
    return `Delivered: recv() returns ${plural(r.delivered[0]?.length ?? 0, 'byte')}${n > 1 ? ` (and ${n - 1} more datagram${n > 2 ? 's' : ''})` : ''}.`;
  const q = r.queues[r.queues.length - 1];
  if (!q) return r.arrivals.length ? 'Nothing delivered: no fragment reached a queue.' : 'Nothing arrives.';
  if (q.state === 'waiting') return `Nothing delivered yet: queue #${q.serial} is still waiting.`;
  if (q.state === 'expired')
    return `Nothing delivered: queue #${q.serial} expired${q.icmp ? ' and ICMP Time Exceeded went back' : ', no ICMP'}.`;
  return `Nothing delivered: queue #${q.serial} was dropped.`;
}

export function OutcomePanel({ result }: { result: DefragOk }) {
  const items = outcomeItems(result);
  return (
    <div className="rq-outcome">
      <p className="rq-headline" aria-live="polite">
        {headline(result)}
      </p>
      <ul className="rq-outcome-list" aria-label="Outcome">
        {items.map((it) => (
          <li key={it.key} className={`rq-outcome-item rq-outcome--${it.tone}`}>
            <span className="rq-outcome-icon" aria-hidden="true">
              {ICON[it.tone]}
            </span>
            <div className="rq-outcome-body">
              <p className="rq-outcome-title">
                <strong>{it.title}</strong> <span className="rq-outcome-text">{it.text}</span>
              </p>
              <p className="rq-outcome-fn">
                <FnLink fn={it.fn} file={it.file} />
              </p>
              <p className="rq-outcome-why">{it.why}</p>
              {it.icmp && (
                <p className="rq-outcome-icmp">
                  {it.icmp.name} at {num(it.icmp.at)} ms
                  {it.icmp.pointer !== undefined ? `, pointer ${it.icmp.pointer}` : ''}.
                </p>
              )}
              {it.skb && it.tone === 'ok' && (
                <details className="rq-skb" open>
                  <summary>
                    The reassembled sk_buff: the head and {plural(it.skb.frag_list.length, 'fragment')} on its
                    frag_list
                  </summary>
                  <SkbPanel snapshot={{ skbs: [it.skb] }} seenBefore={new Set()} first />
                </details>
              )}
            </div>
          </li>
        ))}
      </ul>
      <DropSteps result={result} />
    </div>
  );
}

/** Every step that freed skbs as drops: where (step, function, time) and why (the reason, as a badge). */
function DropSteps({ result }: { result: DefragOk }) {
  const steps = result.trace.flatMap((s, i) => (s.drops?.length ? [{ s, i }] : []));
  if (steps.length === 0) return null;
  return (
    <>
      <h3 className="sub-title">{DROPS_WORDS.dropsWhere}</h3>
      <ul className="rq-drop-steps" aria-label={DROPS_WORDS.dropsWhere}>
        {steps.map(({ s, i }) => (
          <li key={i}>
            <span className="drop-mark" aria-hidden="true">
              ✕
            </span>
            {DROPS_WORDS.atStep(i, s.fn, s.snapshot.at)}
            <DropBadge drops={s.drops} />
          </li>
        ))}
      </ul>
    </>
  );
}
