/**
 * The boxes every lab page is made of: a titled panel (`<section class="panel">` labelled by its
 * `<h2>`, greyed while the result is stale), a panel of preset chips, and the keyboard-scrollable
 * region a wide table sits in. One markup for every lab, so the styles and the a11y tree agree.
 */
import type { HTMLAttributes, ReactNode } from 'react';
import { PresetChips } from './PresetChips.tsx';
import type { PresetChip } from './PresetChips.tsx';

export interface PanelProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  /** The heading's id; the section is labelled by it. */
  titleId: string;
  title: ReactNode;
  /** More classes after `panel` (e.g. `result`, `trace`). */
  className?: string;
  /** The result on show is the last good one, not the inputs' (adds `is-stale`). */
  stale?: boolean;
  /** Beside the title, in a `panel-head` row (step nav, legend, undo/redo). */
  head?: ReactNode;
  children?: ReactNode;
}

/** A titled panel: `<section class="panel …" aria-labelledby>` with its `<h2 class="panel-title">`. */
export function Panel({ titleId, title, className, stale, head, children, ...rest }: PanelProps) {
  const heading = (
    <h2 id={titleId} className="panel-title">
      {title}
    </h2>
  );
  const cls = `panel${className ? ` ${className}` : ''}${stale ? ' is-stale' : ''}`;
  return (
    <section {...rest} className={cls} aria-labelledby={titleId}>
      {head === undefined ? (
        heading
      ) : (
        <div className="panel-head">
          {heading}
          {head}
        </div>
      )}
      {children}
    </section>
  );
}

/** A panel of preset chips (`panel presets`): one click loads a whole scenario. */
export function PresetPanel({
  titleId,
  title,
  presets,
  label,
  children,
}: {
  titleId: string;
  title: ReactNode;
  presets: readonly PresetChip[];
  label?: string;
  /** After the chips (what the picked one shows, an empty-list note). */
  children?: ReactNode;
}) {
  return (
    <Panel titleId={titleId} title={title} className="presets">
      <PresetChips presets={presets} label={label} />
      {children}
    </Panel>
  );
}

/** The scrollable region a wide table sits in: focusable, so the keyboard can scroll it. */
export function TableRegion({
  label,
  labelledBy,
  size,
  className,
  children,
}: {
  /** The region's name, or `labelledBy`: the id of the element that names it (the table's caption). */
  label?: string;
  labelledBy?: string;
  /** `tall` or `short`: the region's height cap (`table-scroll--tall`/`--short`). */
  size?: 'tall' | 'short';
  className?: string;
  children: ReactNode;
}) {
  const cls = `table-scroll${size ? ` table-scroll--${size}` : ''}${className ? ` ${className}` : ''}`;
  return (
    <div className={cls} tabIndex={0} role="region" aria-label={label} aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}
