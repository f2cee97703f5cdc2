/**
 * The sk_buffs of one trace step, drawn to scale: headroom | data regions | tailroom between
 * head/data/tail/end, page frags after the linear area, and the frag_list chain below its head.
 * Every number drawn is also in the "sk_buff fields" table.
 */
import { scaleLinear } from 'd3-scale';
import type { ScaleLinear } from 'd3-scale';
import type { OutputSnapshot } from '../../../core/ip/index.ts';
import { skbHeadroom, skbTailroom } from '../../../core/skb/index.ts';
import type { Region, SkbSnapshot } from '../../../core/skb/index.ts';
import { KIND_LABEL, Legend, kindFill } from '../../components/kinds.tsx';
import { useElementWidth } from '../../hooks/useElementWidth.ts';
import { num } from '../../format.ts';

const MAX_DRAWN = 6;
const MAX_CHAIN = 4;
const ROW = { bar: 30, marks: 30 };

function flatten(skbs: readonly SkbSnapshot[]): SkbSnapshot[] {
  return skbs.flatMap((s) => [s, ...flatten(s.frag_list)]);
}

function extent(s: SkbSnapshot): number {
  const frags = s.frags.reduce((a, f) => a + f.size, 0);
  return Math.max(s.end, s.end + frags);
}

/** The ids of every sk_buff held at the steps before this one (to tell new sk_buffs from reused ones). */
export function idsBefore(trace: readonly { snapshot: OutputSnapshot }[], index: number): Set<number> {
  const ids = new Set<number>();
  for (const step of trace.slice(0, index)) for (const s of flatten(step.snapshot.skbs)) ids.add(s.id);
  return ids;
}

