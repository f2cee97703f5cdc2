import type { ReactNode } from 'react';
import type { MessageDescriptor } from 'react-intl';
import { ERRNO, strerror } from '../../../core/errno/index.ts';
import { formatMsg } from '../../../core/i18n/index.ts';
import { useLocale } from '../../i18n/locale.ts';
import type { SendFail, SendResult } from '../../../core/ip/index.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { num } from '../../format.ts';
import { MsgText } from '../../i18n/MsgText.tsx';
import { SYM, W, useWords } from './words.tsx';
import { TermValues } from '../../lab-kit/Term.tsx';

const PATH_LABEL = { none: W.pathNone, fast: W.pathFast, slow: W.pathSlow } as const;

type Words = ReturnType<typeof useWords>;

/** Several sendto()s glued by MSG_MORE (not one sendmsg()). */
const isMore = (r: SendResult) => r.input.sends.length > 1 && !r.input.iov;

function callName(r: SendResult, { r: fmt }: Words): ReactNode {
  if (r.input.iov) return fmt(W.callSendmsg);
  return isMore(r) ? fmt(W.callMore, { n: r.input.sends.length }) : fmt(W.callSendto);
}

function datagramName(r: SendResult): MessageDescriptor {
  if (r.input.sock === 'udp') return W.kindUdp;
  if (r.input.sock === 'raw-hdrincl') return W.kindHdrincl;
  return W.kindRaw;
}

/** The send's outcome in a sentence, with the key numbers of the core as text. */
export function ResultSummary({ result }: { result: SendResult }) {
  const words = useWords();
  const { r, t } = words;
  const packets = result.wire.length;
  const numbers = Object.entries(result.numbers);
  return (
    <div className="summary">
      {result.ok ? (
        <p className="summary-line" aria-live="polite">
          <span className="round-mark summary-ok" aria-hidden="true">
            {SYM.check}
          </span>
          <span>
            {r(W.summary, {
              call: callName(result, words),
              more: isMore(result) ? 'yes' : 'no',
              sent: <strong>{num(result.sent)}</strong>,
              len: result.datagramLength,
              kind: t(datagramName(result)),
              packets: <strong>{r(W.packets, { n: packets })}</strong>,
              path: <strong>{r(PATH_LABEL[result.fragPath])}</strong>,
            })}
          </span>
        </p>
      ) : (
        <ErrnoCard result={result} />
      )}
      {result.fragPathWhy && result.ok && (
        <p className="summary-why">
          <MsgText msg={result.fragPathWhy} />
        </p>
      )}
      {result.ok && result.received_length !== null && (
        <p className="summary-why">{r(W.received, { n: result.received_length })}</p>
      )}
      {numbers.length > 0 && (
        <TermValues
          className="numbers"
          label={t(W.keyNumbers)}
          rows={numbers.map(([k, v]) => [k, num(v)] as const)}
        />
      )}
    </div>
  );
}

/** The send failed: errno name and number, strerror, the kernel function and file that return it, and why. */
export function ErrnoCard({ result }: { result: SendFail }) {
  const words = useWords();
  const { r, t } = words;
  const locale = useLocale();
  return (
    <section className="errno-card" role="alert" aria-labelledby="send-error-title">
      <h3 id="send-error-title" className="errno-title">
        {r(W.sendError)}
      </h3>
      <p className="errno-name">
        <span className="mono">
          {SYM.neg}
          {result.errno}
        </span>
        <span className="errno-number">
          {r(W.errnoLine, { n: ERRNO[result.errno], text: formatMsg(strerror(result.errno), locale) })}
        </span>
      </p>
      <p className="errno-where">
        {r(W.failsIn, {
          call: isMore(result) ? r(W.theSend) : callName(result, words),
          fn: (
            <a className="mono" href={bootlinUrl(result.file)} target="_blank" rel="noreferrer">
              {result.fn}
              {SYM.call}
            </a>
          ),
          file: <span className="muted mono">{result.file}</span>,
        })}
      </p>
      <p className="errno-why">
        <MsgText msg={result.why} />
      </p>
      {result.icmp.length > 0 && (
        <ul className="icmp-list" aria-label={t(W.icmpList)}>
          {result.icmp.map((m, i) => (
            <li key={i}>{r(W.icmpItem, { type: m.type, code: m.code, why: <MsgText msg={m.why} /> })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
