import { ERRNO, STRERROR } from '../../../core/errno/index.ts';
import { renderText } from '../../../core/i18n/index.ts';
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

const who = (r: SocketResult) => (r.privilege === 'root' ? 'root' : 'a user without capabilities');

/**
 * The outcome in words (role region, name "Socket result"): the errno with its function and why, or
 * what getsockopt(SO_DOMAIN / SO_TYPE / SO_PROTOCOL) reads back and the two tables' names.
 */
export function SocketSummary({ result }: { result: SocketResult }) {
  return (
    <section className="sk-summary" aria-labelledby="sk-result-title">
      <h2 id="sk-result-title" className="panel-title">
        Socket result
      </h2>
      <p className="sk-call mono">
        {callText(result)}
        <span className="sk-call-who">
          {' '}
          as {who(result)} on {result.profile}
        </span>
      </p>
      {result.ok ? <Created r={result} /> : <Failed r={result} />}
    </section>
  );
}

function Created({ r }: { r: SocketCreated }) {
  const mode = [r.nonblock && 'O_NONBLOCK', r.cloexec && 'O_CLOEXEC'].filter(Boolean).join(' and ');
  const details = Object.entries(r.details);
  return (
    <>
      <p className="summary-line">
        <span className="summary-ok" aria-hidden="true">
          ✓
        </span>
        <span>
          socket() returns a new file descriptor{mode ? ` opened with ${mode}` : ''}. The socket has{' '}
          <strong className="mono">sock-&gt;ops = {r.ops.name}</strong> and{' '}
          <strong className="mono">sk-&gt;sk_prot = {r.prot.name}</strong>
          {r.prot.displayName ? ` (“${r.prot.displayName}” in /proc/net/protocols)` : ''}.
        </span>
      </p>
      <dl className="sk-readback" aria-label="getsockopt read-back">
        <div>
          <dt className="mono">SO_DOMAIN</dt>
          <dd>
            {r.so_domain} <BreakableName name={familyName(r.so_domain)} />
          </dd>
        </div>
        <div>
          <dt className="mono">SO_TYPE</dt>
          <dd>
            {r.so_type} <BreakableName name={typeName(r.so_type)} />
          </dd>
        </div>
        <div>
          <dt className="mono">SO_PROTOCOL</dt>
          <dd>
            {r.so_protocol} <BreakableName name={protocolName(r.so_domain, r.so_protocol)} />
          </dd>
        </div>
      </dl>
      <p className="summary-why sk-readback-words">
        getsockopt reads back domain {r.so_domain} ({familyName(r.so_domain)}), type {r.so_type} (
        {typeName(r.so_type)}) and protocol {r.so_protocol} ({protocolName(r.so_domain, r.so_protocol)}).
        {r.so_domain !== r.request.family || r.so_type !== (r.request.type & SOCK_TYPE_MASK)
          ? ' The kernel changed what was asked for: see the call path.'
          : ''}
      </p>
      {details.length > 0 && (
        <dl className="numbers" aria-label="What the create function set">
          {details.map(([k, v]) => (
            <div key={k}>
              <dt className="mono">{k}</dt>
              <dd className="mono">{String(v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

function Failed({ r }: { r: SocketFailed }) {
  return (
    <div className="errno-card">
      <p className="errno-title">socket() fails</p>
      <p className="errno-name">
        <span className="mono">-{r.errno}</span>
        <span className="errno-number">
          errno {ERRNO[r.errno]} · {STRERROR[r.errno] ?? 'error'}
        </span>
      </p>
      <p className="errno-where">
        socket() returns −1 with errno {r.errno}, returned by{' '}
        <a className="mono" href={bootlinUrl(r.file)} target="_blank" rel="noreferrer">
          {r.fn}()
        </a>{' '}
        <span className="muted mono">{r.file}</span>
      </p>
      <p className="errno-why">Why: {renderText(r.why, 'en')}</p>
    </div>
  );
}
