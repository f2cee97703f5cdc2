import { ERRNO, STRERROR } from '../../../core/errno/index.ts';
import type { SendFail, SendResult } from '../../../core/ip/index.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { num, plural } from '../../format.ts';

const PATH_LABEL = { none: 'no fragmentation', fast: 'the fast path', slow: 'the slow path' } as const;

function callName(r: SendResult): string {
  if (r.input.iov) return 'sendmsg()';
  return r.input.sends.length > 1 ? `the ${r.input.sends.length} MSG_MORE sendto() calls` : 'sendto()';
}

function datagramName(r: SendResult): string {
  if (r.input.sock === 'udp') return 'UDP datagram';
  if (r.input.sock === 'raw-hdrincl') return 'IP packet (your header included)';
  return 'raw datagram';
}

/** The send's outcome in a sentence, with the key numbers of the core as text. */
export function ResultSummary({ result }: { result: SendResult }) {
  const packets = result.wire.length;
  const numbers = Object.entries(result.numbers);
  return (
    <div className="summary">
      {result.ok ? (
        <p className="summary-line" aria-live="polite">
          <span className="summary-ok" aria-hidden="true">
            ✓
          </span>
          <span>
            {callName(result)} {result.input.sends.length > 1 && !result.input.iov ? 'sent' : 'returned'}{' '}
            <strong>{num(result.sent)}</strong>
            {result.input.sends.length > 1 && !result.input.iov ? ' bytes in all' : ''}: a{' '}
            {num(result.datagramLength)}
            -byte {datagramName(result)} left in <strong>{plural(packets, 'packet')}</strong> via{' '}
            <strong>{PATH_LABEL[result.fragPath]}</strong>.
          </span>
        </p>
      ) : (
        <ErrnoCard result={result} />
      )}
      {result.fragPathWhy && result.ok && <p className="summary-why">{result.fragPathWhy}</p>}
      {result.ok && result.received_length !== null && (
        <p className="summary-why">
          A UDP/raw receiver bound on loopback gets {num(result.received_length)} bytes from recv().
        </p>
      )}
      {numbers.length > 0 && (
        <dl className="numbers" aria-label="Key numbers">
          {numbers.map(([k, v]) => (
            <div key={k}>
              <dt className="mono">{k}</dt>
              <dd>{num(v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/** The send failed: errno name and number, strerror, the kernel function and file that return it, and why. */
export function ErrnoCard({ result }: { result: SendFail }) {
  return (
    <section className="errno-card" role="alert" aria-labelledby="send-error-title">
      <h3 id="send-error-title" className="errno-title">
        Send error
      </h3>
      <p className="errno-name">
        <span className="mono">-{result.errno}</span>
        <span className="errno-number">
          errno {ERRNO[result.errno]} · {STRERROR[result.errno] ?? 'error'}
        </span>
      </p>
      <p className="errno-where">
        {result.input.sends.length > 1 && !result.input.iov ? 'The send' : callName(result)} fails in{' '}
        <a className="mono" href={bootlinUrl(result.file)} target="_blank" rel="noreferrer">
          {result.fn}()
        </a>{' '}
        <span className="muted mono">{result.file}</span>
      </p>
      <p className="errno-why">{result.why}</p>
      {result.icmp.length > 0 && (
        <ul className="icmp-list" aria-label="ICMP messages">
          {result.icmp.map((m, i) => (
            <li key={i}>
              ICMP type {m.type} code {m.code}: {m.why}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
