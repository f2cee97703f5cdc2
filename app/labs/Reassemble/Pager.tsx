import { useIntl } from 'react-intl';
import { num } from '../../format.ts';
import { fmt } from '../../i18n/format.tsx';
import { W } from './words.ts';

/** Arrivals per page once there are too many to show at once (a 64 KiB datagram at MTU 68 is 1,365). */
export const ARRIVAL_PAGE = 50;
/** Up to this many arrivals every card and row shows; the page is only there beyond it. */
export const ARRIVALS_UNPAGED = 60;

export interface ArrivalWindow {
  paged: boolean;
  page: number;
  pages: number;
  /** The arrivals on show: [start, end). */
  start: number;
  end: number;
}

/** The arrivals on show for `page` of `n` arrivals (the page is clamped, so a drop never leaves it empty). */
export function arrivalWindow(n: number, page: number): ArrivalWindow {
  if (n <= ARRIVALS_UNPAGED) return { paged: false, page: 0, pages: 1, start: 0, end: n };
  const pages = Math.ceil(n / ARRIVAL_PAGE);
  const p = Math.max(0, Math.min(page, pages - 1));
  const start = p * ARRIVAL_PAGE;
  return { paged: true, page: p, pages, start, end: Math.min(n, start + ARRIVAL_PAGE) };
}

export const pageOf = (arrival: number) => Math.floor(arrival / ARRIVAL_PAGE);

/**
 * Previous / next page and a page picker for the fragment cards and the Arrivals table, which
 * show the same page. Thousands of cards at once would make every keystroke re-lay out the page.
 */
export function Pager({
  win,
  n,
  onPage,
  label,
}: {
  win: ArrivalWindow;
  n: number;
  onPage: (page: number) => void;
  /** What the pages are of, for the group's accessible name. */
  label: string;
}) {
  const intl = useIntl();
  if (!win.paged) return null;
  const range = (p: number) => `${num(p * ARRIVAL_PAGE + 1)}–${num(Math.min(n, (p + 1) * ARRIVAL_PAGE))}`;
  return (
    <div className="rq-pager" role="group" aria-label={label}>
      <button
        type="button"
        className="btn-quiet"
        onClick={() => onPage(win.page - 1)}
        disabled={win.page === 0}
      >
        {fmt(intl, W.prevPage, { n: ARRIVAL_PAGE })}
      </button>
      <label className="rq-pager-pick">
        <span>{fmt(intl, W.pageArrivals)}</span>
        <select value={win.page} onChange={(e) => onPage(Number(e.target.value))}>
          {Array.from({ length: win.pages }, (_, p) => (
            <option key={p} value={p}>
              {range(p)}
            </option>
          ))}
        </select>
        <span>{fmt(intl, W.pageOf, { n: num(n) })}</span>
      </label>
      <button
        type="button"
        className="btn-quiet"
        onClick={() => onPage(win.page + 1)}
        disabled={win.page >= win.pages - 1}
      >
        {fmt(intl, W.nextPage, { n: ARRIVAL_PAGE })}
      </button>
    </div>
  );
}
