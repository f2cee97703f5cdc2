/**
 * The fragment-boundary diagram: the datagram as one bar, cut where each wire packet's bytes start,
 * offsets labelled, each packet's header drawn above its slice. React owns every element; byteAxis
 * (components/linear-axis.ts, d3-scale's arithmetic) maps bytes to pixels and d3-zoom (on the SVG,
 * unbound on unmount) only reports a transform.
 * d3-zoom is a chunk of its own (./zoom-gesture.ts, issue 17), fetched when a pointer comes over the
 * figure, the keyboard reaches it or a zoom button is pressed; a gesture begun before it is here
 * (Ctrl + wheel, a press, a touch) is held and handed to it when it arrives.
 * Thin packets (under MIN_SLICE px) are drawn as runs of identical packets, so 1 or 1,366 fragments
 * stay legible; zooming in turns runs back into single packets.
 */
import { bisector } from 'd3-array';
import { byteAxis, rescaled } from '../../components/linear-axis.ts';
import type { ZoomTransform } from 'd3-zoom';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { sendSides } from '../../../core/ip/send-context.ts';
import type { SendResult, WirePacket } from '../../../core/ip/types.ts';
import type { RegionKind } from '../../../core/skb/index.ts';
import { IconButton } from '../../components/IconButton.tsx';
import { Legend, kindFill, kindInk } from '../../components/kinds.tsx';
import { useElementWidth } from '../../hooks/useElementWidth.ts';
import { num } from '../../format.ts';
import { DropNote, useDropsWords } from '../../components/drops/index.ts';
import { SYM, W, useWords } from './words.tsx';
import type { Area, ZoomGesture } from './zoom-gesture.ts';
import type * as ZoomModuleNs from './zoom-gesture.ts';

type ZoomModule = typeof ZoomModuleNs;

const MIN_SLICE = 30; // px under which a packet joins a run of identical packets
const MIN_LEAD = 44; // px: the UDP (or IP) header at the datagram's start stays visible and labelled
const H = { label: 14, capTop: 22, cap: 26, barTop: 58, bar: 38, tick: 104, height: 124 };
const PAD = 14;
const CUT = 1.5; // px: the width of a cut between two packets

interface HeaderPart {
  kind: RegionKind;
  size: number;
}

/** The header bytes a packet carries, read from the packet the core produced. */
function headerParts(p: WirePacket): HeaderPart[] {
  if (p.family === 'inet') {
    const opt = p.options.length;
    return opt
      ? [
          { kind: 'ip', size: p.ihl - opt },
          { kind: 'ipopt', size: opt },
        ]
      : [{ kind: 'ip', size: p.ihl }];
  }
  return p.frag
    ? [
        { kind: 'ip6', size: 40 },
        { kind: 'frag6', size: 8 },
      ]
    : [{ kind: 'ip6', size: 40 }];
}

const flagsOf = (p: WirePacket) =>
  p.family === 'inet' ? { df: p.df, mf: p.mf } : { df: false, mf: p.frag?.mf ?? false };

/**
 * Do two packets look the same on the wire apart from their offset: the same size, headers
 * (headerParts), flags (flagsOf) and IP options? Numbers compared, nothing built (issue 17).
 */
function sameLook(a: WirePacket, b: WirePacket): boolean {
  if (a.range.to - a.range.from !== b.range.to - b.range.from) return false;
  if (a.family === 'inet' && b.family === 'inet')
    return (
      a.ihl === b.ihl &&
      a.df === b.df &&
      a.mf === b.mf &&
      a.options.length === b.options.length &&
      a.options.every((o, i) => o === b.options[i])
    );
  if (a.family === 'inet6' && b.family === 'inet6')
    return !a.frag === !b.frag && (a.frag?.mf ?? false) === (b.frag?.mf ?? false);
  return false;
}

interface Group {
  first: number; // index into wire
  last: number;
  from: number;
  to: number;
}

/** About how wide a label is in the diagram's 11 px font: CJK characters take a full em. */
const textW = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 12 : 6.9), 0);

const byTo = bisector((p: WirePacket) => p.range.to).right;

type Transform = Pick<ZoomTransform, 'k' | 'x' | 'y'>;
const IDENTITY: Transform = { k: 1, x: 0, y: 0 };
/** A zoom event that leaves the view where it is (a new result's reset when not zoomed) draws nothing anew. */
const sameTransform = (a: Transform, b: Transform) => a.k === b.k && a.x === b.x && a.y === b.y;

