import { memo } from 'react';
import type { ReactNode } from 'react';
import { SvgDefs } from './SvgDefs.tsx';
import { KIT_WORDS } from './words.ts';
import { useEmbedView } from './view.tsx';
import { ChallengeSlot, ChallengeVeil } from './challenge/ChallengeSlot.tsx';
import { useChallenge } from './challenge/context.ts';
import { LabPrimerPanel } from './primer.tsx';
import { SkipLinks } from './SkipLinks.tsx';
import { InTurns, useTurn } from './InTurns.tsx';
import type { SkipLink } from './SkipLinks.tsx';

import { IntroHead } from './LabLoading.tsx';
import type { LabIntro } from './LabLoading.tsx';

export type { LabIntro } from './LabLoading.tsx';

/**
 * The shell's own parts read only their contexts (or their props): a lab's render (an edit)
 * passes them by (issue 17).
 */
const QuietSvgDefs = memo(SvgDefs);
const QuietPrimer = memo(LabPrimerPanel);
const QuietChallenge = memo(ChallengeSlot);
const QuietSkipLinks = memo(SkipLinks);
const NO_SKIP_LINKS: readonly SkipLink[] = [];

/**
 * Every lab's page: the intro, the main diagram, the inputs, the rest of the results; the issues
 * banner above the diagram (or above the results when the lab has no `diagram` slot). The lab fills
 * the slots; the layout (and its CSS grid, base.css) is the same everywhere.
 *
 * Diagram first (issue 14): with a `diagram` the page reads title, (primer,) diagram, inputs,
 * results — in the DOM, so keyboard order is the visual order. On a phone that is one column; on
 * a wide screen the inputs sit in a column to the right of the diagram and the results below it.
 * The lab's primer (primer.tsx, class `lab-primer`, from its declaration) comes right after the
 * intro, in the full view only, and spans the full width.
 */
export function LabShell({
  className,
  intro,
  diagram,
  inputs,
  inputsLabel = KIT_WORDS.inputs,
  banner,
  skipLinks = NO_SKIP_LINKS,
  children,
}: {
  /** The lab's own class next to `lab` (`sk-lab`). */
  className?: string;
  intro: LabIntro;
  /** The panel holding the lab's main diagram (the element marked `data-main-diagram`). */
  diagram?: ReactNode;
  inputs: ReactNode;
  inputsLabel?: string;
  banner?: ReactNode;
  /** The lab's own skip links (to its main controls), ahead of the primer (SkipLinks.tsx). */
  skipLinks?: readonly SkipLink[];
  children?: ReactNode;
}) {
  // Embed views (view.tsx): `diagram` keeps the title for screen readers only and shows the
  // inputs only when `controls=` names some; `compact` drops the intro paragraph.
  const { view, controls } = useEmbedView();
  const showInputs = view !== 'diagram' || (controls !== null && controls.length > 0);
  const first = diagram !== undefined;
  // Challenge mode (app/lab-kit/challenge): the question panel heads the diagram's grid area (for a
  // lab without a diagram slot it ends the intro, before the inputs even on a phone; the results'
  // area when the intro is hidden) — a grid child of its own would be placed after every named
  // area, below the fold. The diagram and the results wait for the answer.
  const challenge = useChallenge();
  const veiled = challenge?.veiled ?? false;
  // Below a diagram the inputs come in the first turn after the first paint (InTurns.tsx): the
  // diagram (the page's largest paint) is drawn in a task of its own, and the inputs (a form of
  // fields, presets, a primer of terms) in the next, not both in one long task (issue 17). Their
  // region is there at once, empty for that frame (a skip link finds it); the results' turns start
  // after theirs. A lab whose inputs are its first screen shows them at once.
  const inputsCome = useTurn();
  const inputsNow = !first || inputsCome;
  return (
    <div
      className={`lab lab--view-${view}${first ? ' lab--diagram-first' : ''}${className ? ` ${className}` : ''}`}
    >
      <QuietSvgDefs />
      <IntroHead intro={intro} view={view}>
        {!first && view !== 'diagram' && <QuietChallenge />}
        {/* The lab's own skip links end the intro: ahead of the primer, out of the page's grid. */}
        {view === 'full' && <QuietSkipLinks links={skipLinks} />}
      </IntroHead>
      {/* In challenge mode the question comes first: no primer (its "Load this case" would leave it). */}
      {view === 'full' && !challenge?.on && <QuietPrimer />}
      {first && (
        <div className="lab-diagram">
          <QuietChallenge />
          {banner}
          {veiled ? <ChallengeVeil /> : diagram}
        </div>
      )}
      {showInputs && (
        // The region itself is there from the first render: "Skip to the inputs" finds it at once.
        <aside id="lab-inputs" tabIndex={-1} className="lab-inputs" aria-label={inputsLabel}>
          {inputsNow && inputs}
        </aside>
      )}
      <div id="lab-results" tabIndex={-1} className="lab-results">
        {!first && view === 'diagram' && <QuietChallenge />}
        {!first && banner}
        {/* The results come after the first screen, a panel per task (InTurns.tsx). */}
        {veiled && !first ? (
          <ChallengeVeil />
        ) : veiled ? null : (
          <InTurns pending="lab-results-pending" after={first ? 1 : 0}>
            {children}
          </InTurns>
        )}
      </div>
    </div>
  );
}
