import { ERRNO, strerror } from '../../../core/errno/index.ts';
import { formatMsg } from '../../../core/i18n/index.ts';
import { useLocale } from '../../i18n/locale.ts';
import { MsgText } from '../../i18n/MsgText.tsx';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';
import { msg } from '../../../core/i18n/index.ts';
import type { Msg } from '../../../core/i18n/index.ts';
import { codeChunks, fmt, fmtNode } from '../../i18n/format.tsx';
import { SOCKET_WORDS as W } from './words.ts';
import { useEmbedView } from '../../lab-kit/index.ts';
import { Term } from '../../lab-kit/Term.tsx';
import {
  AF,
  FAMILY_CREATE,
  INETSW_OUTCOME_LABEL,
  protocolName,
  typeName,
} from '../../../core/socket/index.ts';
import type { InetswOutcome, SocketResult, SocketSnapshot, SocketStep } from '../../../core/socket/index.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';

/** One box of the diagram: a run of consecutive trace steps in the same kernel function. */
interface PathNode {
  fn: string;
  file: string;
  /** Indices into the trace. */
  steps: number[];
  /** The inetsw walk shown in this box (the last one its steps carry). */
  inetsw?: NonNullable<SocketSnapshot['inetsw']>;
  /** The walk is the same as the previous box's (a retry after request_module). */
  walkRepeats: boolean;
}

/** Group the core's trace into boxes; nothing is computed beyond grouping. */
export function pathNodes(trace: readonly SocketStep[]): PathNode[] {
  const nodes: PathNode[] = [];
  let lastWalk = '';
  trace.forEach((s, i) => {
    const prev = nodes[nodes.length - 1];
    const node = prev && prev.fn === s.fn ? prev : { fn: s.fn, file: s.file, steps: [], walkRepeats: false };
    if (node !== prev) nodes.push(node);
    node.steps.push(i);
    if (s.snapshot.inetsw) node.inetsw = s.snapshot.inetsw;
  });
  for (const n of nodes) {
    if (!n.inetsw) continue;
    const key = JSON.stringify(n.inetsw.walk);
    n.walkRepeats = key === lastWalk;
    lastWalk = key;
  }
  return nodes;
}

const PF_CREATE = new Set([...FAMILY_CREATE.values()].map((f) => f.fn));

const ROLE: Record<string, MessageDescriptor> = {
  __sys_socket: W.roleSyscall,
  __sys_socket_create: W.roleFlags,
  __sock_create: W.roleFamilyType,
  request_module: W.roleRetry,
  sk_alloc: W.roleSock,
  sock_map_fd: W.roleFd,
};

/** What each box is, in the socket() path (labels only). */
function Role({ fn }: { fn: string }) {
  const intl = useIntl();
  if (PF_CREATE.has(fn)) return <span className="sk-role mono">{verbatim('pf->create')}</span>;
  const d = ROLE[fn];
  return d ? <span className="sk-role">{fmtNode(intl, d, { code: codeChunks })}</span> : null;
}

/** Text never translated (kernel names, numbers), kept out of JSX literals. */
const verbatim = (...parts: (string | number)[]): string => parts.join('');

/** The badge of an inetsw entry: the core's word for the walk's outcome (the app's for two). */
export const OUTCOME_LABEL: Record<InetswOutcome | 'unreached', Msg> = {
  ...INETSW_OUTCOME_LABEL,
  default: msg(W.outcomeDefault),
  unreached: msg(W.outcomeUnreached),
};

/**
 * The call path of socket() as boxes from the syscall down to the result, with the inetsw[type]
 * walk entry by entry and the errno exit where it happens. The selected trace step is highlighted;
 * each line of a box selects its step.
 */
