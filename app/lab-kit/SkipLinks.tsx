/**
 * A lab's own skip links (issue 15): ahead of the primer, so a lab's main controls (the Reassembly
 * queue stepper, its outcome) are a handful of Tabs from the main content whatever comes between —
 * the primer's term buttons, the diagram, the inputs. Visible on focus only. The shell's skip
 * links (App.tsx) come first in the page and reach the inputs and the diagram; these reach inside.
 *
 * The hash routes between labs, so a link moves focus by script instead of following `#id`; its
 * `href` still names the target.
 */
import type { MouseEvent } from 'react';
import { useIntl } from 'react-intl';
import { defineMessages } from '../../core/i18n/index.ts';

export const SKIP = defineMessages({
  nav: {
    id: 'app.kit.skip.nav',
    defaultMessage: 'Skip links of the lab',
    description: 'Accessible name of a lab’s own skip links (to its main controls), visible on focus.',
  },
});

/** A skip link: the id of the element it moves focus to, and its words. */
export interface SkipLink {
  target: string;
  label: string;
}

/** Focus the element with this id (made focusable by script if it is not) and bring it into view. */
function skipTo(id: string) {
  return (e: MouseEvent) => {
    e.preventDefault();
    const el = document.getElementById(id);
    if (!el) return;
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'start' });
  };
}

export function SkipLinks({ links }: { links: readonly SkipLink[] }) {
  const intl = useIntl();
  if (links.length === 0) return null;
  return (
    <nav className="lab-skip" aria-label={intl.formatMessage(SKIP.nav)}>
      {links.map((l) => (
        <a key={l.target} href={`#${l.target}`} className="lab-skip-link" onClick={skipTo(l.target)}>
          {l.label}
        </a>
      ))}
    </nav>
  );
}
