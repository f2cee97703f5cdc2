import type { ReactNode } from 'react';
import { SvgDefs } from './SvgDefs.tsx';
import { KIT_WORDS } from './words.ts';
import { useEmbedView } from './view.tsx';

/** What a lab says first: the eyebrow, the title, and a paragraph. */
export interface LabIntro {
  eyebrow: ReactNode;
  title: ReactNode;
  lede: ReactNode;
}

/**
 * Every lab's page: the intro, the inputs beside the results, the issues banner above the results.
 * The lab fills the slots; the layout (and its CSS grid) is the same everywhere.
 */
export function LabShell({
  className,
  intro,
  inputs,
  inputsLabel = KIT_WORDS.inputs,
  banner,
  children,
}: {
  /** The lab's own class next to `lab` (`sk-lab`). */
  className?: string;
  intro: LabIntro;
  inputs: ReactNode;
  inputsLabel?: string;
  banner?: ReactNode;
  children: ReactNode;
}) {
  // Embed views (view.tsx): `diagram` keeps the title for screen readers only and shows the
  // inputs only when `controls=` names some; `compact` drops the intro paragraph.
  const { view, controls } = useEmbedView();
  const showInputs = view !== 'diagram' || (controls !== null && controls.length > 0);
  return (
    <div className={`lab lab--view-${view}${className ? ` ${className}` : ''}`}>
      <SvgDefs />
      <div className={view === 'diagram' ? 'lab-intro visually-hidden' : 'lab-intro'}>
        {view === 'full' && <p className="eyebrow">{intro.eyebrow}</p>}
        <h1>{intro.title}</h1>
        {view === 'full' && <p className="lede">{intro.lede}</p>}
      </div>
      {showInputs && (
        <aside id="lab-inputs" tabIndex={-1} className="lab-inputs" aria-label={inputsLabel}>
          {inputs}
        </aside>
      )}
      <div id="lab-results" tabIndex={-1} className="lab-results">
        {banner}
        {children}
      </div>
    </div>
  );
}
