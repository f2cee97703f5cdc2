/**
 * The Fragmentation diagram's zoom gesture: d3-zoom (with d3-selection, d3-transition, d3-drag,
 * d3-dispatch, ≈12 KB gzip) bound to the diagram's SVG. Its own chunk (issue 17: ≤ 150 KB to show
 * a lab), fetched by FragmentDiagram when a pointer comes over the picture, the keyboard reaches
 * it or a zoom button is pressed (`loadZoomGesture`); the drawing never needs it: until a gesture,
 * the view is unzoomed. d3-zoom only reports a transform; React draws.
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform } from 'd3-zoom';
import type { ZoomTransform } from 'd3-zoom';

export type Area = [[number, number], [number, number]];

export interface ZoomGesture {
  /** The view's limits: zoom from 1 to `maxK` inside `area`. */
  limit(area: Area, maxK: number): void;
  /** Zoom by `k` about the middle of the area (the + and − buttons). */
  scaleBy(k: number): void;
  /** Show the domain that the area's `k`-fold zoom moved by `x` shows (a run's or reset's button). */
  moveTo(x: number, k: number): void;
  /** Back to the whole datagram (nothing when there already). */
  reset(): void;
  /** Unbind every listener. */
  unbind(): void;
}

/**
 * d3-zoom on `svg`, reporting each new transform to `onZoom`. Plain wheel scrolls the page;
 * Ctrl/⌘ + wheel, pinch and drag zoom; a double click does nothing.
 */
export function bindZoom(
  svg: SVGSVGElement,
  onZoom: (t: ZoomTransform) => void,
  area: Area,
  maxK: number,
): ZoomGesture {
  const z = zoom<SVGSVGElement, unknown>()
    .filter((e: Event) =>
      e.type === 'wheel' ? (e as WheelEvent).ctrlKey || (e as WheelEvent).metaKey : !(e as MouseEvent).button,
    )
    .on('zoom', (e: { transform: ZoomTransform }) => onZoom(e.transform));
  const limit = (a: Area, k: number) => void z.scaleExtent([1, k]).extent(a).translateExtent(a);
  limit(area, maxK);
  const sel = select(svg);
  sel.call(z);
  sel.on('dblclick.zoom', null);
  return {
    limit,
    scaleBy: (k) => sel.call(z.scaleBy, k),
    moveTo: (x, k) => sel.call(z.transform, zoomIdentity.translate(x, 0).scale(k)),
    reset: () => {
      const now = zoomTransform(svg);
      if (now.k !== 1 || now.x !== 0 || now.y !== 0) sel.call(z.transform, zoomIdentity);
    },
    unbind: () => void sel.on('.zoom', null),
  };
}
