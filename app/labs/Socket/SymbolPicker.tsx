import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { SOCKET_WORDS as W } from './words.ts';
import type { Text } from '../../../core/i18n/index.ts';
import { FieldError } from '../../components/Field.tsx';

/** Text never translated (kernel names, numbers), kept out of JSX literals. */
const verbatim = (...parts: (string | number)[]): string => parts.join('');

export interface PickerOption {
  /** What goes into the field (and the URL) when picked, e.g. `AF_INET`, `htons(ETH_P_ALL)`. */
  name: string;
  value: number;
  /** Shown in the list; defaults to `name (value)`. */
  label?: string;
  group?: string;
}

const OTHER = '\u0000other';

/**
 * A symbolic picker that also takes any number: a <select> of names plus an "Other…" choice that
 * shows a text field (a name, a number, 0x hex, or `|`-joined bits — whatever the core parses).
 * `valueOf` reads the text the way the core does; the select shows the option with that value.
 */
export function SymbolPicker(props: {
  label: string;
  /** The text field's accessible name (`Domain, by name or number`). */
  otherLabel: string;
  text: string;
  options: readonly PickerOption[];
  valueOf: (text: string) => number | null;
  onChange: (text: string) => void;
  error?: Text | undefined;
  hint?: ReactNode;
  placeholder?: string;
}) {
  const { label, otherLabel, text, options, valueOf, onChange, error, hint } = props;
  const intl = useIntl();
  const id = useId();
  // "Other" stays open for the text it was opened with, and while the student types in it; a
  // preset or a pasted URL (a different text) closes it again when the value has a name.
  const [otherFor, setOtherFor] = useState<string | null>(null);
  const v = valueOf(text);
  const match = v === null ? undefined : options.find((o) => o.value === v);
  const other = otherFor === text || !match;
  const selectValue = other ? OTHER : match.name;
  const describedBy = [error ? `${id}-err` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  const a11y = {
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(error ? { 'aria-invalid': true as const } : {}),
  };

  const groups = [...new Set(options.map((o) => o.group ?? ''))];
  const optionEl = (o: PickerOption) => (
    <option key={o.name} value={o.name}>
      {o.label ?? verbatim(o.name, ' (', o.value, ')')}
    </option>
  );

  return (
    <div className={`field sk-picker${error ? ' field--error' : ''}`}>
      <label htmlFor={`${id}-sel`}>{label}</label>
      <select
        id={`${id}-sel`}
        value={selectValue}
        {...(other ? {} : a11y)}
        onChange={(e) => {
          const name = e.target.value;
          if (name === OTHER) {
            const t = v === null ? text : String(v);
            setOtherFor(t);
            onChange(t);
          } else {
            setOtherFor(null);
            onChange(name);
          }
        }}
      >
        {groups.length > 1
          ? groups.map((g) => (
              <optgroup key={g} label={g}>
                {options.filter((o) => (o.group ?? '') === g).map(optionEl)}
              </optgroup>
            ))
          : options.map(optionEl)}
        <option value={OTHER}>{intl.formatMessage(W.other)}</option>
      </select>
      {other && (
        <input
          id={`${id}-other`}
          className="mono"
          aria-label={otherLabel}
          autoComplete="off"
          spellCheck={false}
          placeholder={props.placeholder}
          value={text}
          {...a11y}
          onChange={(e) => {
            setOtherFor(e.target.value);
            onChange(e.target.value);
          }}
        />
      )}
      <FieldError msg={error} id={`${id}-err`} />
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
