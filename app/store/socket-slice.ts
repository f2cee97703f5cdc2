/**
 * The Socket lab's slice: the form as typed (strings, so a bad value can be shown, shared in a URL
 * and corrected), its issues, the selected operation and trace step, and the last good core result.
 * Parsing goes through core/socket's own parsers; sysSocket and sockDispatch decide everything the
 * kernel decides. Nothing here models the kernel.
 */
import type { StateCreator } from 'zustand';
import { renderText } from '../../core/i18n/index.ts';
import {
  SOCKET_OPS,
  SOCK_CLOEXEC,
  SOCK_NONBLOCK,
  parseDomain,
  parseProtocol,
  parseType,
  profileFor,
  sockDispatch,
  sysSocket,
} from '../../core/socket/index.ts';
import type { DispatchResult, KernelProfile, SocketOp, SocketResult } from '../../core/socket/index.ts';
import type { AppState } from './index.ts';

/** Who calls socket(): the URL's `priv=root|user`. */
export type Privilege = 'root' | 'user';
export const PRIVILEGES: readonly Privilege[] = ['root', 'user'];

/** setsockopt/getsockopt: the level decides whether the family is reached at all. */
export type SockoptLevel = 'protocol' | 'SOL_SOCKET';
export const SOCKOPT_LEVELS: readonly SockoptLevel[] = ['protocol', 'SOL_SOCKET'];

export interface SocketFields {
  /** AF_* / PF_* or a number. */
  domain: string;
  /** SOCK_* or a number, possibly with `|`-joined extra bits (e.g. `SOCK_STREAM|0x100`). */
  type: string;
  /** '1' or '0' (kept as typed so a bad URL value can be reported). */
  nonblock: string;
  cloexec: string;
  /** IPPROTO_* / NETLINK_* / ETH_P_* (as the domain names them) or a number. */
  protocol: string;
  priv: string;
  op: string;
  level: string;
}

export type SocketFieldName = keyof SocketFields;

export interface SocketIssue {
  field: SocketFieldName | 'step';
  message: string;
}

export const DEFAULT_SOCKET_FIELDS: SocketFields = {
  domain: 'AF_INET',
  type: 'SOCK_DGRAM',
  nonblock: '0',
  cloexec: '0',
  protocol: '0',
  priv: 'root',
  op: 'connect',
  level: 'protocol',
};

/** The call the form describes, once every field parses. */
export interface SocketCall {
  family: number;
  /** The type argument as passed, flag bits included. */
  type: number;
  protocol: number;
  privilege: Privilege;
  op: SocketOp;
  level: SockoptLevel;
}

export type FieldsToCall = { ok: true; call: SocketCall } | { ok: false; issues: SocketIssue[] };

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Parse the form with core/socket's parsers (names or numbers); report each bad field. */
export function fieldsToCall(f: SocketFields): FieldsToCall {
  const issues: SocketIssue[] = [];
  const empty = (field: 'domain' | 'type' | 'protocol', what: string) => {
    issues.push({ field, message: `Enter ${what}, by name or as a number.` });
  };

  let family: number | null = null;
  if (f.domain.trim() === '') empty('domain', 'a domain');
  else {
    const d = parseDomain(f.domain);
    if (d.ok) family = d.value;
    else issues.push({ field: 'domain', message: `${capitalise(renderText(d.why, 'en'))}.` });
  }

  let type: number | null = null;
  if (f.type.trim() === '') empty('type', 'a type');
  else {
    const t = parseType(f.type);
    if (t.ok) type = t.value;
    else issues.push({ field: 'type', message: `${capitalise(renderText(t.why, 'en'))}.` });
  }

  let protocol: number | null = null;
  if (f.protocol.trim() === '') empty('protocol', 'a protocol (0 for the default)');
  else if (family !== null) {
    // The protocol's names follow the domain; with a bad domain there is nothing to read it against.
    const p = parseProtocol(family, f.protocol);
    if (p.ok) protocol = p.value;
    else issues.push({ field: 'protocol', message: `${capitalise(renderText(p.why, 'en'))}.` });
  }

  const flag = (field: 'nonblock' | 'cloexec', bit: number, name: string): number => {
    if (f[field] === '1') return bit;
    if (f[field] !== '0') issues.push({ field, message: `${name} must be 0 or 1.` });
    return 0;
  };
  const flags =
    flag('nonblock', SOCK_NONBLOCK, 'SOCK_NONBLOCK') | flag('cloexec', SOCK_CLOEXEC, 'SOCK_CLOEXEC');

  const privilege = PRIVILEGES.find((p) => p === f.priv);
  if (!privilege)
    issues.push({ field: 'priv', message: 'Privilege must be root or user (no capabilities).' });
  const op = SOCKET_OPS.find((o) => o === f.op);
  if (!op) issues.push({ field: 'op', message: `Operation must be one of ${SOCKET_OPS.join(', ')}.` });
  const level = SOCKOPT_LEVELS.find((l) => l === f.level);
  if (!level) issues.push({ field: 'level', message: 'The option level must be protocol or SOL_SOCKET.' });

  if (
    issues.length > 0 ||
    family === null ||
    type === null ||
    protocol === null ||
    !privilege ||
    !op ||
    !level
  )
    return { ok: false, issues };
  return { ok: true, call: { family, type: type | flags, protocol, privilege, op, level } };
}

/** The kernel profile for a privilege: the default kernel, called by root or by nobody. */
export function socketProfile(privilege: Privilege): KernelProfile {
  return profileFor(privilege === 'root' ? 'root' : 'unprivileged');
}

