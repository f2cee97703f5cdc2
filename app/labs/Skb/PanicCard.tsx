import { useIntl } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';
import type { SkbOpOutcome } from '../../../core/skb/index.ts';
import { skbOpFunction } from '../../../core/skb/index.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { MsgText } from '../../i18n/MsgText.tsx';
import { codeChunks, fmtNode } from '../../i18n/format.tsx';
import { num } from '../../format.ts';
import { SKB_WORDS as W } from './words.ts';

/** Text that is never translated (kernel names, offsets, key names), kept out of JSX literals. */
const verbatim = (...parts: (string | number)[]): string => parts.join('');

const TITLE: Record<NonNullable<SkbOpOutcome['error']>['kind'], MessageDescriptor> = {
  skb_over_panic: W.titleBug,
  skb_under_panic: W.titleBug,
  SKB_LINEAR_ASSERT: W.titleBug,
  null: W.titleNull,
  warn: W.titleWarn,
  invalid: W.titleInvalid,
};

/** What a panic leaves: the kernel is gone, so the lab offers to undo the panic or start again. */
export interface PanicRecovery {
  /** How many ops of the sequence came after the panic and were not run. */
  notRun: number;
  recover: () => void;
  restart: () => void;
  alloc: number;
}

/**
 * A refused operation: why, the kernel's own line for a panic, and that the buffer did not change.
 * After a kernel BUG() (`halted`) it also says the machine is gone and offers the way back.
 */
export function PanicCard({
  outcome,
  step,
  halted,
}: {
  outcome: SkbOpOutcome;
  step: number;
  halted?: PanicRecovery | undefined;
}) {
  const intl = useIntl();
  if (outcome.ok || !outcome.error) return null;
  const { fn, file } = skbOpFunction(outcome.op.op);
  const e = outcome.error;
  const name = e.kind === 'null' ? 'NULL' : e.kind === 'warn' ? 'WARN_ON' : e.kind;
  const fnLink = (
    <a href={bootlinUrl(file)} target="_blank" rel="noreferrer" className="panic-fn">
      {verbatim(fn, '(', String(outcome.op.n), ')')}
    </a>
  );
  return (
    <div className="errno-card panic-card" role="alert" aria-labelledby="panic-title">
      <h3 className="errno-title" id="panic-title">
        {fmtNode(intl, TITLE[e.kind], { code: codeChunks })}
      </h3>
      <p className="errno-name">
        <span className="mono">{name}</span>
        <span className="errno-number">{fmtNode(intl, W.inFnAtStep, { fn: fnLink, step: step + 1 })}</span>
      </p>
      <p className="errno-why panic-why">
        <MsgText msg={e.message} />
      </p>
      {e.log && (
        <pre className="panic-message" aria-label={intl.formatMessage(W.logLabel)}>
          {e.log}
        </pre>
      )}
      <p className="errno-why">{fmtNode(intl, W.unchanged, { fn, code: codeChunks })}</p>
      {halted && (
        <div className="panic-halted">
          <p className="errno-why">
            {fmtNode(intl, W.halted, { step: step + 1, notRun: halted.notRun, code: codeChunks })}
          </p>
          <p className="panic-actions">
            <button type="button" className="btn-quiet" onClick={halted.recover}>
              {intl.formatMessage(W.undoPanic)}
            </button>
            <button type="button" className="btn-quiet" onClick={halted.restart}>
              {fmtNode(intl, W.newBuffer, { size: num(halted.alloc) })}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
