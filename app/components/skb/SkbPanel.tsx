/**
 * The sk_buffs of one trace step (a queue, a frag_list, fragments), compact, with page frags and
 * the frag_list chain, new vs. reused sk_buff ids — shared by the sk_buff and Fragmentation labs.
 */
import './SkbPanel.css';
import { scaleLinear } from 'd3-scale';
import { SHINFO_SIZE } from '../../../core/skb/alloc.ts';
import { skbTailroom } from '../../../core/skb/types.ts';
import type { RegionKind, SkbSnapshot } from '../../../core/skb/index.ts';
import { useElementWidth } from '../../hooks/useElementWidth.ts';
import { num } from '../../format.ts';
import { Legend } from '../kinds.tsx';
import { ROW, extent, flatten, markRows, pointerMarks } from './geometry.ts';
import type { ScaleLinear } from 'd3-scale';

type X = ScaleLinear<number, number>;
import { Bytes, Markers, RegionRect } from './parts.tsx';
import { SkbFieldsTable } from './SkbFieldsTable.tsx';
import { SKB_PANEL_WORDS as W, shinfoTitle, usePlainText } from './words.ts';
import { msg } from '../../../core/i18n/index.ts';
import { MsgText } from '../../i18n/MsgText.tsx';
import { Term, TermValues } from '../../lab-kit/Term.tsx';

/** Text that is never translated (kernel names, offsets, key names), kept out of JSX literals. */
const verbatim = (...parts: (string | number)[]): string => parts.join('');

const MAX_DRAWN = 6;
const MAX_CHAIN = 4;

export interface SkbStepSnapshot {
  skbs: readonly SkbSnapshot[];
  vars?: Readonly<Record<string, number | string | boolean>>;
}

export function SkbPanel({
  snapshot,
  seenBefore,
  first,
  initialWidth,
}: {
  snapshot: SkbStepSnapshot;
  seenBefore: Set<number>;
  first: boolean;
  /** The width it will have, when known (LazySkbPanel's placeholder measured it). */
  initialWidth?: number | undefined;
}) {
  const txt = usePlainText();
  const [ref, width] = useElementWidth<HTMLDivElement>(initialWidth ?? 520);
  const all = flatten(snapshot.skbs);
  const maxExtent = Math.max(1, ...all.map(extent));
  const x = scaleLinear()
    .domain([0, maxExtent])
    .range([0, Math.max(120, width - 34)]); // room for the frag_list indent
  const drawn = snapshot.skbs.slice(0, MAX_DRAWN);
  const kinds = [
    ...new Set(all.flatMap((s) => [...s.regions, ...s.frags.flatMap((f) => f.regions)].map((r) => r.kind))),
  ];
  const vars = Object.entries(snapshot.vars ?? {});

  return (
    <div className="skb-panel" ref={ref}>
      {vars.length > 0 && (
        <TermValues
          className="vars"
          label={txt(W.valuesAtStep)}
          rows={vars.map(([k, v]) => [k, typeof v === 'number' ? num(v) : String(v)] as const)}
          monoValues
        />
      )}
      {all.length === 0 ? (
        <p className="muted empty">
          <MsgText msg={msg(W.noSkb)} />
        </p>
      ) : (
        <>
          <div className="skb-list">
            {drawn.map((s) => (
              <SkbDrawing key={s.id} skb={s} x={x} prevIds={seenBefore} hasPrevious={!first} depth={0} />
            ))}
            {snapshot.skbs.length > MAX_DRAWN && (
              <p className="muted more">
                <MsgText msg={msg(W.moreSkbs, { n: num(snapshot.skbs.length - MAX_DRAWN) })} />
              </p>
            )}
          </div>
          <SkbLegend kinds={kinds} />
          <SkbFieldsTable skbs={all} prevIds={seenBefore} hasPrevious={!first} initialWidth={initialWidth} />
        </>
      )}
    </div>
  );
}

/** The colour key, with headroom/tailroom and skb_shared_info. */
export function SkbLegend({ kinds }: { kinds: readonly RegionKind[] }) {
  const txt = usePlainText();
  return (
    <div className="skb-legend">
      <Legend kinds={kinds} label={txt(W.colourKey)} />
      <ul className="legend" aria-label={txt(W.areas)}>
        <li>
          <span className="swatch swatch--room" aria-hidden="true" />
          {txt(W.rooms)}
        </li>
        <li>
          <span className="swatch swatch--shinfo" aria-hidden="true" />
          <span className="mono">
            <Term k="skb_shared_info">{verbatim('skb_shared_info')}</Term>
          </span>
        </li>
        <li>
          <span className="swatch swatch--stale" aria-hidden="true" />
          <span>
            <MsgText msg={msg(W.outside)} />
          </span>
        </li>
      </ul>
    </div>
  );
}

