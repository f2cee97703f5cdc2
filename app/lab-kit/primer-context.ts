/**
 * A lab's primer declaration and the context that carries it from `defineLab` to LabShell. Kept
 * apart from the primer's view (primer.tsx) so the shell's chunk, which lists the labs through
 * define-lab.ts, does not carry the view or the glossary it links.
 */
import { createContext, useContext } from 'react';
import type { MessageDescriptor } from 'react-intl';

/** A lab's primer: its words (catalog messages) and the case "try it" loads. */
export interface LabPrimer {
  /** One line after "What you are looking at" in the summary: the picture in a phrase. */
  gist: MessageDescriptor;
  /** What the diagram shows and the idea behind it, in plain words (a few sentences). */
  what: MessageDescriptor;
  /** What to try first. */
  tryFirst: MessageDescriptor;
  /** The lab query (no `?`) of a telling case, loaded by the "try it" link; none for no link. */
  tryQuery?: string;
  /**
   * Glossary keys the prose says in words (fragment, headroom, MTU), shown as a row of terms with
   * their popovers; a `<code>` span of the prose that is a glossary key gets its popover in place.
   */
  terms?: readonly string[];
  /** The link's words (default: "Load this case"). */
  tryLabel?: MessageDescriptor;
  /**
   * Starts as its one summary line on every screen (the Journey: its drawing needs the first
   * screen); a student who opens it finds it open on the next visit.
   */
  folded?: boolean;
}

/** The primer's three catalog messages, as one `defineMessages` call declares them. */
export type PrimerWords = Pick<LabPrimer, 'gist' | 'what' | 'tryFirst'>;

/**
 * A lab's primer from its words (declared in the lab's primer.ts, where the extractor reads them)
 * and the case "try it" loads: one shape for every lab.
 */
export const definePrimer = (
  words: PrimerWords,
  more: Omit<LabPrimer, keyof PrimerWords> = {},
): LabPrimer => ({ gist: words.gist, what: words.what, tryFirst: words.tryFirst, ...more });

const PrimerContext = createContext<{ path: string; primer: LabPrimer } | null>(null);
/** Given by defineLab around a lab with a primer; LabShell reads it. */
export const LabPrimerProvider = PrimerContext.Provider;
export const useLabPrimer = () => useContext(PrimerContext);
