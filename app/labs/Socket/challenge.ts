/**
 * The Socket lab's challenge (issue 14): what socket() returns (a socket or which errno), which
 * `proto_ops` the new socket gets, and which function the chosen call reaches through it. Every
 * answer is read from the core's own result (sysSocket, sockDispatch), never written down here.
 */
import { defineMessages, msg } from '../../../core/i18n/index.ts';
import type { Msg } from '../../../core/i18n/index.ts';
import { strerror } from '../../../core/errno/index.ts';
import type { Errno } from '../../../core/errno/index.ts';
import {
  TABLE_NAMES,
  familyName,
  fnTable,
  protocolName,
  slotOf,
  typeName,
} from '../../../core/socket/index.ts';
import type { SocketRequest } from '../../../core/socket/index.ts';
import { isStale } from '../../lab-kit/index.ts';
import type { ChallengeOption, LabChallenge } from '../../lab-kit/challenge/index.ts';
import type { SocketRun, SocketState } from './store.ts';

const M = defineMessages({
  call: {
    id: 'lab.socket.challenge.call',
    defaultMessage:
      '<code>socket({domain}, {type}, {protocol})</code>, called by {priv, select, root {root} other {an unprivileged user}}',
    description: 'Challenge: the call asked about. Kernel identifiers stay.',
  },
  outcomeQ: {
    id: 'lab.socket.challenge.outcome.q',
    defaultMessage: '{call}: does it give a new socket, or which error does it return?',
    description: 'Challenge question: socket() succeeds or fails with which errno.',
  },
  created: {
    id: 'lab.socket.challenge.created',
    defaultMessage: 'A new socket (a file descriptor)',
    description: 'Challenge option: socket() succeeds.',
  },
  errnoOption: {
    id: 'lab.socket.challenge.errnoOption',
    defaultMessage: '<code>{errno}</code> ({text})',
    description: 'Challenge option: an errno and what strerror() says of it.',
  },
  outcomeWhyOk: {
    id: 'lab.socket.challenge.outcome.whyOk',
    defaultMessage:
      'Every check passes: <code>__sock_create</code> finds the {domain} family, its create function accepts type {type} with protocol {protocol}, and the socket gets <code>{ops}</code> (the socket layer) and <code>{prot}</code> (the transport).',
    description: 'Challenge explanation: socket() succeeds.',
  },
  outcomeWhyErr: {
    id: 'lab.socket.challenge.outcome.whyErr',
    defaultMessage:
      'The kernel gives up in <code>{fn}</code> ({file}) and returns <code>-{errno}</code>: {why}',
    description: 'Challenge explanation: socket() fails; why is the core’s own reason.',
  },
  opsQ: {
    id: 'lab.socket.challenge.ops.q',
    defaultMessage:
      '{call} succeeds. Which <code>struct proto_ops</code> does the new socket get (<code>sock->ops</code>)?',
    description: 'Challenge question: the proto_ops table.',
  },
  opsWhy: {
    id: 'lab.socket.challenge.ops.why',
    defaultMessage:
      'The family’s create function picks the table for this type and protocol: <code>sock->ops = {ops}</code> ({file}). Every socket call goes through it first; the transport’s own functions are in <code>sk->sk_prot = {prot}</code>.',
    description: 'Challenge explanation: the proto_ops table.',
  },
  dispatchQ: {
    id: 'lab.socket.challenge.dispatch.q',
    defaultMessage:
      '{call} succeeds. Then <code>{op}()</code> is called on it: which function does <code>sock->ops->{field}</code> point to?',
    description: 'Challenge question: the function a socket call reaches through proto_ops.',
  },
  code: {
    id: 'lab.socket.challenge.code',
    defaultMessage: '<code>{name}</code>',
    description: 'Challenge option: a kernel table or function name, as it is (never translated).',
  },
  dispatchWhy: {
    id: 'lab.socket.challenge.dispatch.why',
    defaultMessage:
      'The socket’s table is <code>{ops}</code>, and its <code>{field}</code> slot holds <code>{fn}</code>. {stub, select, none {The call goes on from there.} other {That is a stub that refuses at once with <code>{stub}</code>: this kind of socket does not do <code>{op}</code>.}}',
    description: 'Challenge explanation: the proto_ops slot.',
  },
});

/** What socket() commonly refuses with: the choices offered beside the core's own answer. */
const SOCKET_ERRNOS: readonly Errno[] = [
  'EAFNOSUPPORT',
  'ESOCKTNOSUPPORT',
  'EPROTONOSUPPORT',
  'EPROTOTYPE',
  'EINVAL',
  'EPERM',
  'EACCES',
];

