/** sk_buffs drawn to scale: the large buffer, a step's sk_buffs, and every number as a table. */
export { SkbBuffer } from './SkbBuffer.tsx';
export { SkbPanel, SkbLegend } from './SkbPanel.tsx';
export type { SkbStepSnapshot } from './SkbPanel.tsx';
export { SkbFieldsTable } from './SkbFieldsTable.tsx';
export { idsBefore } from './geometry.ts';
