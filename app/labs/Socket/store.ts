/**
 * The Socket lab's store: the form as typed, its issues, the selected trace step, and the last good
 * core result — sysSocket's socket and sockDispatch's walk of the chosen call through its tables.
 * Nothing here models the kernel.
 */
import { sockDispatch, sysSocket } from '../../../core/socket/index.ts';
import type { DispatchResult, SocketResult } from '../../../core/socket/index.ts';
import { createFormStore, createLabContext, isStale, selectFormActions } from '../../lab-kit/index.ts';
import type { FormState } from '../../lab-kit/index.ts';
import { DEFAULT_SOCKET_FIELDS, fieldsToCall, socketProfile } from './params.ts';
import type { SocketCall, SocketFieldName, SocketFields } from './params.ts';

/** The core's answers for a call: the socket (or the errno) and the dispatch of `call.op`. */
export interface SocketRun {
  socket: SocketResult;
  /** null when socket() failed: there are no tables to dispatch through. */
  dispatch: DispatchResult | null;
}

export type SocketState = FormState<SocketFields, SocketCall, SocketRun>;

/** Fields that change the socket itself (the trace restarts); op and level only re-dispatch. */
const CALL_FIELDS: readonly SocketFieldName[] = ['domain', 'type', 'nonblock', 'cloexec', 'protocol', 'priv'];

const sameSocket = (a: SocketCall, b: SocketCall) =>
  a.family === b.family && a.type === b.type && a.protocol === b.protocol && a.privilege === b.privilege;

export const createSocketStore = () =>
  createFormStore<SocketFields, SocketCall, SocketRun>(
    {
      defaults: DEFAULT_SOCKET_FIELDS,
      parse: fieldsToCall,
      run: (call, before) => {
        // An operation change re-dispatches the same socket: keep its result (and identity).
        const socket =
          before.input && before.result && sameSocket(before.input, call)
            ? before.result.socket
            : sysSocket(call.family, call.type, call.protocol, socketProfile(call.privilege));
        return { socket, dispatch: socket.ok ? sockDispatch(socket, call.op, { level: call.level }) : null };
      },
      steps: (r) => r.socket.trace.length,
      initialStep: null,
    },
    {
      stepAfter: (patch, s) =>
        (Object.keys(patch) as SocketFieldName[]).some(
          (k) => CALL_FIELDS.includes(k) && patch[k] !== s.fields[k],
        )
          ? null
          : s.step,
    },
  );

export const { Provider: SocketProvider, useLabStore: useSocket } = createLabContext<SocketState>('Socket');

// ---- selectors (module-level: stable identities; objects go through useShallow) ----

export const selectSocketFields = (s: SocketState) => s.fields;
export const selectSocketIssues = (s: SocketState) => s.issues;
export const selectSocketResult = (s: SocketState) => s.result?.socket ?? null;
export const selectSocketDispatch = (s: SocketState) => s.result?.dispatch ?? null;
export const selectSocketCall = (s: SocketState) => s.input;
export const selectSocketModelError = (s: SocketState) => s.modelError;
export const selectSocketActions = selectFormActions<SocketState>;
/** The step on show: the selected one, or the last (the outcome) when none is. */
export const selectSocketStep = (s: SocketState) => {
  const n = s.result?.socket.trace.length ?? 0;
  return s.step ?? Math.max(0, n - 1);
};
/** The result on show is out of date when the form has errors (the last good result is kept). */
export const selectSocketIsStale = (s: SocketState) => isStale(s.issues);
