/**
 * The same facts as text: every decoded message (a table, 50 rows a page, each row selecting its
 * message) and every field of the selected one (name, bytes, value), for a screen reader, a test
 * and whoever prefers text. Focusing or pointing at a field row lights its bytes.
 */
import { MW } from './msghdr-words.ts';
import { memo, useState } from 'react';
import type { NlMessage } from '../../../core/netlink/index.ts';
import { num } from '../../format.ts';
import { W, useNlWords } from './words.ts';
import { useHighlight } from './highlight.ts';
import type { Highlight } from './highlight.ts';
import type { LeafField } from './layout.ts';
import { paintOf } from './BitLayout.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { TableRegion } from '../../lab-kit/index.ts';
import { Term, TermText, termKeyOf } from '../../lab-kit/Term.tsx';

const PAGE = 50;
const hexOff = (n: number) => `0x${n.toString(16)}`;

export function MessagesTable({
  messages,
  selected,
  onSelect,
}: {
  messages: readonly NlMessage[];
  selected: number;
  onSelect: (i: number) => void;
}) {
  const [page, setPage] = useState<number | null>(null);
  const { t, s } = useNlWords();
  const pages = Math.max(1, Math.ceil(messages.length / PAGE));
  // Follow the selected message's page unless the reader turned pages.
  const p = Math.min(page ?? Math.floor(selected / PAGE), pages - 1);
  const rows = messages.slice(p * PAGE, p * PAGE + PAGE);
  return (
    <TableRegion label={s(W.messagesRegion)}>
      <table className="nl-msgs">
        <caption>
          {t(W.messagesCaption)}{' '}
          <span className="caption-note">{t(W.messagesNote, { n: messages.length })}</span>
        </caption>
        <TableHead
          columns={[
            '#',
            s(W.colOffset),
            <Term key="len" k="nlmsg_len">
              nlmsg_len
            </Term>,
            <Term key="type" k="nlmsg_type">
              {s(W.colType)}
            </Term>,
            <Term key="flags" k="nlmsg_flags">
              {s(W.colFlags)}
            </Term>,
            'seq',
            'pid',
            s(W.colFindings),
          ]}
        />
        <tbody>
          {rows.map((m, k) => {
            const i = p * PAGE + k;
            const on = i === selected;
            const errs = m.diagnostics.filter((d) => d.severity !== 'info').length;
            return (
              <tr key={m.offset} className={on ? 'is-on' : undefined} aria-current={on ? 'true' : undefined}>
                <th scope="row">
                  <button type="button" className="nl-pick" aria-pressed={on} onClick={() => onSelect(i)}>
                    {i + 1}
                  </button>
                </th>
                <td className="num mono">{hexOff(m.offset)}</td>
                <td className="num">{num(m.len)}</td>
                <td className="mono">
                  {m.typeName}
                  {m.error && (
                    <span className={m.error.errno === 0 ? 'nl-ack' : 'nl-errno'}>
                      {' '}
                      {m.error.errno === 0 ? 'ACK' : `-${m.error.name}`}
                    </span>
                  )}
                </td>
                <td className="mono nl-flags-cell">{m.flagNames.length ? m.flagNames.join('|') : '0'}</td>
                <td className="num">{num(m.seq)}</td>
                <td className="num">{num(m.pid)}</td>
                <td>{errs > 0 ? t(W.findingCount, { n: errs }) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {pages > 1 && (
        <div className="pager">
          <button type="button" className="btn-quiet" disabled={p === 0} onClick={() => setPage(p - 1)}>
            {t(W.prev50)}
          </button>
          <span className="pager-status">{t(W.page, { n: p + 1, total: pages })}</span>
          <button
            type="button"
            className="btn-quiet"
            disabled={p >= pages - 1}
            onClick={() => setPage(p + 1)}
          >
            {t(W.next50)}
          </button>
        </div>
      )}
    </TableRegion>
  );
}

export function FieldsTable({
  index,
  message,
  fields,
  bytes,
}: {
  index: number;
  message: NlMessage;
  fields: readonly LeafField[];
  bytes: Uint8Array;
}) {
  const { hl, setHl } = useHighlight();
  const [all, setAll] = useState(false);
  const { t, s } = useNlWords();
  const LIMIT = 120;
  const shown = all ? fields : fields.slice(0, LIMIT);
  // A term's popover on its first row only: a dump repeats nla_len hundreds of times, and each
  // button is a Tab stop.
  const firstOf = new Set<string>();
  const linked = shown.map((f) => {
    const k = termKeyOf(f.name);
    if (!k || firstOf.has(k)) return false;
    firstOf.add(k);
    return true;
  });
  return (
    <TableRegion label={s(W.fieldsRegion)} size="tall">
      <table className="nl-fields">
        <caption>
          {t(W.fieldsCaption, { n: index + 1, type: message.typeName })}{' '}
          <span className="caption-note">
            {t(W.fieldsNote, { n: fields.length, bytes: num(fields.reduce((n, f) => n + f.size, 0)) })}
          </span>
        </caption>
        <TableHead columns={[s(W.colField), s(W.colOffset), s(W.colSize), s(W.colBytes), s(W.colValue)]} />
        <tbody>
          {shown.map((f, i) => (
            <FieldRow
              key={f.key}
              f={f}
              term={linked[i] ?? false}
              hex={hexOf(bytes, f)}
              lit={hl?.key === f.key}
              setHl={setHl}
            />
          ))}
        </tbody>
      </table>
      {fields.length > LIMIT && (
        <button type="button" className="btn-quiet" onClick={() => setAll(!all)}>
          {all ? t(W.showFirst, { n: LIMIT }) : t(W.showAll, { n: num(fields.length) })}
        </button>
      )}
    </TableRegion>
  );
}

/** A field's first 8 bytes as the table shows them: four a word, kept together (non-breaking spaces). */
const hexOf = (bytes: Uint8Array, f: LeafField) =>
  Array.from(
    bytes.subarray(f.offset, f.offset + Math.min(f.size, 8)),
    (b, i) => (i > 0 ? (i % 4 === 0 ? ' ' : '\u00a0') : '') + b.toString(16).padStart(2, '0'),
  ).join('');

/**
 * One field row; memoised on what it shows (the field, its bytes as text), so moving the pointer
 * re-renders two rows, not 354, and a one-digit edit the rows whose field changed.
 */
const FieldRow = memo(function FieldRow({
  f,
  hex,
  lit,
  setHl,
  term,
}: {
  f: LeafField;
  /** Whether the field's name opens its glossary popover (the first row naming the term). */
  term: boolean;
  /** The field's first bytes (hexOf). */
  hex: string;
  lit: boolean;
  setHl: (h: Highlight | null) => void;
}) {
  const { s, shown: show } = useNlWords();
  const pos = s(W.fieldPos, { offset: num(f.offset), size: num(f.size) });
  const on = () => setHl({ key: f.key, from: f.offset, to: f.offset + f.size });
  return (
    <tr
      tabIndex={0}
      className={`nl-frow nl-frow--${paintOf(f)}${lit ? ' is-lit' : ''}`}
      onMouseEnter={on}
      onMouseLeave={() => setHl(null)}
      onFocus={on}
      onBlur={() => setHl(null)}
    >
      <th scope="row" style={{ paddingLeft: `${8 + f.depth * 14}px` }}>
        <span className="nl-fgroup">{f.group}</span>{' '}
        <span className="mono">
          {term ? <TermText text={f.name} /> : f.name === '(padding)' ? s(MW.padding) : f.name}
        </span>
        {/* At 360 px the offset and size columns fold in here (layout.css). */}
        <span className="nl-fpos">{pos}</span>
      </th>
      <td className="num">{num(f.offset)}</td>
      <td className="num">{num(f.size)}</td>
      <td className="mono nl-fbytes">
        {hex}
        {f.size > 8 ? ' …' : ''}
      </td>
      <td className="mono nl-fvalue">{show(f).replaceAll('|', '|\u200b')}</td>
    </tr>
  );
});