/** The most options a choice question offers. */
const MAX_OPTIONS = 6;

export interface SocketCase {
  run: SocketRun;
}

const callMsg = (r: SocketRequest, priv: string): Msg =>
  msg(M.call, {
    domain: familyName(r.family),
    type: typeName(r.type),
    protocol: r.protocol === 0 ? '0' : protocolName(r.family, r.protocol),
    priv,
  });

const errnoOption = (e: Errno): ChallengeOption => ({
  value: e,
  label: msg(M.errnoOption, { errno: e, text: strerror(e) }),
});

/** The proto_ops tables the model knows, in its order (a proto table has a /proc name). */
const OPS_TABLES = TABLE_NAMES.filter((n) => fnTable(n)?.displayName === undefined);

/** Up to MAX_OPTIONS values: the answer, then others in the given order; shown in that list's order. */
function pick(answer: string, all: readonly string[]): string[] {
  const chosen = new Set([answer]);
  for (const v of all) if (chosen.size < MAX_OPTIONS) chosen.add(v);
  return all.filter((v) => chosen.has(v)).concat(all.includes(answer) ? [] : [answer]);
}

export const socketChallenge: LabChallenge<SocketState, SocketCase> = {
  caseOf: (s) => (s.result && !isStale(s.issues) ? { run: s.result } : null),
  questions: [
    {
      id: 'outcome',
      ask: ({ run: { socket: r } }) => {
        const call = callMsg(r.request, r.privilege);
        const errnos = r.ok || SOCKET_ERRNOS.includes(r.errno) ? SOCKET_ERRNOS : [...SOCKET_ERRNOS, r.errno];
        return {
          prompt: msg(M.outcomeQ, { call }),
          answer: {
            kind: 'choice',
            value: r.ok ? 'ok' : r.errno,
            options: [{ value: 'ok', label: msg(M.created) }, ...errnos.map(errnoOption)],
          },
          explain: r.ok
            ? msg(M.outcomeWhyOk, {
                domain: familyName(r.request.family),
                type: typeName(r.request.type),
                protocol: r.request.protocol,
                ops: r.ops.name,
                prot: r.prot.name,
              })
            : msg(M.outcomeWhyErr, { fn: r.fn, file: r.file, errno: r.errno, why: r.why }),
        };
      },
    },
    {
      id: 'ops',
      ask: ({ run: { socket: r } }) => {
        if (!r.ok) return null;
        // Same-file tables first (the family's own), then the rest.
        const same = OPS_TABLES.filter((n) => fnTable(n)?.file === r.ops.file);
        const rest = OPS_TABLES.filter((n) => fnTable(n)?.file !== r.ops.file);
        const chosen = pick(r.ops.name, [...same, ...rest]);
        return {
          prompt: msg(M.opsQ, { call: callMsg(r.request, r.privilege) }),
          answer: {
            kind: 'choice',
            value: r.ops.name,
            options: OPS_TABLES.filter((n) => chosen.includes(n)).map((n) => ({
              value: n,
              label: msg(M.code, { name: n }),
            })),
          },
          explain: msg(M.opsWhy, { ops: r.ops.name, file: r.ops.file, prot: r.prot.name }),
        };
      },
    },
    {
      id: 'dispatch',
      ask: ({ run: { socket: r, dispatch: d } }) => {
        if (!r.ok || !d || !d.opsField) return null;
        const field = d.opsField;
        const slot = slotOf(r.ops, field);
        if (!slot) return null;
        // The functions other proto_ops tables put in the same slot: the likely wrong answers.
        const fns: string[] = [];
        for (const n of OPS_TABLES) {
          const f = fnTable(n);
          const s = f ? slotOf(f, field) : undefined;
          if (s && !fns.includes(s.fn)) fns.push(s.fn);
        }
        const chosen = pick(slot.fn, fns);
        return {
          prompt: msg(M.dispatchQ, { call: callMsg(r.request, r.privilege), op: d.op, field }),
          answer: {
            kind: 'choice',
            value: slot.fn,
            options: chosen.map((fn) => ({ value: fn, label: msg(M.code, { name: fn }) })),
          },
          explain: msg(M.dispatchWhy, {
            ops: r.ops.name,
            field,
            fn: slot.fn,
            op: d.op,
            stub: slot.stub ? slot.stub.errno : 'none',
          }),
        };
      },
    },
  ],
};