export function CallPath({
  result,
  selected,
  onSelect,
}: {
  result: SocketResult;
  selected: number;
  onSelect: (i: number) => void;
}) {
  const intl = useIntl();
  const locale = useLocale();
  // In an embed's diagram or compact view the path is condensed: every box, but only the selected
  // step's line (and its inetsw walk); Previous/Next step move through them.
  const condensed = useEmbedView().view !== 'full';
  const trace = result.trace;
  const nodes = pathNodes(trace);
  const last = trace.length - 1;
  // The lines are one list of steps for the keyboard: one tab stop (the selected line), ↑/↓ (←/→),
  // Home and End move the selection and the focus, as in every lab's step list.
  const onKeyDown = (e: React.KeyboardEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    if (!target.classList.contains('sk-line')) return;
    const move: Record<string, number> = {
      ArrowDown: selected + 1,
      ArrowRight: selected + 1,
      ArrowUp: selected - 1,
      ArrowLeft: selected - 1,
      Home: 0,
      End: last,
    };
    const to = move[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(last, to));
    onSelect(next);
    e.currentTarget.querySelectorAll<HTMLButtonElement>('button.sk-line')[next]?.focus();
  };
  return (
    <figure
      className={`sk-path${condensed ? ' sk-path--condensed' : ''}`}
      aria-labelledby="sk-path-cap"
      data-main-diagram="call-path"
      onKeyDown={onKeyDown}
    >
      <figcaption id="sk-path-cap" className="visually-hidden">
        <MsgText
          msg={msg(W.pathCaption, {
            ok: result.ok ? 'yes' : 'no',
            errno: result.ok ? '' : result.errno,
            fn: result.ok ? '' : result.fn,
          })}
        />
      </figcaption>
      <ol className="sk-path-list">
        {nodes.map((n, ni) => {
          const on = n.steps.includes(selected);
          const exits = !result.ok && n.steps.includes(last);
          const allocSnap = n.fn === 'sk_alloc' ? trace[n.steps[0]!]!.snapshot : null;
          return (
            <li
              key={`${n.fn}-${ni}`}
              className={`sk-node${on ? ' sk-node--on' : ''}${exits ? ' sk-node--exit' : ''}`}
              data-fn={n.fn}
            >
              <div className="sk-node-head">
                <a className="sk-node-fn mono" href={bootlinUrl(n.file)} target="_blank" rel="noreferrer">
                  {verbatim(n.fn, n.fn.includes('(') ? '' : '()')}
                </a>
                <Role fn={n.fn} />
                <span className="sk-node-file mono">{n.file}</span>
              </div>
              {allocSnap?.prot && (
                <p className="sk-alloc">
                  <span className="mono">{verbatim('sock->ops = ', allocSnap.ops ?? '')}</span>
                  <span className="mono">{verbatim('proto = ', allocSnap.prot)}</span>
                </p>
              )}
              <ul className="sk-node-steps">
                {n.steps
                  .filter((i) => !condensed || i === selected)
                  .map((i) => {
                    const s = trace[i]!;
                    const err = s.snapshot.errno;
                    return (
                      <li key={i}>
                        <button
                          type="button"
                          className={`sk-line${i === selected ? ' sk-line--on' : ''}`}
                          aria-pressed={i === selected}
                          tabIndex={i === selected ? 0 : -1}
                          onClick={() => onSelect(i)}
                        >
                          <span className="sk-line-no" aria-hidden="true">
                            {i + 1}
                          </span>
                          <span className="sk-line-why">
                            <span className="visually-hidden">
                              {fmt(intl, W.stepN, { n: i + 1 }) + verbatim(' ')}
                            </span>
                            <MsgText msg={s.why} />
                            {err && i !== last && (
                              <span className="sk-err-tag mono">{verbatim('err = -', err)}</span>
                            )}
                          </span>
                        </button>
                      </li>
                    );
                  })}
              </ul>
              {n.inetsw &&
                (!condensed || on) &&
                (n.walkRepeats ? (
                  <p className="sk-walk-repeat">{intl.formatMessage(W.walkRepeat)}</p>
                ) : (
                  <InetswWalk inetsw={n.inetsw} />
                ))}
              {exits && !result.ok && (
                <div className="sk-exit" role="note" aria-label={intl.formatMessage(W.errnoExit)}>
                  <span className="sk-exit-arrow" aria-hidden="true">
                    {verbatim('↳')}
                  </span>
                  <span>
                    {fmtNode(intl, W.exitFrom, {
                      errno: result.errno,
                      n: ERRNO[result.errno] ?? 0,
                      text: formatMsg(strerror(result.errno), locale),
                      fn: result.fn,
                      code: (c: ReactNode[]) => <strong className="mono">{c}</strong>,
                    })}
                  </span>
                </div>
              )}
            </li>
          );
        })}
        <li className={`sk-end${result.ok ? ' sk-end--ok' : ' sk-end--err'}`}>
          {result.ok ? (
            <>
              <span className="round-mark sk-end-mark" aria-hidden="true">
                {verbatim('✓')}
              </span>
              <span>
                <MsgText
                  msg={msg(W.endOk, {
                    ops: result.ops.name,
                    prot: result.prot.name,
                    domain: result.so_domain,
                    type: result.so_type,
                    protocol: result.so_protocol,
                  })}
                />
              </span>
            </>
          ) : (
            <>
              <span className="round-mark sk-end-mark" aria-hidden="true">
                {verbatim('✕')}
              </span>
              <span>
                <MsgText msg={msg(W.endErr, { errno: result.errno })} />
              </span>
            </>
          )}
        </li>
      </ol>
    </figure>
  );
}

function InetswWalk({ inetsw }: { inetsw: NonNullable<SocketSnapshot['inetsw']> }) {
  const intl = useIntl();
  const list = `${inetsw.family === AF.AF_INET6 ? 'inetsw6' : 'inetsw'}[${typeName(inetsw.type)}]`;
  return (
    <div className="sk-walk">
      <p className="sk-walk-title">
        <span className="mono">
          <Term k="inetsw">{list}</Term>
        </span>
        {verbatim(' ')}
        <span className="muted">
          {inetsw.list.length === 0
            ? intl.formatMessage(W.walkEmpty)
            : fmt(intl, W.walkEntries, { n: inetsw.list.length })}
        </span>
      </p>
      {inetsw.list.length > 0 && (
        <ol className="sk-walk-list" aria-label={fmt(intl, W.walkLabel, { list })}>
          {inetsw.list.map((e, i) => {
            const w = inetsw.walk[i];
            const outcome = w?.outcome ?? 'unreached';
            return (
              <li key={i} className={`sk-entry sk-entry--${outcome}`}>
                <span className="sk-entry-top">
                  <span className="sk-entry-idx mono">{verbatim('[', i, ']')}</span>
                  <span className={`sk-badge sk-badge--${outcome}`}>
                    <MsgText msg={OUTCOME_LABEL[outcome]} />
                  </span>
                </span>
                <span className="sk-entry-proto mono">
                  {verbatim(protocolName(inetsw.family, e.protocol), ' (', e.protocol, ')')}
                </span>
                <span className="sk-entry-tables mono">{verbatim(e.prot, ' · ', e.ops)}</span>
                {w && (
                  <span className="sk-entry-why">
                    <MsgText msg={w.why} />
                  </span>
                )}
                {!w && <span className="sk-entry-why">{intl.formatMessage(W.loopStopped)}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
