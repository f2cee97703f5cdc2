import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { msg } from '../../../core/i18n/index.ts';
import type { Msg } from '../../../core/i18n/index.ts';
import { MsgText } from '../../i18n/MsgText.tsx';
import { answerValue } from './check.ts';
import { useChallenge } from './context.ts';
import type { ChallengeContextValue } from './context.ts';
import type { ChallengeAsk } from './types.ts';
import { ChallengeToggle } from './ChallengeSlot.tsx';
import { CW } from './words.ts';

const serials = new WeakMap<object, number>();
let nextSerial = 1;
/** A key per asked question object: a new case or question gets a fresh, empty answer field. */
function serialOf(o: object): number {
  let s = serials.get(o);
  if (s === undefined) serials.set(o, (s = nextSerial++));
  return s;
}

/**
 * The Challenge panel, while challenge mode is on: a chunk of its own with its words (the
 * `challenge` catalog part), fetched when the mode is first turned on (ChallengeRoot.tsx);
 * ChallengeSlot.tsx shows the toggle before, and stands in while it comes.
 */
export function ChallengePanel() {
  const ch = useChallenge();
  if (!ch?.on) return null;
  return (
    <section className="challenge" aria-labelledby="challenge-title">
      <div className="challenge-head">
        <h2 id="challenge-title">
          <MsgText msg={msg(CW.title)} />
        </h2>
        <p className="challenge-score" data-testid="challenge-score">
          <MsgText msg={msg(CW.score, { right: ch.score.right, asked: ch.score.asked })} />
        </p>
        <button type="button" className="btn-quiet" onClick={ch.resetScore}>
          <MsgText msg={msg(CW.resetScore)} />
        </button>
        <ChallengeToggle on toggle={ch.toggle} />
      </div>
      {ch.broken && (
        <p className="challenge-error" role="alert">
          <MsgText msg={ch.broken} />
        </p>
      )}
      {ch.ask ? (
        <Question key={serialOf(ch.ask)} ch={ch} ask={ch.ask} />
      ) : (
        <p className="challenge-hint">
          <MsgText msg={msg(CW.noQuestion)} />
        </p>
      )}
    </section>
  );
}

function Question({ ch, ask }: { ch: ChallengeContextValue; ask: ChallengeAsk }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<Msg | null>(null);
  const verdictRef = useRef<HTMLDivElement>(null);
  const revealed = ch.revealed;
  useEffect(() => {
    if (revealed) verdictRef.current?.focus();
  }, [revealed]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setError(ch.submit(typed));
  };
  const a = ask.answer;
  const errId = 'challenge-error';
  const qId = 'challenge-question';
  return (
    <>
      <p className="challenge-count">
        <MsgText msg={msg(CW.questionOf, { i: ch.index + 1, n: ch.asks.length })} />
      </p>
      <form className="challenge-form" onSubmit={onSubmit} noValidate>
        <p id={qId} className="challenge-q">
          <MsgText msg={ask.prompt} />
        </p>
        {a.kind === 'choice' ? (
          <fieldset
            className="challenge-options"
            aria-labelledby={qId}
            aria-describedby={error ? errId : undefined}
            disabled={revealed !== null}
          >
            {a.options.map((o) => (
              <label key={o.value} className="challenge-option">
                <input
                  type="radio"
                  name="challenge-choice"
                  value={o.value}
                  checked={typed === o.value}
                  onChange={() => setTyped(o.value)}
                />{' '}
                <MsgText msg={o.label} />
              </label>
            ))}
          </fieldset>
        ) : (
          <div className="challenge-field">
            <label htmlFor="challenge-answer">
              <MsgText msg={msg(CW.yourAnswer)} />
            </label>
            <input
              id="challenge-answer"
              type="text"
              inputMode={a.kind === 'number' ? 'numeric' : 'text'}
              autoComplete="off"
              spellCheck={false}
              value={typed}
              readOnly={revealed !== null}
              aria-invalid={error ? true : undefined}
              aria-describedby={`challenge-answer-hint${error ? ` ${errId}` : ''}`}
              onChange={(e) => setTyped(e.target.value)}
            />
            <p id="challenge-answer-hint" className="hint">
              <MsgText msg={msg(a.kind === 'number' ? CW.numberHint : CW.offsetsHint)} />
            </p>
          </div>
        )}
        {error && (
          <p id={errId} className="challenge-error" role="alert">
            <MsgText msg={error} />
          </p>
        )}
        <div role="status" className="challenge-try" data-testid="challenge-try">
          {!revealed && ch.wrong && (
            <p>
              <MsgText msg={msg(CW.tryAgain, { given: answerValue(a, ch.wrong.given) })} />
            </p>
          )}
        </div>
        {!revealed && (
          <div className="challenge-buttons">
            <button type="submit" className="btn-primary challenge-check">
              <MsgText msg={msg(CW.check)} />
            </button>
            <button type="button" className="btn-quiet" onClick={ch.giveUp}>
              <MsgText msg={msg(CW.giveUp)} />
            </button>
          </div>
        )}
      </form>
      {!revealed && (
        <p className="challenge-hint">
          <MsgText msg={msg(CW.hint)} />
        </p>
      )}
      {revealed && (
        <div
          ref={verdictRef}
          tabIndex={-1}
          className={`challenge-verdict challenge-verdict--${revealed.right ? 'right' : 'wrong'}`}
          data-testid="challenge-verdict"
        >
          <p className="challenge-verdict-line">
            <strong>
              <MsgText
                msg={
                  revealed.right
                    ? revealed.tries > 0
                      ? msg(CW.rightLater, { n: revealed.tries + 1 })
                      : msg(CW.right)
                    : revealed.given
                      ? msg(CW.wrong, { given: answerValue(a, revealed.given), answer: answerValue(a, a) })
                      : msg(CW.shown, { answer: answerValue(a, a) })
                }
              />
            </strong>
          </p>
          <h3>
            <MsgText msg={msg(CW.why)} />
          </h3>
          <p>
            <MsgText msg={ask.explain} />
          </p>
          {ch.asks.length > 1 && (
            <button type="button" className="btn-primary" onClick={ch.next}>
              <MsgText msg={msg(CW.next)} />
            </button>
          )}
        </div>
      )}
    </>
  );
}
