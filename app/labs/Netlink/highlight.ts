/**
 * Which bytes are lit: the field under the pointer or focus in the diagram, the byte grid or the
 * table (and a diagnostic's bytes when its link is followed). View state, not lab state: it is
 * never in the URL, so it lives in a React context inside the lab.
 */
import { createContext, useContext } from 'react';

export interface Highlight {
  /** The leaf field's key when a field is lit (a diagnostic lights a bare range). */
  key: string | null;
  from: number;
  to: number;
}

export interface HighlightApi {
  hl: Highlight | null;
  setHl: (h: Highlight | null) => void;
  /** Light a range and scroll the byte grid to it (a diagnostic's link, a selected message). */
  reveal: (from: number, to: number) => void;
  /** The last range `reveal` asked for, with a counter so the same range can be revealed twice. */
  revealed: { from: number; to: number; n: number } | null;
}

export const HighlightContext = createContext<HighlightApi>({
  hl: null,
  setHl: () => {},
  reveal: () => {},
  revealed: null,
});

export const useHighlight = () => useContext(HighlightContext);

export const isLit = (hl: Highlight | null, offset: number) =>
  hl !== null && offset >= hl.from && offset < hl.to;
