/**
 * What the model can take, with the kernel's own limits where they exist: `ip link set mtu`
 * refuses an IPv4 device MTU below 68 (IPV4_MIN_MTU) and IPv6 needs 1,280 (IPV6_MIN_MTU).
 */
import { msg, type MsgValue } from '../i18n/index.ts';
import { PMTU_MODES, type InputIssue, type SendInput } from './types.ts';
import { VM } from './validate-messages.ts';

type Vm = (typeof VM)[keyof typeof VM];
/** An issue: its field, its English sentence (kept for machines), and the same as a catalog message. */
const issue = (
  field: InputIssue['field'],
  message: string,
  m: Vm,
  values?: Record<string, MsgValue>,
): InputIssue => ({ field, message, msg: msg(m, values) });

export const LIMITS = {
  mtuMin4: 68,
  mtuMin6: 1280,
  mtuMax: 65536,
  /** A bound for the model, not the kernel's: past 65,535 every send fails with EMSGSIZE anyway. */
  lenMax: 1 << 20,
  sendsMax: 256,
  iovMax: 1024,
  optionsMax: 40,
  sndbufMin: 4608,
  sndbufMax: 2 ** 31 - 1,
} as const;

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

/**
 * The run-time shape of a SendInput, checked before anything reads it: the type system does not
 * reach callers in plain JavaScript (the CLI's JSON, a URL adapter, a fuzzer), and ipSend returns
 * EINVAL rather than throw for any value.
 */
/** A list of numbers (by index, as the spread it replaced did: a hole reads undefined), not copied. */
function list(v: unknown): boolean {
  if (!Array.isArray(v) || v.length > LIMITS.lenMax) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'number') return false;
  return true;
}
const wordIssue = (k: 'family' | 'sock' | 'pmtu') => issue(k, `${k} is a word.`, VM.word, { key: k });
const numberIssue = (k: 'mtu' | 'protocol' | 'sndbuf') =>
  issue(k, `${k} is a number.`, VM.number, { key: k });
const boolIssue = (k: 'sg' | 'sndbufCheck' | 'df') => issue(k, `${k} is true or false.`, VM.bool, { key: k });
const SOCKS: readonly string[] = ['udp', 'raw', 'raw-hdrincl'];
const LENGTH_WHAT = { iov: 'Each iovec length', sends: 'Each send length', one: 'The length' } as const;

export function sendShapeIssues(input: unknown): InputIssue[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return [issue('sends', 'The send input is an object of send settings.', VM.notObject)];
  const o = input as Record<string, unknown>;
  const out: InputIssue[] = [];
  // Lists of numbers, numbers and words: sendContext does arithmetic on them before the rules run.
  // Each field read by its name (o.family), not as o[k] over a list of keys: a keyed read of
  // nine names is a megamorphic load each (issue 17: every send runs this).
  if (typeof o.family !== 'string') out.push(wordIssue('family'));
  if (typeof o.sock !== 'string') out.push(wordIssue('sock'));
  if (typeof o.pmtu !== 'string') out.push(wordIssue('pmtu'));
  if (typeof o.mtu !== 'number') out.push(numberIssue('mtu'));
  if (typeof o.protocol !== 'number') out.push(numberIssue('protocol'));
  if (typeof o.sndbuf !== 'number') out.push(numberIssue('sndbuf'));
  if (o.iov !== undefined && !list(o.iov))
    out.push(issue('iov', 'The iovec is a list of lengths.', VM.iovList));
  if (o.iov === undefined && !list(o.sends))
    out.push(issue('sends', 'The sends are a list of lengths.', VM.sendsList));
  if (!list(o.options)) out.push(issue('options', 'Options are a list of bytes (00 to ff).', VM.optionsList));
  if (typeof o.sg !== 'boolean') out.push(boolIssue('sg'));
  if (typeof o.sndbufCheck !== 'boolean') out.push(boolIssue('sndbufCheck'));
  if (typeof o.df !== 'boolean') out.push(boolIssue('df'));
  return out;
}