/** The zoom gesture's chunk (one fetch a page; a failed one is tried again at the next gesture). */
let zoomChunk: Promise<ZoomModule> | null = null;
export function loadZoomGesture(): Promise<ZoomModule> {
  zoomChunk ??= import('./zoom-gesture.ts').catch((e: unknown) => {
    zoomChunk = null;
    throw e;
  });
  return zoomChunk;
}

/** The events that start a gesture d3-zoom takes (its filter: Ctrl/⌘ + wheel, a main-button press, a touch). */
const startsGesture = (e: Event) =>
  e.type === 'wheel'
    ? (e as WheelEvent).ctrlKey || (e as WheelEvent).metaKey
    : e.type === 'mousedown'
      ? !(e as MouseEvent).button
      : e.type === 'touchstart';
/** The events that end a pressed gesture: one held until d3-zoom came is then let go. */
const ENDS: Record<string, string> = {
  mouseup: 'mousedown',
  touchend: 'touchstart',
  touchcancel: 'touchstart',
};

/**
 * What the drawing needs of every packet, whatever the zoom: worked out once a result (issue 17:
 * a zoom step or a resize redraws without walking 1,365 packets' headers again).
 */
function wireFacts(wire: readonly WirePacket[], total: number) {
  // The kinds of header there are: a packet that looks like the one before adds none.
  const kinds = new Set<RegionKind>();
  wire.forEach((p, i) => {
    if (i === 0 || !sameLook(wire[i - 1]!, p)) for (const h of headerParts(p)) kinds.add(h.kind);
  });
  const minBytes = wire.reduce((m, p) => Math.min(m, Math.max(1, p.range.to - p.range.from)), total);
  const offsetsText =
    wire.length <= 12
      ? wire.map((p) => num(p.range.from)).join(', ')
      : `${wire
          .slice(0, 6)
          .map((p) => num(p.range.from))
          .join(', ')}, … ${num(wire[wire.length - 1]!.range.from)}`;
  return { kinds, minBytes, offsetsText };
}