export interface SocketState {
  fields: SocketFields;
  /** What is wrong with the fields (and the URL's step), shown next to each field and in a banner. */
  issues: SocketIssue[];
  /** The last call the form described in full, and the core's answers: kept while the form is invalid. */
  call: SocketCall | null;
  result: SocketResult | null;
  /** The dispatch of `call.op` through the created socket (null when socket() failed). */
  dispatch: DispatchResult | null;
  /** The selected trace step; null follows the last step (the outcome). */
  step: number | null;
  /** When the core itself threw (a bug, not a user error): the message, so the page stays up. */
  modelError: string | null;
  setField: <K extends SocketFieldName>(field: K, value: SocketFields[K]) => void;
  /** Several fields at once (a preset, a domain change that resets the protocol). */
  setFields: (patch: Partial<SocketFields>) => void;
  /** Replace the whole lab state (a pasted URL). */
  load: (fields: SocketFields, step: number | null, issues?: SocketIssue[]) => void;
  selectStep: (step: number | null) => void;
}

export interface SocketSlice {
  socket: SocketState;
}

type Computed = Pick<SocketState, 'issues' | 'call' | 'result' | 'dispatch' | 'modelError' | 'step'>;

function clampStep(step: number | null, result: SocketResult | null): number | null {
  if (step === null) return null;
  const n = result?.trace.length ?? 0;
  if (n === 0) return null;
  return Math.max(0, Math.min(step, n - 1));
}

function compute(
  fields: SocketFields,
  before: Computed,
  step: number | null,
  extra: SocketIssue[] = [],
): Computed {
  const prev = {
    call: before.call,
    result: before.result,
    dispatch: before.dispatch,
    modelError: before.modelError,
  };
  const parsed = fieldsToCall(fields);
  if (!parsed.ok)
    return { ...prev, issues: [...parsed.issues, ...extra], step: clampStep(step, prev.result) };
  const { call } = parsed;
  try {
    // An operation change re-dispatches the same socket: keep its result (and identity).
    const b = before.call;
    const same =
      b !== null &&
      before.result !== null &&
      b.family === call.family &&
      b.type === call.type &&
      b.protocol === call.protocol &&
      b.privilege === call.privilege;
    const result = same
      ? before.result!
      : sysSocket(call.family, call.type, call.protocol, socketProfile(call.privilege));
    const dispatch = result.ok ? sockDispatch(result, call.op, { level: call.level }) : null;
    return { issues: extra, call, result, dispatch, modelError: null, step: clampStep(step, result) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ...prev, issues: extra, modelError: message, step: clampStep(step, prev.result) };
  }
}

const EMPTY: Computed = {
  issues: [],
  call: null,
  result: null,
  dispatch: null,
  modelError: null,
  step: null,
};

/** Fields that change the socket itself (the trace restarts); op and level only re-dispatch. */
const CALL_FIELDS: readonly SocketFieldName[] = ['domain', 'type', 'nonblock', 'cloexec', 'protocol', 'priv'];

export const createSocketSlice: StateCreator<AppState, [], [], SocketSlice> = (set, get) => {
  const update = (fields: SocketFields, step: number | null, extra: SocketIssue[] = []) =>
    set((s) => ({ socket: { ...s.socket, fields, ...compute(fields, s.socket, step, extra) } }));
  const stepAfter = (patch: Partial<SocketFields>) => {
    const s = get().socket;
    return (Object.keys(patch) as SocketFieldName[]).some(
      (k) => CALL_FIELDS.includes(k) && patch[k] !== s.fields[k],
    )
      ? null
      : s.step;
  };
  return {
    socket: {
      fields: DEFAULT_SOCKET_FIELDS,
      ...compute(DEFAULT_SOCKET_FIELDS, EMPTY, null),
      setField: (field, value) => {
        const patch = { [field]: value } as Partial<SocketFields>;
        update({ ...get().socket.fields, ...patch }, stepAfter(patch));
      },
      setFields: (patch) => update({ ...get().socket.fields, ...patch }, stepAfter(patch)),
      load: (fields, step, issues = []) => update(fields, step, issues),
      selectStep: (step) =>
        set((s) => ({
          socket: {
            ...s.socket,
            step: clampStep(step, s.socket.result),
            issues: s.socket.issues.filter((i) => i.field !== 'step'),
          },
        })),
    },
  };
};

// ---- selectors (module-level: stable identities; objects go through useShallow) ----

export const selectSocketFields = (s: AppState) => s.socket.fields;
export const selectSocketIssues = (s: AppState) => s.socket.issues;
export const selectSocketResult = (s: AppState) => s.socket.result;
export const selectSocketDispatch = (s: AppState) => s.socket.dispatch;
export const selectSocketCall = (s: AppState) => s.socket.call;
export const selectSocketModelError = (s: AppState) => s.socket.modelError;
export const selectSocketActions = (s: AppState) => ({
  setField: s.socket.setField,
  setFields: s.socket.setFields,
  selectStep: s.socket.selectStep,
});
/** The step on show: the selected one, or the last (the outcome) when none is. */
export const selectSocketStep = (s: AppState) => {
  const n = s.socket.result?.trace.length ?? 0;
  return s.socket.step ?? Math.max(0, n - 1);
};
/** The result on show is out of date when the form has errors (the last good result is kept). */
export const selectSocketIsStale = (s: AppState) => s.socket.issues.some((i) => i.field !== 'step');
