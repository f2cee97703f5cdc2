import { msg } from '../../../core/i18n/index.ts';
import { MsgText } from '../../i18n/MsgText.tsx';
import { useEmbedView } from '../view.tsx';
import { useChallenge } from './context.ts';
import { CT } from './words.ts';

/**
 * Where the shell puts challenge mode (LabShell.tsx): the "Challenge me" toggle while it is off
 * (full view only); while it is on, the Challenge panel once it has come (ChallengeRoot.tsx fetches
 * it, its words and the lab's questions when the mode is first turned on) and, until then, a
 * section that says so — or that they could not be fetched, with the toggle to leave.
 */
export function ChallengeSlot() {
  const ch = useChallenge();
  const { view } = useEmbedView();
  if (!ch) return null;
  if (!ch.on)
    return view === 'full' ? (
      <div className="challenge-toggle-row">
        <ChallengeToggle on={false} toggle={ch.toggle} />
      </div>
    ) : null;
  const { Panel } = ch;
  if (Panel) return <Panel />;
  return (
    <section className="challenge challenge--waiting">
      <div className="challenge-head">
        {ch.failed ? (
          <p className="challenge-error" role="alert">
            <MsgText msg={msg(CT.failed)} />
          </p>
        ) : (
          <p className="challenge-hint" role="status">
            <MsgText msg={msg(CT.loading)} />
          </p>
        )}
        <ChallengeToggle on toggle={ch.toggle} />
      </div>
    </section>
  );
}

/** "Challenge me", pressed while challenge mode is on (here, and in the panel's head). */
export function ChallengeToggle({ on, toggle }: { on: boolean; toggle: () => void }) {
  return (
    <button type="button" className="chip challenge-toggle" aria-pressed={on} onClick={toggle}>
      <MsgText msg={msg(CT.toggle)} />
    </button>
  );
}

/** What stands in for the lab's results while a question is open (or on its way). */
export function ChallengeVeil() {
  return (
    <p className="challenge-veil">
      <MsgText msg={msg(CT.hidden)} />
    </p>
  );
}
