import { ERRNO, STRERROR } from '../../../core/errno/index.ts';
import { MsgText } from '../../i18n/MsgText.tsx';
import { SOCKET_OPS } from '../../../core/socket/index.ts';
import type { DispatchResult, DispatchSnapshot, DispatchStep } from '../../../core/socket/index.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { SOCKOPT_LEVELS } from './params.ts';
import { SegmentedField } from '../../components/Segmented.tsx';

const LAYER_LABEL: Record<DispatchSnapshot['layer'], string> = {
  syscall: 'socket layer',
  proto_ops: 'proto_ops',
  proto: 'proto',
  helper: 'helper',
};

/** The operation picker: one radio per socket call the dispatch model follows. */
export function OpPicker({
  op,
  level,
  onOp,
  onLevel,
  opError,
  levelError,
}: {
  op: string;
  level: string;
  onOp: (op: string) => void;
  onLevel: (level: string) => void;
  opError: string | undefined;
  levelError: string | undefined;
}) {
  const sockopt = op === 'setsockopt' || op === 'getsockopt';
  return (
    <div className="sk-op-picker">
      <div className="sk-ops" role="radiogroup" aria-label="Operation">
        {SOCKET_OPS.map((o) => (
          <label key={o} className="sk-op">
            <input type="radio" name="sk-op" value={o} checked={op === o} onChange={() => onOp(o)} />
            <span className="mono">{o}</span>
          </label>
        ))}
      </div>
      {opError && <p className="field-error">{opError}</p>}
      {sockopt && (
        <SegmentedField
          className="sk-level"
          id="sk-level-label"
          title="Option level"
          name="sk-level"
          options={SOCKOPT_LEVELS.map((l) => ({
            value: l,
            label: l === 'protocol' ? 'IPPROTO_* / SOL_*' : 'SOL_SOCKET',
            className: 'mono',
          }))}
          value={level}
          onChange={onLevel}
        />
      )}
      {levelError && <p className="field-error">{levelError}</p>}
    </div>
  );
}

/**
 * The chain a call follows: syscall entry → sock->ops->op → (helpers) → sk->sk_prot->op, or the
 * stub and its errno. Drawn as an ordered list; the names and errnos are the core's.
 */
export function DispatchChain({ dispatch }: { dispatch: DispatchResult }) {
  const n = dispatch.chain.length;
  // The socket-layer entry functions share one box (they only pass the call along).
  const boxes: { layer: string; cls: string; steps: { s: DispatchStep; i: number }[] }[] = [];
  dispatch.chain.forEach((s, i) => {
    const prev = boxes[boxes.length - 1];
    if (s.snapshot.layer === 'syscall' && prev?.cls === 'syscall') prev.steps.push({ s, i });
    else
      boxes.push({
        layer:
          s.snapshot.layer === 'syscall'
            ? `${dispatch.op}() · ${LAYER_LABEL.syscall}`
            : (s.snapshot.via ?? LAYER_LABEL[s.snapshot.layer]),
        cls: s.snapshot.layer,
        steps: [{ s, i }],
      });
  });
  return (
    <div className="sk-dispatch">
      <ol className="sk-chain" aria-label={`Dispatch chain of ${dispatch.op}()`}>
        {boxes.map((b, bi) => {
          const err = b.steps.some(({ s }) => s.snapshot.errno);
          return (
            <li key={bi} className={`sk-link sk-link--${b.cls}${err ? ' sk-link--err' : ''}`}>
              <span className="sk-link-layer">{b.layer}</span>
              {b.steps.map(({ s, i }) => (
                <span key={i} className="sk-link-row" data-fn={s.fn}>
                  <a className="sk-link-fn mono" href={bootlinUrl(s.file)} target="_blank" rel="noreferrer">
                    {s.fn}
                    <span className="visually-hidden"> ({s.file} on elixir.bootlin.com)</span>
                  </a>
                  {s.snapshot.table && <span className="sk-link-table mono">{s.snapshot.table}</span>}
                  {i === n - 1 && s.snapshot.errno && (
                    <span className="sk-link-errno mono">→ -{s.snapshot.errno}</span>
                  )}
                </span>
              ))}
            </li>
          );
        })}
      </ol>
      {dispatch.error ? (
        <p className="sk-dispatch-out sk-dispatch-out--err">
          <strong>
            {dispatch.op}() fails with <span className="mono">{dispatch.error.errno}</span>
          </strong>{' '}
          (errno {ERRNO[dispatch.error.errno]}, {STRERROR[dispatch.error.errno] ?? 'error'}) in{' '}
          <span className="mono">{dispatch.error.fn}()</span>: <MsgText msg={dispatch.error.why} />
        </p>
      ) : (
        <p className="sk-dispatch-out">
          <MsgText msg={dispatch.note} />
        </p>
      )}
      <details className="sk-chain-why">
        <summary>Why each function is called</summary>
        <ol className="sk-chain-steps">
          {dispatch.chain.map((s, i) => (
            <li key={i}>
              <span className="mono">{s.fn}</span> — <MsgText msg={s.why} />
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