export function FragmentDiagram({ result }: { result: SendResult }) {
  // In the page's language (DROPS_WORDS is the English, for tests and logs).
  const dropWords = useDropsWords();
  const [wrapRef, width] = useElementWidth<HTMLDivElement>();
  const svgRef = useRef<SVGSVGElement>(null);
  const gestureRef = useRef<ZoomGesture | null>(null);
  // The transform d3-zoom reported; null: the whole datagram (no gesture yet).
  const [t, setT] = useState<ZoomTransform | null>(null);
  const words = useWords();

  const wire = result.wire;
  const total = Math.max(result.datagramLength, 1);
  const payloadTotal = (result.input.iov ?? result.input.sends).reduce((a, b) => a + b, 0);
  const leadBytes = Math.max(0, result.datagramLength - payloadTotal);
  const leadKind: RegionKind =
    result.input.sock === 'raw-hdrincl' ? (result.input.family === 'inet6' ? 'ip6' : 'ip') : 'udp';

  const base = useMemo(() => byteAxis(total, PAD, width - PAD), [total, width]);
  const x = useMemo(() => (t ? rescaled(base, t) : base), [t, base]);
  const facts = useMemo(() => wireFacts(wire, total), [wire, total]);
  const { minBytes } = facts;
  const maxK = Math.max(1, Math.min(4096, ((total / minBytes) * 90) / Math.max(1, width - 2 * PAD)));
  const limits = useRef<{ area: Area; maxK: number }>({
    area: [
      [PAD, 0],
      [PAD, H.height],
    ],
    maxK: 1,
  });

  // d3-zoom owns only the gesture: it reports a transform; React draws. Fetched and bound once,
  // when first wanted; an edit or a resize only moves its limits (issue 17).
  const mounted = useRef(true);
  const ensureZoom = useCallback(async (): Promise<ZoomGesture | null> => {
    if (gestureRef.current) return gestureRef.current;
    const m = await loadZoomGesture().catch(() => null);
    const svg = svgRef.current;
    if (!m || !svg || !mounted.current) return null;
    gestureRef.current ??= m.bindZoom(
      svg,
      (tr) => setT((was) => (sameTransform(was ?? IDENTITY, tr) ? was : tr)),
      limits.current.area,
      limits.current.maxK,
    );
    return gestureRef.current;
  }, []);

  // Until d3-zoom is here, a gesture's first event is held (a Ctrl + wheel is kept from zooming
  // the whole page) and handed to it when it comes; a press let go before that is dropped.
  useEffect(() => {
    mounted.current = true;
    const svg = svgRef.current;
    const fig = svg?.closest('figure');
    if (!svg || !fig) return;
    let held: Event[] = [];
    const early = (e: Event) => {
      if (gestureRef.current || !startsGesture(e)) return;
      if (e.type === 'wheel') e.preventDefault();
      held.push(e);
      void ensureZoom().then(() => {
        const now = held;
        held = [];
        for (const h of now) svg.dispatchEvent(new (h.constructor as typeof Event)(h.type, h));
      });
    };
    const ended = (e: Event) => {
      if (!gestureRef.current) held = held.filter((h) => h.type !== ENDS[e.type]);
    };
    const near = () => void ensureZoom();
    svg.addEventListener('wheel', early, { passive: false });
    svg.addEventListener('mousedown', early);
    svg.addEventListener('touchstart', early, { passive: true });
    for (const type of Object.keys(ENDS)) window.addEventListener(type, ended, true);
    fig.addEventListener('pointerenter', near);
    fig.addEventListener('focusin', near);
    return () => {
      mounted.current = false;
      svg.removeEventListener('wheel', early);
      svg.removeEventListener('mousedown', early);
      svg.removeEventListener('touchstart', early);
      for (const type of Object.keys(ENDS)) window.removeEventListener(type, ended, true);
      fig.removeEventListener('pointerenter', near);
      fig.removeEventListener('focusin', near);
      gestureRef.current?.unbind();
      gestureRef.current = null;
    };
  }, [ensureZoom]);
  useEffect(() => {
    const area: Area = [
      [PAD, 0],
      [width - PAD, H.height],
    ];
    limits.current = { area, maxK };
    gestureRef.current?.limit(area, maxK);
  }, [width, maxK]);

  // A new result starts unzoomed (nothing to do when it is).
  useEffect(() => {
    if (gestureRef.current) gestureRef.current.reset();
    else setT(null);
  }, [result]);

  const zoomBy = (k: number) => void ensureZoom().then((g) => g?.scaleBy(k));
  const zoomTo = (from: number, to: number) => {
    const k = Math.min(maxK, (width - 2 * PAD) / Math.max(1, base(to) - base(from)));
    const at = PAD - k * base(from);
    void ensureZoom().then((g) => g?.moveTo(at, k));
  };

  // Visible packets only (ranges are sorted and tile the datagram). The scale is linear: a packet's
  // width is its bytes times the pixels a byte (issue 17: no two calls of the scale a packet).
  const [d0, d1] = x.domain() as [number, number];
  const pxPerByte = (x(total) - x(0)) / total;
  const firstVisible = Math.min(wire.length, byTo(wire, d0));
  const groups: Group[] = [];
  for (let i = firstVisible; i < wire.length; i++) {
    const p = wire[i]!;
    if (p.range.from > d1) break;
    const prev = groups[groups.length - 1];
    // The same look is the same size: the previous packet is as thin as this one.
    if (
      prev &&
      prev.last === i - 1 &&
      (p.range.to - p.range.from) * pxPerByte < MIN_SLICE &&
      sameLook(wire[prev.last]!, p)
    ) {
      prev.last = i;
      prev.to = p.range.to;
    } else groups.push({ first: i, last: i, from: p.range.from, to: p.range.to });
  }

  // Cuts between visible packets, fainter when they crowd: the single packets' as one path; a
  // run's (packets of one size, so evenly spaced) as one dashed line, solid where they are closer
  // than a cut is wide, so 1,365 cuts are a few elements, not a path of 1,365 moves.
  const visibleCount = groups.reduce((n, g) => n + g.last - g.first + 1, 0);
  const pxPerPacket = visibleCount ? (width - 2 * PAD) / visibleCount : width;
  let cuts = '';
  const runCuts: { key: number; n: number; x1: number; x2: number; dash: string | undefined }[] = [];
  for (const g of groups) {
    if (g.first === g.last) {
      if (g.from > 0) cuts += `M${x(g.from).toFixed(1)},${H.barTop}v${H.bar}`;
      continue;
    }
    const step = (wire[g.first]!.range.to - wire[g.first]!.range.from) * pxPerByte;
    const skip = g.from > 0 ? 0 : 1;
    const n = g.last - g.first + 1 - skip;
    if (n <= 0) continue;
    const first = x(g.from) + skip * step;
    runCuts.push({
      key: g.first,
      n,
      x1: first - CUT / 2,
      x2: first + (n - 1) * step + CUT / 2,
      dash: step > CUT ? `${CUT} ${step - CUT}` : undefined,
    });
  }

  // Offset labels at cuts, thinned so they never overlap; the datagram's two ends win.
  const labelW = (n: number) => num(n).length * 7.4 + 10;
  const inView = (at: number) => x(at) >= PAD - 1 && x(at) <= width - PAD + 1;
  const ends = [0, result.datagramLength].filter(inView);
  const inner = [...new Set(groups.flatMap((g) => (g.first === g.last ? [g.from] : [g.from, g.to])))].filter(
    (at) => inView(at) && !ends.includes(at),
  );
  const box = (at: number) => {
    const px = x(at);
    const w = labelW(at);
    const left = px < PAD + 20 ? px : px > width - PAD - 20 ? px - w : px - w / 2;
    return [left - 4, left + w + 4] as const;
  };
  const taken = ends.map(box);
  for (const at of inner.sort((a, b) => a - b)) {
    const [l, r] = box(at);
    if (taken.every(([tl, tr]) => r <= tl || l >= tr)) {
      taken.push([l, r]);
      ends.push(at);
    }
  }
  const ticks = ends.sort((a, b) => a - b).map((at) => ({ at, x: x(at) }));

  // Packet labels above the caps: left-aligned in their slice, or right-aligned for the last one.
  const capLabels: { key: number; text: string; x: number; anchor: 'start' | 'end' }[] = [];
  let labelRight = -Infinity;
  groups.forEach((g, gi) => {
    const p = wire[g.first]!;
    const count = g.last - g.first + 1;
    const size = p.range.to - p.range.from;
    const name = count === 1 ? `#${num(g.first + 1)}` : `#${num(g.first + 1)}–${num(g.last + 1)}`;
    const text =
      count === 1
        ? words.t(W.capOne, { n: num(g.first + 1), size })
        : words.t(W.capRun, { from: num(g.first + 1), to: num(g.last + 1), count, size });
    const x0 = Math.max(PAD, x(g.from) + 1);
    const x1 = Math.min(width - PAD, x(g.to));
    // The full label, else just the packet number, where it fits inside its slice.
    const fit = [text, name].find((t) => x0 >= labelRight + 10 && x0 + textW(t) <= x1);
    if (fit) {
      capLabels.push({ key: g.first, text: fit, x: x0, anchor: 'start' });
      labelRight = x0 + textW(fit);
    } else if (gi === groups.length - 1) {
      // The last packet is always named (a student counts the labels: #1–#7 read as 7 packets
      // when there are 8): its full label, else its number, right-aligned at the datagram's end;
      // labels before it that would touch it give way.
      const last = [text, name].find((t) => x1 - textW(t) >= labelRight + 10 && x1 - textW(t) >= PAD);
      const shown = last ?? name;
      const left = x1 - (last ? textW(last) : textW(name));
      if (!last)
        while (capLabels.length) {
          const prev = capLabels[capLabels.length - 1]!;
          if (prev.x + textW(prev.text) + 10 <= left) break;
          capLabels.pop();
        }
      if (left >= 0) {
        capLabels.push({ key: g.first, text: shown, x: x1, anchor: 'end' });
        labelRight = x1;
      }
    }
  });

  // The header at the datagram's start (8 bytes of UDP among thousands) is drawn at least MIN_LEAD
  // px wide, never more than half the bar, so it is seen and labelled at any zoom.
  const barW = Math.max(0, x(result.datagramLength) - x(0));
  const leadLabel = `${leadKind === 'udp' ? 'UDP' : leadKind === 'ip6' ? 'IPv6' : 'IP'} ${leadBytes}`;
  const leadMin = Math.max(MIN_LEAD, leadLabel.length * 7.4 + 8);
  const leadW = Math.min(Math.max(leadMin, x(leadBytes) - x(0)), barW / 2);
  const runs = groups.filter((g) => g.last > g.first);

  const clipId = `clip-${result.datagramLength}`;
  const zoomed = (t?.k ?? 1) > 1.0001;
  const kinds = new Set<RegionKind>(facts.kinds);
  if (leadBytes) kinds.add(leadKind);
  kinds.add('payload');
  const offsetsText = facts.offsetsText;
  const describe = wire.length
    ? words.t(W.figure, { len: result.datagramLength, n: wire.length, offsets: offsetsText })
    : words.t(W.figureNone, { len: result.datagramLength });

  return (
    <figure className="diagram">
      <div className="diagram-toolbar">
        <p className="diagram-scope">
          {zoomed
            ? words.r(W.scopeZoomed, {
                from: Math.max(0, Math.round(d0)),
                to: Math.min(total, Math.round(d1)),
                total: result.datagramLength,
              })
            : words.r(W.scopeAll, { total: result.datagramLength })}
        </p>
        <div className="zoom-buttons" role="group" aria-label={words.t(W.zoomGroup)}>
          <IconButton label={words.t(W.zoomIn)} disabled={(t?.k ?? 1) >= maxK} onClick={() => zoomBy(2)}>
            {SYM.plus}
          </IconButton>
          <IconButton label={words.t(W.zoomOut)} disabled={!zoomed} onClick={() => zoomBy(0.5)}>
            {SYM.minus}
          </IconButton>
          <button type="button" className="btn-quiet" onClick={() => zoomTo(0, total)} disabled={!zoomed}>
            {words.r(W.zoomReset)}
          </button>
        </div>
      </div>
      {!result.ok && (
        <DropNote
          drops={sendSides(result).tx.drop_reasons}
          label={dropWords.flushHere}
          className="frag-flush"
        />
      )}
      <div ref={wrapRef} className="diagram-canvas">
        <svg
          ref={svgRef}
          width={width}
          height={H.height}
          viewBox={`0 0 ${width} ${H.height}`}
          role="img"
          aria-label={describe}
          className={zoomed ? 'is-zoomed' : undefined}
          data-main-diagram="fragments"
        >
          <defs>
            <clipPath id={clipId}>
              <rect x={PAD} y={0} width={Math.max(0, width - 2 * PAD)} height={H.height} />
            </clipPath>
          </defs>
          <g clipPath={`url(#${clipId})`}>
            {/* the datagram bar */}
            <rect
              x={x(0)}
              y={H.barTop}
              width={Math.max(0, x(result.datagramLength) - x(0))}
              height={H.bar}
              rx={4}
              fill={kindFill('payload')}
              className={result.ok ? undefined : 'bar-failed'}
            />
            {groups
              .filter((g) => g.first === g.last && g.first % 2 === 1)
              .map((g) => (
                <rect
                  key={`alt${g.first}`}
                  x={x(g.from)}
                  y={H.barTop}
                  width={x(g.to) - x(g.from)}
                  height={H.bar}
                  fill="var(--slice-alt)"
                />
              ))}
            {leadBytes > 0 && (
              <rect
                x={x(0)}
                y={H.barTop}
                width={leadW}
                height={H.bar}
                rx={3}
                fill={kindFill(leadKind)}
                stroke={kindInk(leadKind)}
                strokeOpacity={0.5}
                data-lead={leadKind}
              />
            )}
            <g
              stroke="var(--cut)"
              strokeOpacity={Math.min(1, Math.max(0.25, pxPerPacket / 8))}
              className="cuts"
            >
              <path d={cuts} strokeWidth={CUT} />
              {runCuts.map((c) => (
                <line
                  key={c.key}
                  x1={c.x1}
                  x2={c.x2}
                  y1={H.barTop + H.bar / 2}
                  y2={H.barTop + H.bar / 2}
                  strokeWidth={H.bar}
                  strokeDasharray={c.dash}
                  data-cuts={c.n}
                />
              ))}
            </g>
            {groups.map((g) => (
              <PacketCap
                key={g.first}
                group={g}
                wire={wire}
                x={x}
                words={words}
                onZoom={() => zoomTo(g.from, g.to)}
              />
            ))}
            {leadBytes > 0 && (
              <text
                x={x(0) + leadW / 2}
                y={H.barTop + H.bar / 2 + 4}
                textAnchor="middle"
                className="bar-text"
                fill={kindInk(leadKind)}
              >
                {leadLabel}
              </text>
            )}
          </g>
          {wire.length === 0 && (
            <text x={width / 2} y={H.capTop + H.cap / 2 + 4} textAnchor="middle" className="cap-label">
              {words.t(W.noPacket)}
            </text>
          )}
          {capLabels.map((l) => (
            <text key={`l${l.key}`} x={l.x} y={H.label} textAnchor={l.anchor} className="cap-label">
              {l.text}
            </text>
          ))}
          {ticks.map((tk) => (
            <g key={tk.at} transform={`translate(${tk.x},0)`} className="tick">
              <line y1={H.barTop + H.bar} y2={H.barTop + H.bar + 5} />
              <text
                y={H.tick + 10}
                textAnchor={tk.x < PAD + 20 ? 'start' : tk.x > width - PAD - 20 ? 'end' : 'middle'}
              >
                {num(tk.at)}
              </text>
            </g>
          ))}
        </svg>
        {/* The runs the mouse can click, as buttons for the keyboard: transparent over the drawing
            (the pointer still reaches the SVG, so a drag that starts on a run pans), outlined on focus. */}
        {runs.map((g) => {
          const left = Math.max(PAD, x(g.from));
          const right = Math.min(width - PAD, x(g.to));
          if (right - left < 4) return null;
          const p = wire[g.first]!;
          return (
            <button
              key={`run${g.first}`}
              type="button"
              className="run-zoom"
              style={{ left, width: right - left, top: H.capTop, height: H.barTop + H.bar - H.capTop }}
              aria-label={words.t(W.runZoom, {
                from: num(g.first + 1),
                to: num(g.last + 1),
                count: g.last - g.first + 1,
                size: p.range.to - p.range.from,
              })}
              onClick={() => zoomTo(g.from, g.to)}
            />
          );
        })}
      </div>
      <figcaption>
        <Legend kinds={[...kinds]} />
        <span className="diagram-help">{words.r(W.help)}</span>
      </figcaption>
    </figure>
  );
}

