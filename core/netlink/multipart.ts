/**
 * Splitting one large frame into a multipart netlink sequence and joining it back: each part an
 * NLM_F_MULTI message of at most MAX_PAYLOAD payload bytes, then NLMSG_DONE — the framing
 * netlink_dump (net/netlink/af_netlink.c) produces for dumps. The `mistakes` mode reproduces the
 * errors of hand-written splitters from course notes so the diagnostics can point at each one.
 */
import { NLMSG_DONE, NLMSG_ERROR, NLMSG_HDRLEN, NLMSG_MIN_TYPE, nlmsgAlign, nlmsgOk } from './constants.ts';
import { describe } from './spec-text.ts';
import { isBytes } from '../hex/index.ts';
import type { NlDiagnostic, NlSplitMessage, NlSplitResult } from './types.ts';

/** The largest frame the lab splits (netlink_sendmsg admits at most sk_sndbuf - 32 = 212,960 bytes by default). */
export const MAX_FRAME = 256 * 1024;
const NLM_F_MULTI = 0x02;
/** Bytes a buggy splitter reads past the end of the frame are shown with this value. */
export const GARBAGE = 0xee;

const frameByte = (i: number): number => i & 0xff;

/** What is wrong with the splitter's or the joiner's input, by message id (one table). */
export const MULTIPART_TEXT: Record<string, (v: Record<string, string | number>) => string> = {
  'multipart.frame-size': (v) => `frame size must be 0..${MAX_FRAME} bytes (got ${v.got})`,
  'multipart.max-payload': (v) => `MAX_PAYLOAD must be 1..65536 bytes (got ${v.got})`,
  'multipart.mode': (v) => `the mode is "correct" or "mistakes" (got ${v.got})`,
  'multipart.too-big': (v) => `the sequence would be ${v.total} bytes; the lab stops at 16 MiB`,
  'multipart.not-bytes': (v) => `not bytes (got ${v.got})`,
  'multipart.frame-size-type': (v) => `the frame size is a number (got ${v.got})`,
};
const multipartText = (id: string, values: Record<string, string | number>) =>
  (MULTIPART_TEXT[id] as (v: Record<string, string | number>) => string)(values);

interface Chunk {
  /** Where the part's payload comes from in the frame, and how long it is. */
  src: number;
  len: number;
  /** What the splitter stores in nlmsg_type and nlmsg_flags. */
  type: number;
  flags: number;
}

/** The parts a splitter cuts the frame into, correctly or with the course notes' mistakes. */
function planChunks(frameSize: number, maxPayload: number, mode: 'correct' | 'mistakes'): Chunk[] {
  const chunks: Chunk[] = [];
  if (mode === 'correct') {
    const n = Math.ceil(frameSize / maxPayload); // DIV_ROUND_UP(frame_size, MAX_PAYLOAD)
    for (let i = 0; i < n; i++) {
      const left = frameSize - i * maxPayload;
      chunks.push({
        src: i * maxPayload,
        len: left < maxPayload ? left : maxPayload,
        type: NLMSG_MIN_TYPE,
        flags: NLM_F_MULTI,
      });
    }
    return chunks;
  }
  // int chunks = frame_size / 1024 / 63 + 1;        (meant DIV_ROUND_UP(frame_size, MAX_PAYLOAD))
  // len = left < MAX_PAYLOAD ? MAX_PAYLOAD : left;   (inverted: meant left < MAX_PAYLOAD ? left : MAX_PAYLOAD)
  // nlh->nlmsg_type = NLM_F_MULTI; nlh->nlmsg_flags = 0;   (flag stored in the type)
  const n = Math.floor(Math.floor(frameSize / 1024) / 63) + 1;
  for (let i = 0; i < n; i++) {
    const left = frameSize - i * maxPayload;
    chunks.push({
      src: i * maxPayload,
      len: left < maxPayload ? maxPayload : left,
      type: NLM_F_MULTI,
      flags: 0,
    });
  }
  return chunks;
}

