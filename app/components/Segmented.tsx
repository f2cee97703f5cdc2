import type { ReactNode } from 'react';
import type { Text } from '../../core/i18n/index.ts';
import { FieldError } from './Field.tsx';

export interface SegmentOption<V extends string> {
  value: V;
  /** What the option shows (a name and a small note, a mono identifier…). */
  label: ReactNode;
  /** The class of the option's text. */
  className?: string;
}

/**
 * Options that show a name and a small note after it (`IPv4 ip_defrag`, `route NETLINK_ROUTE`):
 * one `[value, name, note]` a row; `mono` sets the notes in monospace.
 */
export function notedOptions<V extends string>(
  rows: readonly (readonly [V, ReactNode, ReactNode])[],
  mono?: 'mono',
): SegmentOption<V>[] {
  return rows.map(([value, name, note]) => ({
    value,
    label: (
      <>
        {name} <small className={mono}>{note}</small>
      </>
    ),
  }));
}

/** A row of radio buttons drawn as one control (`role="radiogroup"`). */
export function Segmented<V extends string>({
  name,
  options,
  value,
  onChange,
  label,
  labelledBy,
}: {
  name: string;
  options: readonly SegmentOption<V>[];
  value: string;
  onChange: (value: V) => void;
  /** The group's accessible name, when no visible label names it. */
  label?: string;
  labelledBy?: string;
}) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label} aria-labelledby={labelledBy}>
      {options.map((o) => (
        <label key={o.value} className="segmented-option">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          <span className={o.className}>{o.label}</span>
        </label>
      ))}
    </div>
  );
}

/** A labelled segmented control with its inline error and hint, like Field for one input. */
export function SegmentedField<V extends string>({
  id,
  title,
  error,
  hint,
  className = 'field',
  ...group
}: {
  /** The id of the visible label (the group is labelled by it). */
  id: string;
  title: ReactNode;
  error?: Text | undefined;
  hint?: ReactNode;
  className?: string;
  name: string;
  options: readonly SegmentOption<V>[];
  value: string;
  onChange: (value: V) => void;
}) {
  return (
    <div className={`${className}${error ? ' field--error' : ''}`}>
      <span className="field-label" id={id}>
        {title}
      </span>
      <Segmented {...group} labelledBy={id} />
      <FieldError msg={error} />
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}
