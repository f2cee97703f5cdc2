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