export function SkbPanel({
  snapshot,
  seenBefore,
  first,
}: {
  snapshot: OutputSnapshot;
  seenBefore: Set<number>;
  first: boolean;
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>(520);
  const all = flatten(snapshot.skbs);
  const prevIds = seenBefore;
  const maxExtent = Math.max(1, ...all.map(extent));
  const x = scaleLinear()
    .domain([0, maxExtent])
    .range([0, Math.max(120, width - 34)]); // room for the frag_list indent
  const drawn = snapshot.skbs.slice(0, MAX_DRAWN);
  const kinds = [
    ...new Set(all.flatMap((s) => [...s.regions, ...s.frags.flatMap((f) => f.regions)].map((r) => r.kind))),
  ];
  const vars = Object.entries(snapshot.vars);

  return (
    <div className="skb-panel" ref={ref}>
      {vars.length > 0 && (
        <dl className="vars" aria-label="Values at this step">
          {vars.map(([k, v]) => (
            <div key={k}>
              <dt className="mono">{k}</dt>
              <dd className="mono">{typeof v === 'number' ? num(v) : String(v)}</dd>
            </div>
          ))}
        </dl>
      )}
      {all.length === 0 ? (
        <p className="muted empty">No sk_buff is held at this step.</p>
      ) : (
        <>
          <div className="skb-list">
            {drawn.map((s) => (
              <SkbDrawing key={s.id} skb={s} x={x} prevIds={prevIds} hasPrevious={!first} depth={0} />
            ))}
            {snapshot.skbs.length > MAX_DRAWN && (
              <p className="muted more">
                … and {num(snapshot.skbs.length - MAX_DRAWN)} more sk_buffs (listed in the table below).
              </p>
            )}
          </div>
          <Legend kinds={kinds} label="sk_buff colour key" />
          <SkbFieldsTable skbs={all} prevIds={prevIds} hasPrevious={!first} />
        </>
      )}
    </div>
  );
}

function idBadge(id: number, prevIds: Set<number>, hasPrevious: boolean) {
  const reused = prevIds.has(id);
  return (
    <span className={`id-badge${hasPrevious ? (reused ? ' id-badge--same' : ' id-badge--new') : ''}`}>
      skb #{id}
      {hasPrevious && <span className="id-state">{reused ? 'seen before' : 'new'}</span>}
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
  x: ScaleLinear<number, number>;
  prevIds: Set<number>;
  hasPrevious: boolean;
  depth: number;
}) {
  const headroom = skbHeadroom(skb);
  const tailroom = skbTailroom(skb);
  const fragStart = skb.end;
  let fragAt = fragStart;
  const marks = [
    { name: 'head', at: skb.head },
    { name: 'data', at: skb.data },
    { name: 'tail', at: skb.tail },
    { name: 'end', at: skb.end },
  ];
  const w = x.range()[1]! + 2;
  const h = ROW.bar + ROW.marks;
  const label = `${skb.label}: head 0, data ${skb.data}, tail ${skb.tail}, end ${skb.end}, len ${skb.len}, data_len ${skb.data_len}, ${skb.frags.length} page frags, ${skb.frag_list.length} on frag_list`;
  // Marker labels alternate rows when they would collide.
  let lastX = -Infinity;
  let row = 0;
  const placed = marks.map((m) => {
    const px = x(m.at);
    row = px - lastX < 34 ? (row + 1) % 2 : 0;
    lastX = px;
    return { ...m, px, row };
  });

  return (
    <div className="skb" style={{ marginLeft: depth ? 12 : 0 }}>
      <p className="skb-head">
        {idBadge(skb.id, prevIds, hasPrevious)}
        <span className="skb-label">{skb.label}</span>
        <span className="muted skb-sizes mono">
          len {num(skb.len)} · data_len {num(skb.data_len)} · truesize {num(skb.truesize)}
        </span>
      </p>
      <svg width={w} height={h} role="img" aria-label={label} className="skb-svg">
        <rect
          x={x(0)}
          y={1}
          width={x(headroom) - x(0)}
          height={ROW.bar - 2}
          fill="url(#room-hatch)"
          className="room"
        />
        {skb.regions.map((r, i) => (
          <RegionRect key={i} r={r} x={x} offset={0} />
        ))}
        {tailroom > 0 && (
          <rect
            x={x(skb.tail)}
            y={1}
            width={x(skb.end) - x(skb.tail)}
            height={ROW.bar - 2}
            fill="url(#room-hatch)"
            className="room"
          />
        )}
        <rect x={x(0)} y={1} width={x(skb.end) - x(0)} height={ROW.bar - 2} className="skb-outline" />
        {skb.frags.map((f, i) => {
          const at = fragAt;
          fragAt += f.size;
          return (
            <g key={`f${i}`} className="page-frag">
              <title>{`frags[${i}]: ${f.size} bytes in a page`}</title>
              {f.regions.map((r, j) => (
                <RegionRect key={j} r={r} x={x} offset={at + 0} inset />
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
        {placed.map((m) => (
          <g key={m.name} transform={`translate(${m.px},0)`} className="skb-mark">
            <line y1={0} y2={ROW.bar + 4 + m.row * 12} />
            <text y={ROW.bar + 13 + m.row * 12} textAnchor={m.px < 20 ? 'start' : 'middle'}>
              {m.name} {num(m.at)}
            </text>
          </g>
        ))}
      </svg>
      {skb.frags.length > 0 && (
        <p className="skb-note muted">
          {skb.frags.length} page frag{skb.frags.length > 1 ? 's' : ''} (skb_shinfo→frags) after end, drawn
          rounded: {skb.frags.map((f) => num(f.size)).join(' + ')} B
        </p>
      )}
      {skb.frag_list.length > 0 && (
        <div className="frag-list">
          <p className="frag-list-title mono">skb_shinfo(skb)→frag_list</p>
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
            <p className="muted more">… {num(skb.frag_list.length - MAX_CHAIN)} more on the chain.</p>
          )}
        </div>
      )}
    </div>
  );
}

function RegionRect({
  r,
  x,
  offset,
  inset,
}: {
  r: Region;
  x: ScaleLinear<number, number>;
  offset: number;
  inset?: boolean;
}) {
  const y = inset ? 4 : 1;
  const hh = inset ? ROW.bar - 8 : ROW.bar - 2;
  const range = r.from !== undefined && r.to !== undefined ? ` (data bytes ${r.from}–${r.to})` : '';
  return (
    <rect
      x={x(offset + r.start)}
      y={y}
      width={Math.max(0.75, x(offset + r.end) - x(offset + r.start))}
      height={hh}
      fill={kindFill(r.kind)}
    >
      <title>{`${KIND_LABEL[r.kind]}: ${r.end - r.start} bytes${range}`}</title>
    </rect>
  );
}

const MAX_ROWS = 40;

function SkbFieldsTable({
  skbs,
  prevIds,
  hasPrevious,
}: {
  skbs: SkbSnapshot[];
  prevIds: Set<number>;
  hasPrevious: boolean;
}) {
  const rows = skbs.slice(0, MAX_ROWS);
  return (
    <div
      className="table-scroll table-scroll--short"
      tabIndex={0}
      role="region"
      aria-label="sk_buff fields, scrollable"
    >
      <table className="skb-table">
        <caption>
          sk_buff fields
          {skbs.length > MAX_ROWS && (
            <span className="caption-note">
              {' '}
              — first {MAX_ROWS} of {num(skbs.length)}
            </span>
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">skb</th>
            <th scope="col">head</th>
            <th scope="col">data</th>
            <th scope="col">tail</th>
            <th scope="col">end</th>
            <th scope="col">len</th>
            <th scope="col">data_len</th>
            <th scope="col">headroom</th>
            <th scope="col">tailroom</th>
            <th scope="col">nr_frags</th>
            <th scope="col">frag_list</th>
            <th scope="col">truesize</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id}>
              <th scope="row" className="mono">
                #{s.id}
                {hasPrevious && !prevIds.has(s.id) && <span className="new-dot" title="new at this step" />}
                <span className="muted"> {s.label}</span>
              </th>
              <td className="num">{s.head}</td>
              <td className="num">{num(s.data)}</td>
              <td className="num">{num(s.tail)}</td>
              <td className="num">{num(s.end)}</td>
              <td className="num">{num(s.len)}</td>
              <td className="num">{num(s.data_len)}</td>
              <td className="num">{num(skbHeadroom(s))}</td>
              <td className="num">{num(skbTailroom(s))}</td>
              <td className="num">{s.frags.length}</td>
              <td className="num">{s.frag_list.length}</td>
              <td className="num">{num(s.truesize)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