function IdBadge({ id, prevIds, hasPrevious }: { id: number; prevIds: Set<number>; hasPrevious: boolean }) {
  const txt = usePlainText();
  const reused = prevIds.has(id);
  return (
    <span className={`id-badge${hasPrevious ? (reused ? ' id-badge--same' : ' id-badge--new') : ''}`}>
      {verbatim('skb #', id)}
      {hasPrevious && <span className="id-state">{txt(reused ? W.seenBefore : W.isNew)}</span>}
    </span>
  );
}

function SkbDrawing({
  skb,
  x,
  prevIds,
  hasPrevious,
  depth,
}: {
  skb: SkbSnapshot;
  x: X;
  prevIds: Set<number>;
  hasPrevious: boolean;
  depth: number;
}) {
  const txt = usePlainText();
  const shinfoAt = skb.end;
  let fragAt = skb.end + SHINFO_SIZE;
  const marks = pointerMarks(skb);
  const w = x.range()[1]! + 2;
  const rows = markRows(marks, x, w);
  const h = ROW.bar + 20 + rows * ROW.rowH;
  const label = txt(W.drawingLabel, {
    label: skb.label,
    data: skb.data,
    tail: skb.tail,
    end: skb.end,
    len: skb.len,
    dataLen: skb.data_len,
    frags: skb.frags.length,
    chained: skb.frag_list.length,
  });

  return (
    <div className="skb" style={{ marginLeft: depth ? 12 : 0 }}>
      <p className="skb-head">
        <IdBadge id={skb.id} prevIds={prevIds} hasPrevious={hasPrevious} />
        <span className="skb-label">{skb.label}</span>
        <span className="muted skb-sizes mono">
          {verbatim(
            'len ',
            num(skb.len),
            ' · data_len ',
            num(skb.data_len),
            ' · truesize ',
            num(skb.truesize),
          )}
        </span>
      </p>
      <svg width={w} height={h} role="img" aria-label={label} className="skb-svg">
        <rect
          x={x(0)}
          y={1}
          width={x(skb.data) - x(0)}
          height={ROW.bar - 2}
          fill="url(#room-hatch)"
          className="room"
        />
        {skbTailroom(skb) > 0 && (
          <rect
            x={x(skb.tail)}
            y={1}
            width={x(skb.end) - x(skb.tail)}
            height={ROW.bar - 2}
            fill="url(#room-hatch)"
            className="room"
          />
        )}
        <Bytes s={skb} x={x} y={1} h={ROW.bar - 2} labelled />
        <rect x={x(0)} y={1} width={x(skb.end) - x(0)} height={ROW.bar - 2} className="skb-outline" />
        <rect
          x={x(shinfoAt)}
          y={1}
          width={x(shinfoAt + SHINFO_SIZE) - x(shinfoAt)}
          height={ROW.bar - 2}
          className="shinfo-rect"
        >
          <title>{shinfoTitle(txt, skb)}</title>
        </rect>
        {skb.frags.map((f, i) => {
          const at = fragAt;
          fragAt += f.size;
          return (
            <g key={`f${i}`} className="page-frag">
              <title>{txt(W.fragTitle, { i, size: f.size })}</title>
              {f.regions.map((r, j) => (
                <RegionRect key={j} r={r} x={x} y={4} h={ROW.bar - 8} offset={at} />
              ))}
              <rect
                x={x(at) + 2}
                y={4}
                width={Math.max(1, x(at + f.size) - x(at) - 2)}
                height={ROW.bar - 8}
                rx={3}
                className="frag-outline"
              />
            </g>
          );
        })}
        <Markers marks={marks} x={x} y={ROW.bar} rowH={ROW.rowH} width={w} />
      </svg>
      {skb.frags.length > 0 && (
        <p className="skb-note muted">
          <MsgText
            msg={msg(W.fragsNote, {
              n: skb.frags.length,
              sizes: skb.frags.map((f) => num(f.size)).join(' + '),
            })}
          />
        </p>
      )}
      {skb.frag_list.length > 0 && (
        <div className="frag-list">
          <p className="frag-list-title mono">
            <Term k="frag_list">{verbatim('skb_shinfo(skb)→frag_list')}</Term>
          </p>
          {skb.frag_list.slice(0, MAX_CHAIN).map((c) => (
            <SkbDrawing
              key={c.id}
              skb={c}
              x={x}
              prevIds={prevIds}
              hasPrevious={hasPrevious}
              depth={depth + 1}
            />
          ))}
          {skb.frag_list.length > MAX_CHAIN && (
            <p className="muted more">{txt(W.moreOnChain, { n: num(skb.frag_list.length - MAX_CHAIN) })}</p>
          )}
        </div>
      )}
    </div>
  );
}
