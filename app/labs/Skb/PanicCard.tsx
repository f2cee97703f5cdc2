import type { SkbOpOutcome } from '../../../core/skb/index.ts';
import { skbOpFunction } from '../../../core/skb/index.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';

const TITLE: Record<NonNullable<SkbOpOutcome['error']>['kind'], string> = {
  skb_over_panic: 'Kernel BUG — the kernel would panic here',
  skb_under_panic: 'Kernel BUG — the kernel would panic here',
  SKB_LINEAR_ASSERT: 'Kernel BUG — the kernel would panic here',
  null: 'The call returns NULL',
  warn: 'The kernel warns and does nothing',
  invalid: 'Not an operation the lab can run',
};

/** A refused operation: the kernel's own message, and that the buffer did not change. */
export function PanicCard({ outcome, step }: { outcome: SkbOpOutcome; step: number }) {
  if (outcome.ok || !outcome.error) return null;
  const { fn, file } = skbOpFunction(outcome.op.op);
  const e = outcome.error;
  const name = e.kind === 'null' ? 'NULL' : e.kind === 'warn' ? 'WARN_ON' : e.kind;
  return (
    <div className="errno-card panic-card" role="alert" aria-labelledby="panic-title">
      <h3 className="errno-title" id="panic-title">
        {TITLE[e.kind]}
      </h3>
      <p className="errno-name">
        <span className="mono">{name}</span>
        <span className="errno-number">
          in{' '}
          <a href={bootlinUrl(file)} target="_blank" rel="noreferrer" className="panic-fn">
            {fn}({outcome.op.n})
          </a>{' '}
          at step {step + 1}
        </span>
      </p>
      <pre className="panic-message">{e.message}</pre>
      <p className="errno-why">
        The buffer is unchanged: the drawing and the table show it as it was before {fn}.
      </p>
    </div>
  );
}