function PacketCap({
  group,
  wire,
  x,
  words,
  onZoom,
}: {
  group: Group;
  wire: readonly WirePacket[];
  x: (n: number) => number;
  words: ReturnType<typeof useWords>;
  onZoom: () => void;
}) {
  const p = wire[group.first]!;
  const count = group.last - group.first + 1;
  const x0 = x(group.from);
  const x1 = x(group.to);
  const w = Math.max(1, x1 - x0 - (count === 1 ? 2 : 0));
  const left = count === 1 ? x0 + 1 : x0;
  const parts = headerParts(p);
  const hdr = parts.reduce((a, b) => a + b.size, 0);
  const { df, mf } = flagsOf(p);
  const flags = [df && 'DF', mf && 'MF'].filter(Boolean).join(' ');
  const sliceBytes = p.range.to - p.range.from;
  const name = count === 1 ? `#${num(group.first + 1)}` : `#${num(group.first + 1)}–${num(group.last + 1)}`;
  const title = words.t(W.capTitle, {
    name,
    count,
    hdr,
    parts: parts.map((h) => `${h.kind} ${h.size}`).join(' + '),
    size: sliceBytes,
    flags: flags || 'none',
  });
  let acc = 0;
  return (
    <g className={`cap${count > 1 ? ' cap--run' : ''}`} onClick={count > 1 ? onZoom : undefined}>
      <title>{title}</title>
      {count > 1 ? (
        <rect x={left} y={H.capTop} width={w} height={H.cap} rx={3} fill="url(#run-hatch)" />
      ) : (
        parts.map((h) => {
          const px = left + (acc / hdr) * w;
          acc += h.size;
          const pw = (h.size / hdr) * w;
          return (
            <rect
              key={h.kind}
              x={px}
              y={H.capTop}
              width={Math.max(0.5, pw)}
              height={H.cap}
              fill={kindFill(h.kind)}
            />
          );
        })
      )}
      {w > 54 && (
        <text x={left + 6} y={H.capTop + H.cap / 2 + 4} className="cap-text">
          {words.t(W.capHdr, {
            family: w > 150 ? (p.family === 'inet' ? 'IPv4' : 'IPv6') : 'none',
            hdr,
            flags: flags && w > 90 ? flags : 'none',
          })}
        </text>
      )}
      {w > 24 && w <= 54 && flags && (
        <text x={left + w / 2} y={H.capTop + H.cap / 2 + 4} textAnchor="middle" className="cap-text">
          {mf ? SYM.MF : SYM.DF}
        </text>
      )}
      {w > 4 && <line x1={left} x2={left} y1={H.capTop + H.cap} y2={H.barTop} className="cap-link" />}
    </g>
  );
}