/** What is wrong with part `i` of a splitter that makes the mistakes. */
function partMistakes(
  c: Chunk,
  i: number,
  at: number,
  frameSize: number,
  maxPayload: number,
): NlDiagnostic[] {
  const out: NlDiagnostic[] = [
    {
      severity: 'error',
      code: 'flag-in-type',
      message: `Part ${i + 1}: nlmsg_type = NLM_F_MULTI (2) and nlmsg_flags = 0 — the flag went into the type. To the receiver type 2 is NLMSG_ERROR, so its loop stops here with a bogus error.`,
      offset: at + 4,
      length: 4,
    },
  ];
  if (c.len > maxPayload)
    out.push({
      severity: 'error',
      code: 'payload-over-max',
      message: `Part ${i + 1}: ${c.len} payload bytes, ${c.len - maxPayload} more than MAX_PAYLOAD (${maxPayload}): the size test is inverted (takes the larger of "left" and MAX_PAYLOAD).`,
      offset: at + NLMSG_HDRLEN + maxPayload,
      length: c.len - maxPayload,
    });
  const past = Math.max(0, c.src + c.len - Math.max(frameSize, c.src));
  if (past > 0)
    out.push({
      severity: 'error',
      code: 'read-past-frame',
      message: `Part ${i + 1}: ${past} byte(s) copied from beyond the end of the ${frameSize}-byte frame (shown as 0x${GARBAGE.toString(16)}): the inverted size test sends MAX_PAYLOAD even when less is left.`,
      offset: at + NLMSG_HDRLEN + (c.len - past),
      length: past,
    });
  return out;
}

/** The parts written back to back (each NLMSG_ALIGNed), then NLMSG_DONE with its int 0. */
function writeSequence(bytes: Uint8Array, chunks: Chunk[], frameSize: number): NlSplitMessage[] {
  const dv = new DataView(bytes.buffer);
  const messages: NlSplitMessage[] = [];
  let at = 0;
  chunks.forEach((c, i) => {
    const len = NLMSG_HDRLEN + c.len;
    dv.setUint32(at, len, true);
    dv.setUint16(at + 4, c.type, true);
    dv.setUint16(at + 6, c.flags, true);
    dv.setUint32(at + 8, i + 1, true);
    for (let k = 0; k < c.len; k++) {
      const s = c.src + k;
      bytes[at + NLMSG_HDRLEN + k] = s < frameSize ? frameByte(s) : GARBAGE;
    }
    messages.push({ offset: at, len, type: c.type, flags: c.flags, payload: c.len });
    at += nlmsgAlign(len);
  });
  // NLMSG_DONE closes the sequence; its payload is an int (0: the dump completed).
  dv.setUint32(at, NLMSG_HDRLEN + 4, true);
  dv.setUint16(at + 4, NLMSG_DONE, true);
  dv.setUint16(at + 6, NLM_F_MULTI, true);
  dv.setUint32(at + 8, chunks.length + 1, true);
  messages.push({ offset: at, len: NLMSG_HDRLEN + 4, type: NLMSG_DONE, flags: NLM_F_MULTI, payload: 4 });
  return messages;
}

/**
 * Split a frame of `frameSize` bytes into parts of at most `maxPayload`, as netlink_dump frames a
 * dump (`correct`) or as the course notes' splitter does (`mistakes`, each one a diagnostic), and
 * join the result back as a receiver would. Any other input gives `bad-input`.
 */
