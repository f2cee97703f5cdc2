import { useKitWords } from './words.ts';

/** One preset: its chip's name, what it shows (the chip's title), and whether it is the state on show. */
export interface PresetChip {
  key: string;
  name: string;
  what?: string | undefined;
  /** Whether it is the state on show (undefined: the chips only act, they show no state). */
  on?: boolean;
  pick: () => void;
}

/** A preset that loads a set of form fields, its name and title already in words (key: the name). */
export interface FieldsPreset<F> {
  key?: string;
  name: string;
  what?: string;
  fields: F;
}

/**
 * The chips of presets that load form fields: a chip is on when its fields, keyed the lab's way
 * (its canonical query), are the form's; picking it loads them.
 */
export function fieldsPresetChips<F>(
  presets: readonly FieldsPreset<F>[],
  form: F,
  keyOf: (fields: F) => string,
  load: (fields: F) => void,
): PresetChip[] {
  const now = keyOf(form);
  return presets.map((p) => ({
    key: p.key ?? p.name,
    name: p.name,
    what: p.what,
    on: keyOf(p.fields) === now,
    pick: () => load(p.fields),
  }));
}

/** The chips of a lab's presets (aria-pressed on the one the inputs match). */
export function PresetChips({ presets, label }: { presets: readonly PresetChip[]; label?: string }) {
  const w = useKitWords();
  return (
    <ul className="preset-list" aria-label={label ?? w.presets}>
      {presets.map((p) => (
        <li key={p.key}>
          <button type="button" className="chip" aria-pressed={p.on} title={p.what} onClick={p.pick}>
            {p.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
