import { ERRNO, strerror } from '../../../core/errno/index.ts';
import { formatMsg } from '../../../core/i18n/index.ts';
import { useLocale } from '../../i18n/locale.ts';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { MsgText } from '../../i18n/MsgText.tsx';
import { codeChunks, fmt, fmtNode } from '../../i18n/format.tsx';
import { SOCKET_WORDS as W } from './words.ts';
import { Part } from '../../lab-kit/index.ts';
import { Term, termCodeChunks, termKeyOf } from '../../lab-kit/Term.tsx';
import { SOCK_TYPE_MASK, familyName, protocolName, typeName } from '../../../core/socket/index.ts';
import type { SocketCreated, SocketFailed, SocketResult } from '../../../core/socket/index.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';

/** `socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)` as the call was made. */
export function callText(r: SocketResult): string {
  const { family, type, protocol } = r.request;
  return `socket(${familyName(family)}, ${typeName(type)}, ${protocolName(family, protocol)})`;
}

/**
 * A constant's name that may break only after an underscore (SOCK_|DGRAM, IPPROTO_|UDP), never
 * inside a word: the read-back tiles are narrow at 360 px.
 */
export function BreakableName({ name }: { name: string }) {
  const parts = name.split(/(?<=_)/);
  return (
    <span className="mono sk-name">
      {parts.map((p, i) => (
        <span key={i}>
          {p}
          {i < parts.length - 1 && <wbr />}
        </span>
      ))}
    </span>
  );
}

/** Text with a line-break opportunity after each `_` and `|`: kernel names wrap between their words. */
export function breakable(text: string): ReactNode[] {
  return text.split(/(?<=[_|])/).map((p, i) => (i === 0 ? p : [<wbr key={i} />, p]));
}

/** Text never translated (kernel names, numbers), kept out of JSX literals. */
const verbatim = (...parts: (string | number)[]): string => parts.join('');

/**
 * The outcome in words (role region, name "Socket result"): the errno with its function and why, or
 * what getsockopt(SO_DOMAIN / SO_TYPE / SO_PROTOCOL) reads back and the two tables' names.
 */
export function SocketSummary({ result }: { result: SocketResult }) {
  const intl = useIntl();
  return (
    <section className="sk-summary" aria-labelledby="sk-result-title">
      <h2 id="sk-result-title" className="panel-title">
        {intl.formatMessage(W.resultTitle)}
      </h2>
      <p className="sk-call mono">
        {/* Breaks after `_` and `|` (SOCK_|CLOEXEC), not inside a constant, at 360 px. */}
        {breakable(callText(result))}
        <span className="sk-call-who">
          {verbatim(' ')}
          {fmt(intl, W.asWho, { who: result.privilege === 'root' ? 'root' : 'user', kernel: result.profile })}
        </span>
      </p>
      {result.ok ? <Created r={result} /> : <Failed r={result} />}
    </section>
  );
}

/** The result line's identifiers, bold; `socket()`, `sock->ops = …` and `sk->sk_prot = …` with their popovers. */
function createdChunks(c: ReactNode[]): ReactNode {
  const text = c.map((x) => (typeof x === 'string' ? x : '')).join('');
  const strong = <strong className="mono">{c}</strong>;
  const k = text.startsWith('sock->ops')
    ? 'proto_ops'
    : text.startsWith('sk->sk_prot')
      ? 'proto'
      : termKeyOf(text);
  return k ? <Term k={k}>{strong}</Term> : strong;
}

function Created({ r }: { r: SocketCreated }) {
  const intl = useIntl();
  const mode = [r.nonblock && 'O_NONBLOCK', r.cloexec && 'O_CLOEXEC'].filter(Boolean).join(' | ');
  const details = Object.entries(r.details);
  const changed = r.so_domain !== r.request.family || r.so_type !== (r.request.type & SOCK_TYPE_MASK);
  return (
    <>
      <p className="summary-line">
        <span className="round-mark summary-ok" aria-hidden="true">
          {verbatim('✓')}
        </span>
        <span>
          {fmtNode(intl, W.created, {
            mode: mode || 'none',
            ops: r.ops.name,
            prot: r.prot.name,
            display: r.prot.displayName || 'none',
            code: createdChunks,
          })}
        </span>
      </p>
      <dl className="sk-readback" aria-label={intl.formatMessage(W.readBackLabel)}>
        {(
          [
            ['SO_DOMAIN', r.so_domain, familyName(r.so_domain)],
            ['SO_TYPE', r.so_type, typeName(r.so_type)],
            ['SO_PROTOCOL', r.so_protocol, protocolName(r.so_domain, r.so_protocol)],
          ] as const
        ).map(([opt, value, name]) => (
          <div key={opt}>
            <dt className="mono">{verbatim(opt)}</dt>
            <dd>
              {value} <BreakableName name={name} />
            </dd>
          </div>
        ))}
      </dl>
      <Part kind="detail">
        <p className="summary-why sk-readback-words">
          {fmtNode(intl, W.readBack, {
            domain: r.so_domain,
            domainName: familyName(r.so_domain),
            type: r.so_type,
            typeName: typeName(r.so_type),
            protocol: r.so_protocol,
            protocolName: protocolName(r.so_domain, r.so_protocol),
            changed: changed ? 'yes' : 'no',
            code: termCodeChunks,
          })}
        </p>
        {details.length > 0 && (
          <dl className="numbers" aria-label={intl.formatMessage(W.detailsLabel)}>
            {details.map(([k, v]) => (
              <div key={k}>
                <dt className="mono">{k}</dt>
                <dd className="mono">{String(v)}</dd>
              </div>
            ))}
          </dl>
        )}
      </Part>
    </>
  );
}

function Failed({ r }: { r: SocketFailed }) {
  const intl = useIntl();
  const locale = useLocale();
  return (
    <div className="errno-card">
      <p className="errno-title">{fmtNode(intl, W.fails, { code: codeChunks })}</p>
      <p className="errno-name">
        <span className="mono">{verbatim('-', r.errno)}</span>
        <span className="errno-number">
          {fmt(intl, W.errnoLine, { n: ERRNO[r.errno] ?? 0, text: formatMsg(strerror(r.errno), locale) })}
        </span>
      </p>
      <p className="errno-where">
        {fmtNode(intl, W.returnedBy, {
          errno: r.errno,
          code: termCodeChunks,
          fn: (
            <a className="mono" href={bootlinUrl(r.file)} target="_blank" rel="noreferrer">
              {verbatim(r.fn, '()')}
            </a>
          ),
        })}
        {verbatim(' ')}
        <span className="muted mono">{r.file}</span>
      </p>
      <p className="errno-why">{fmtNode(intl, W.why, { why: <MsgText msg={r.why} /> })}</p>
    </div>
  );
}
