import { ERRNO, STRERROR } from '../../../core/errno/index.ts';
import { MsgText } from '../../i18n/MsgText.tsx';
import { AF, FAMILY_CREATE, protocolName, typeName } from '../../../core/socket/index.ts';
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

/** What each box is, in the socket() path (labels only). */
function roleOf(fn: string): string | null {
  if (PF_CREATE.has(fn)) return 'pf->create';
  return (
    {
      __sys_socket: 'syscall',
      __sys_socket_create: 'flag bits',
      __sock_create: 'family and type',
      request_module: 'retry',
      sk_alloc: 'struct sock',
      sock_map_fd: 'file descriptor',
    }[fn] ?? null
  );
}

export const OUTCOME_LABEL: Record<InetswOutcome | 'unreached', string> = {
  matched: 'matched',
  default: 'default (protocol 0)',
  wildcard: 'wildcard',
  skipped: 'skipped',
  unreached: 'not reached',
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
      className="sk-path"
      aria-labelledby="sk-path-cap"
      data-main-diagram="call-path"
      onKeyDown={onKeyDown}
    >
      <figcaption id="sk-path-cap" className="visually-hidden">
        Call path of {result.ok ? 'a successful' : 'a failed'} socket() call, from __sys_socket down to{' '}
        {result.ok ? 'the new socket' : `the -${result.errno} exit in ${result.fn}`}
      </figcaption>
      <ol className="sk-path-list">
        {nodes.map((n, ni) => {
          const on = n.steps.includes(selected);
          const exits = !result.ok && n.steps.includes(last);
          const role = roleOf(n.fn);
          const allocSnap = n.fn === 'sk_alloc' ? trace[n.steps[0]!]!.snapshot : null;
          return (
            <li
              key={`${n.fn}-${ni}`}
              className={`sk-node${on ? ' sk-node--on' : ''}${exits ? ' sk-node--exit' : ''}`}
              data-fn={n.fn}
            >
              <div className="sk-node-head">
                <a className="sk-node-fn mono" href={bootlinUrl(n.file)} target="_blank" rel="noreferrer">
                  {n.fn}
                  {n.fn.includes('(') ? '' : '()'}
                </a>
                {role && <span className="sk-role">{role}</span>}
                <span className="sk-node-file mono">{n.file}</span>
              </div>
              {allocSnap?.prot && (
                <p className="sk-alloc">
                  <span className="mono">sock-&gt;ops = {allocSnap.ops}</span>
                  <span className="mono">proto = {allocSnap.prot}</span>
                </p>
              )}
              <ul className="sk-node-steps">
                {n.steps.map((i) => {
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
                          <span className="visually-hidden">Step {i + 1}: </span>
                          <MsgText msg={s.why} />
                          {err && i !== last && <span className="sk-err-tag mono">err = -{err}</span>}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
              {n.inetsw &&
                (n.walkRepeats ? (
                  <p className="sk-walk-repeat">↺ The same walk again: nothing new was registered.</p>
                ) : (
                  <InetswWalk inetsw={n.inetsw} />
                ))}
              {exits && !result.ok && (
                <div className="sk-exit" role="note" aria-label="errno exit">
                  <span className="sk-exit-arrow" aria-hidden="true">
                    ↳
                  </span>
                  <span>
                    <strong className="mono">return -{result.errno}</strong>{' '}
                    <span className="muted">
                      (errno {ERRNO[result.errno]}, {STRERROR[result.errno] ?? 'error'})
                    </span>{' '}
                    from <span className="mono">{result.fn}()</span>
                  </span>
                </div>
              )}
            </li>
          );
        })}
        <li className={`sk-end${result.ok ? ' sk-end--ok' : ' sk-end--err'}`}>
          {result.ok ? (
            <>
              <span className="sk-end-mark" aria-hidden="true">
                ✓
              </span>
              <span>
                socket() returns an fd: <span className="mono">sock-&gt;ops = {result.ops.name}</span>,{' '}
                <span className="mono">sk-&gt;sk_prot = {result.prot.name}</span>;
                SO_DOMAIN/SO_TYPE/SO_PROTOCOL read <span className="mono">{result.so_domain}</span>/
                <span className="mono">{result.so_type}</span>/
                <span className="mono">{result.so_protocol}</span>
              </span>
            </>
          ) : (
            <>
              <span className="sk-end-mark" aria-hidden="true">
                ✕
              </span>
              <span>
                socket() returns <span className="mono">-1</span>, errno ={' '}
                <strong className="mono">{result.errno}</strong>
              </span>
            </>
          )}
        </li>
      </ol>
    </figure>
  );
}

function InetswWalk({ inetsw }: { inetsw: NonNullable<SocketSnapshot['inetsw']> }) {
  const list = `${inetsw.family === AF.AF_INET6 ? 'inetsw6' : 'inetsw'}[${typeName(inetsw.type)}]`;
  return (
    <div className="sk-walk">
      <p className="sk-walk-title">
        <span className="mono">{list}</span>{' '}
        <span className="muted">
          {inetsw.list.length === 0
            ? 'is empty'
            : `— ${inetsw.list.length} ${inetsw.list.length === 1 ? 'entry' : 'entries'}, walked in order`}
        </span>
      </p>
      {inetsw.list.length > 0 && (
        <ol className="sk-walk-list" aria-label={`${list} walk`}>
          {inetsw.list.map((e, i) => {
            const w = inetsw.walk[i];
            const outcome = w?.outcome ?? 'unreached';
            return (
              <li key={i} className={`sk-entry sk-entry--${outcome}`}>
                <span className="sk-entry-top">
                  <span className="sk-entry-idx mono">[{i}]</span>
                  <span className={`sk-badge sk-badge--${outcome}`}>{OUTCOME_LABEL[outcome]}</span>
                </span>
                <span className="sk-entry-proto mono">
                  {protocolName(inetsw.family, e.protocol)} ({e.protocol})
                </span>
                <span className="sk-entry-tables mono">
                  {e.prot} · {e.ops}
                </span>
                {w && (
                  <span className="sk-entry-why">
                    <MsgText msg={w.why} />
                  </span>
                )}
                {!w && <span className="sk-entry-why">The loop stopped before this entry.</span>}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