export function validateSendInput(input: SendInput): InputIssue[] {
  const out: InputIssue[] = [];
  const v6 = input.family === 'inet6';
  if (input.family !== 'inet' && input.family !== 'inet6')
    out.push(issue('family', 'Family is inet (IPv4) or inet6 (IPv6).', VM.family));
  if (!SOCKS.includes(input.sock)) out.push(issue('sock', 'Socket is udp, raw or raw-hdrincl.', VM.sock));
  if (!PMTU_MODES.includes(input.pmtu))
    out.push(
      issue('pmtu', `PMTU discovery mode is one of ${PMTU_MODES.join(', ')}.`, VM.pmtu, {
        modes: PMTU_MODES.join(', '),
      }),
    );
  const minMtu = v6 ? LIMITS.mtuMin6 : LIMITS.mtuMin4;
  if (!isInt(input.mtu) || input.mtu < minMtu || input.mtu > LIMITS.mtuMax)
    out.push(
      v6
        ? issue(
            'mtu',
            'IPv6 needs an MTU of 1,280 to 65,536 (IPV6_MIN_MTU is 1,280; below it the kernel disables IPv6 on the device).',
            VM.mtu6,
          )
        : issue(
            'mtu',
            'MTU must be a whole number from 68 to 65,536 (ip link refuses an IPv4 MTU below 68, IPV4_MIN_MTU).',
            VM.mtu4,
          ),
    );
  const lens = input.iov ?? input.sends;
  // "Each iovec length", "Each send length", but one send has just "The length".
  const which = input.iov ? 'iov' : input.sends.length > 1 ? 'sends' : 'one';
  const what = LENGTH_WHAT[which];
  if (!Array.isArray(lens) || lens.length === 0)
    out.push(issue(input.iov ? 'iov' : 'sends', 'Give at least one length.', VM.noLength));
  else if (lens.some((n) => !isInt(n) || n < 0 || n > LIMITS.lenMax))
    out.push(
      issue(
        input.iov ? 'iov' : lens.length > 1 ? 'sends' : 'len',
        `${what} is a whole number from 0 to 1,048,576 (past 65,535 the kernel answers EMSGSIZE).`,
        VM.length,
        { what: which },
      ),
    );
  // With an iovec the payload is the iovec's; `sends` still says what the texts (the CLI's --len,
  // the URL's sends=) write, and an empty list has no text: it is refused, not taken silently.
  if (input.iov && Array.isArray(input.sends) && input.sends.length === 0)
    out.push(issue('sends', 'Give at least one length.', VM.noLength));
  if (input.iov && input.iov.length > LIMITS.iovMax)
    out.push(
      issue('iov', `At most ${LIMITS.iovMax} iovecs (UIO_MAXIOV).`, VM.iovMax, { max: LIMITS.iovMax }),
    );
  if (!input.iov && input.sends.length > LIMITS.sendsMax)
    out.push(
      issue('sends', `At most ${LIMITS.sendsMax} MSG_MORE sends in the lab.`, VM.sendsMax, {
        max: LIMITS.sendsMax,
      }),
    );
  if (input.sock !== 'udp' && (!isInt(input.protocol) || input.protocol < 0 || input.protocol > 255))
    out.push(issue('protocol', 'A raw socket protocol is 0 to 255.', VM.protocol));
  // Protocol 255 is IP_HDRINCL with the payload as its header (send-hdrincl.ts).
  if (input.sock === 'raw' && input.protocol === 0) {
    const call = `socket(AF_INET${v6 ? '6' : ''}, SOCK_RAW, ${input.protocol})`;
    out.push(issue('protocol', `${call} fails with EPROTONOSUPPORT.`, VM.rawZero, { call }));
  }
  if (input.options.length > LIMITS.optionsMax)
    out.push(issue('options', 'At most 40 bytes of IPv4 options.', VM.optionsMax));
  if (input.options.some((b) => !isInt(b) || b < 0 || b > 255))
    out.push(issue('options', 'Options are bytes (00 to ff).', VM.optionsBytes));
  if (v6 && input.options.length)
    out.push(issue('options', 'IPv4 options do not apply to IPv6 (it uses extension headers).', VM.options6));
  if (input.sock === 'raw-hdrincl') {
    if (v6) out.push(issue('sock', 'The IP_HDRINCL model is IPv4 only.', VM.hdrincl6));
    if (input.iov ? false : input.sends.length > 1)
      out.push(
        issue('sends', 'IP_HDRINCL packets are never corked: each sendto() is one packet.', VM.hdrinclCork),
      );
  }
  if (!isInt(input.sndbuf) || input.sndbuf < LIMITS.sndbufMin || input.sndbuf > LIMITS.sndbufMax)
    out.push(
      issue('sndbuf', 'sk_sndbuf is at least 4,608 (SOCK_MIN_SNDBUF); the default is 212,992.', VM.sndbuf),
    );
  return out;
}
