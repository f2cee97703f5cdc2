export { CountersPanel, counterRows } from './CountersPanel.tsx';
export type { CounterRow } from './CountersPanel.tsx';
export { DropBadge } from './DropBadge.tsx';
export { DROPS_WORDS, dropsWords, useDropsWords } from './words.ts';
export type { DropsWords } from './words.ts';
export { DropNote } from './DropNote.tsx';
