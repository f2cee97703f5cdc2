/** The lab kit: what every lab shares (declaration, store, URL contract, step list, shell, keys). */
export { defineLab, formParams, lazyLab } from './define-lab.ts';
export type { FormLike } from './define-lab.ts';
export type {
  Lab,
  LabDefinition,
  LabInstance,
  LabParams,
  LabSpec,
  LazyLabSpec,
  LiveLab,
} from './define-lab.ts';
export * from './issues.ts';
export * from './store.ts';
export * from './url.ts';
export { flushUrl, onUrlWritten, startUrlSync, URL_IDLE_MS } from './sync.ts';
export { KIT_WORDS } from './words.ts';
export { IssuesBanner } from './IssuesBanner.tsx';
export { LabShell } from './LabShell.tsx';
export { SkipLinks, SKIP } from './SkipLinks.tsx';
export type { SkipLink } from './SkipLinks.tsx';
export type { LabIntro } from './LabShell.tsx';
export { Panel, PresetPanel, TableRegion } from './Panel.tsx';
export type { PanelProps } from './Panel.tsx';
export { PresetChips, fieldsPresetChips } from './PresetChips.tsx';
export type { FieldsPreset, PresetChip } from './PresetChips.tsx';
export { StepList } from './StepList.tsx';
export type { StepView } from './StepList.tsx';
export { StepNav, UndoRedo } from './StepNav.tsx';
export { SvgDefs } from './SvgDefs.tsx';
export { Term, TermRow, TermText, placePopover, termCodeChunks, termKeyOf } from './Term.tsx';
export { TERM, termWords, useTermWords } from './term-words.ts';
export { useGlobalKeys, undoKeys, keyName } from './useGlobalKeys.ts';
export type { KeyMap } from './useGlobalKeys.ts';
export { usePrefersReducedMotion } from './usePrefersReducedMotion.ts';
export { useStepList } from './useStepList.ts';
export {
  Control,
  EmbedControlsProvider,
  EmbedViewProvider,
  FULL_VIEW,
  Part,
  parseEmbedView,
  showsControl,
  showsPart,
  useControl,
  useEmbedView,
  useShowsPart,
} from './view.tsx';
export type { EmbedView, EmbedViewName, PartKind } from './view.tsx';
export { LabPrimerPanel, PRIMER, primerStorageKey } from './primer.tsx';
export type { LabPrimer } from './primer-context.ts';
