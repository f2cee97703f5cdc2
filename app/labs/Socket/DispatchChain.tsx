import { ERRNO, strerror } from '../../../core/errno/index.ts';
import { formatMsg } from '../../../core/i18n/index.ts';
import { useLocale } from '../../i18n/locale.ts';
import { MsgText } from '../../i18n/MsgText.tsx';
import { SOCKET_OPS } from '../../../core/socket/index.ts';
import type { DispatchResult, DispatchSnapshot, DispatchStep } from '../../../core/socket/index.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { SOCKOPT_LEVELS } from './params.ts';
import { SegmentedField } from '../../components/Segmented.tsx';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';
import { fmt, fmtNode } from '../../i18n/format.tsx';
import { SOCKET_WORDS as W } from './words.ts';
import type { Text } from '../../../core/i18n/index.ts';
import { FieldError } from '../../components/Field.tsx';

const LAYER_LABEL: Record<DispatchSnapshot['layer'], MessageDescriptor | string> = {
  syscall: W.layerSocket,
  proto_ops: 'proto_ops',
  proto: 'proto',
  helper: W.layerHelper,
};

/** Text never translated (kernel names, numbers), kept out of JSX literals. */
const verbatim = (...parts: (string | number)[]): string => parts.join('');

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
  opError: Text | undefined;
  levelError: Text | undefined;
}) {
  const intl = useIntl();
  const sockopt = op === 'setsockopt' || op === 'getsockopt';
  return (
    <div className="sk-op-picker">
      <div className="sk-ops" role="radiogroup" aria-label={intl.formatMessage(W.fieldOp)}>
        {SOCKET_OPS.map((o) => (
          <label key={o} className="sk-op">
            <input type="radio" name="sk-op" value={o} checked={op === o} onChange={() => onOp(o)} />
            <span className="mono">{o}</span>
          </label>
        ))}
      </div>
      <FieldError msg={opError} />
      {sockopt && (
        <SegmentedField
          className="sk-level"
          id="sk-level-label"
          title={intl.formatMessage(W.optionLevel)}
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
      <FieldError msg={levelError} />
    </div>
  );
}

/**
 * The chain a call follows: syscall entry → sock->ops->op → (helpers) → sk->sk_prot->op, or the
 * stub and its errno. Drawn as an ordered list; the names and errnos are the core's.
 */
export function DispatchChain({ dispatch }: { dispatch: DispatchResult }) {
  const intl = useIntl();
  const locale = useLocale();
  const layerLabel = (l: DispatchSnapshot['layer']) => {
    const d = LAYER_LABEL[l];
    return typeof d === 'string' ? d : intl.formatMessage(d);
  };
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
            ? `${dispatch.op}() · ${layerLabel('syscall')}`
            : (s.snapshot.via ?? layerLabel(s.snapshot.layer)),
        cls: s.snapshot.layer,
        steps: [{ s, i }],
      });
  });
  return (
    <div className="sk-dispatch">
      <ol className="sk-chain" aria-label={fmt(intl, W.chainLabel, { op: dispatch.op })}>
        {boxes.map((b, bi) => {
          const err = b.steps.some(({ s }) => s.snapshot.errno);
          return (
            <li key={bi} className={`sk-link sk-link--${b.cls}${err ? ' sk-link--err' : ''}`}>
              <span className="sk-link-layer">{b.layer}</span>
              {b.steps.map(({ s, i }) => (
                <span key={i} className="sk-link-row" data-fn={s.fn}>
                  <a className="sk-link-fn mono" href={bootlinUrl(s.file)} target="_blank" rel="noreferrer">
                    {s.fn}
                    <span className="visually-hidden">
                      {verbatim(' ')}
                      {fmt(intl, W.sourceOn, { file: s.file })}
                    </span>
                  </a>
                  {s.snapshot.table && <span className="sk-link-table mono">{s.snapshot.table}</span>}
                  {i === n - 1 && s.snapshot.errno && (
                    <span className="sk-link-errno mono">{verbatim('→ -', s.snapshot.errno)}</span>
                  )}
                </span>
              ))}
            </li>
          );
        })}
      </ol>
      {dispatch.error ? (
        <p className="sk-dispatch-out sk-dispatch-out--err">
          {fmtNode(intl, W.dispatchFails, {
            op: dispatch.op,
            errno: dispatch.error.errno,
            n: ERRNO[dispatch.error.errno] ?? 0,
            text: formatMsg(strerror(dispatch.error.errno), locale),
            fn: dispatch.error.fn,
            why: <MsgText msg={dispatch.error.why} />,
            code: (c: ReactNode[]) => <strong className="mono">{c}</strong>,
          })}
        </p>
      ) : (
        <p className="sk-dispatch-out">
          <MsgText msg={dispatch.note} />
        </p>
      )}
      <details className="sk-chain-why">
        <summary>{intl.formatMessage(W.whyEach)}</summary>
        <ol className="sk-chain-steps">
          {dispatch.chain.map((s, i) => (
            <li key={i}>
              <span className="mono">{s.fn}</span>
              {verbatim(' — ')}
              <MsgText msg={s.why} />
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