export function splitMultipart(
  frameSize: number,
  maxPayload: number,
  mode: 'correct' | 'mistakes',
): NlSplitResult {
  const bad = (id: string, values: Record<string, string | number>): NlSplitResult => {
    const why = multipartText(id, values);
    return {
      messages: [],
      bytes: new Uint8Array(0),
      diagnostics: [{ severity: 'error', code: 'bad-input', message: why, offset: 0, length: 0, id, values }],
      joined: { ok: false, size: 0, why },
    };
  };
  if (!Number.isInteger(frameSize) || frameSize < 0 || frameSize > MAX_FRAME)
    return bad('multipart.frame-size', { got: describe(frameSize) });
  if (!Number.isInteger(maxPayload) || maxPayload < 1 || maxPayload > 65536)
    return bad('multipart.max-payload', { got: describe(maxPayload) });
  if (mode !== 'correct' && mode !== 'mistakes') return bad('multipart.mode', { got: describe(mode) });
  const chunks = planChunks(frameSize, maxPayload, mode);
  const total = chunks.reduce((s, c) => s + nlmsgAlign(NLMSG_HDRLEN + c.len), 0) + NLMSG_HDRLEN + 4;
  if (total > 16 * 1024 * 1024) return bad('multipart.too-big', { total });
  const bytes = new Uint8Array(total);
  const messages = writeSequence(bytes, chunks, frameSize);
  const diagnostics: NlDiagnostic[] = [];
  if (mode === 'mistakes') {
    chunks.forEach((c, i) =>
      diagnostics.push(...partMistakes(c, i, (messages[i] as NlSplitMessage).offset, frameSize, maxPayload)),
    );
    const need = Math.ceil(frameSize / maxPayload);
    const end = (messages.at(-1) as NlSplitMessage).offset;
    if (chunks.length !== need)
      diagnostics.push({
        severity: 'error',
        code: 'chunk-count',
        message: `frame_size/1024/63 + 1 = ${chunks.length} part(s), but ${frameSize} bytes at ${maxPayload} per part need DIV_ROUND_UP(${frameSize}, ${maxPayload}) = ${need}.`,
        offset: 0,
        length: end,
      });
  }
  return { messages, bytes, diagnostics, joined: joinMultipart(bytes, frameSize) };
}

/**
 * The receiver's loop: for each NLMSG_OK message, stop at NLMSG_DONE, fail at NLMSG_ERROR,
 * append the payload of NLM_F_MULTI parts. Checks the joined bytes against the frame.
 */
export function joinMultipart(
  bytes: Uint8Array,
  frameSize?: number,
): { ok: boolean; size: number; why?: string } {
  if (!isBytes(bytes))
    return { ok: false, size: 0, why: multipartText('multipart.not-bytes', { got: describe(bytes) }) };
  if (frameSize !== undefined && typeof frameSize !== 'number')
    return {
      ok: false,
      size: 0,
      why: multipartText('multipart.frame-size-type', { got: describe(frameSize) }),
    };
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let off = 0;
  let rem = bytes.length;
  let size = 0;
  let mismatch = -1;
  while (rem >= 4 && nlmsgOk(dv.getUint32(off, true), rem)) {
    const len = dv.getUint32(off, true);
    const type = dv.getUint16(off + 4, true);
    const flags = dv.getUint16(off + 6, true);
    if (type === NLMSG_DONE) {
      if (frameSize !== undefined && size !== frameSize)
        return { ok: false, size, why: `NLMSG_DONE after ${size} bytes, but the frame had ${frameSize}` };
      if (mismatch >= 0)
        return { ok: false, size, why: `the joined bytes differ from the frame at byte ${mismatch}` };
      return { ok: true, size };
    }
    if (type === NLMSG_ERROR)
      return {
        ok: false,
        size,
        why: `message at offset ${off} has type 2 = NLMSG_ERROR: the receiver stops with an error`,
      };
    if (!(flags & NLM_F_MULTI)) return { ok: false, size, why: `message at offset ${off} lacks NLM_F_MULTI` };
    for (let k = off + NLMSG_HDRLEN; k < off + len; k++, size++)
      if (mismatch < 0 && (bytes[k] as number) !== frameByte(size)) mismatch = size;
    rem -= nlmsgAlign(len);
    off += nlmsgAlign(len);
  }
  return { ok: false, size, why: 'the sequence ended without NLMSG_DONE' };
}
