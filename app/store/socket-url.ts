/**
 * The Socket lab's state as a hash query:
 *
 *   #/socket?domain=AF_INET&type=SOCK_DGRAM&protocol=0&priv=root&op=connect
 *
 * - `domain`, `type`, `protocol`: symbolic names (AF_INET or PF_INET, SOCK_STREAM, IPPROTO_UDP,
 *   NETLINK_ROUTE, htons(ETH_P_ALL)…) or any number (decimal, 0x hex, negative), exactly as
 *   core/socket's parsers read them. `type` may carry extra bits joined with `|`
 *   (`type=SOCK_STREAM|0x100`, which the kernel refuses with EINVAL).
 * - Flags: `nonblock=1` and `cloexec=1` (written only when set). On reading, `type=SOCK_DGRAM|SOCK_NONBLOCK`
 *   is accepted too: the named flags move to their parameters, so the canonical URL of that is
 *   `type=SOCK_DGRAM&nonblock=1`.
 * - `priv=root` (every capability) or `priv=user` (uid 65534, no capabilities).
 * - `op=connect|bind|listen|accept|sendmsg|recvmsg|shutdown|setsockopt|getsockopt|poll|ioctl|mmap`,
 *   and `level=SOL_SOCKET` for setsockopt/getsockopt at the socket level (written only then).
 * - `step=N`: the selected trace step, counting from 1 like the step list; omitted when the last
 *   step (the outcome) is on show.
 *
 * Values are kept as typed, so a bad one reaches the form and is reported there, never thrown.
 */
import { DEFAULT_SOCKET_FIELDS } from './socket-slice.ts';
import type { SocketFields, SocketIssue } from './socket-slice.ts';
import type { LabUrlAdapter } from './url-sync.ts';

export interface SocketUrlState {
  fields: SocketFields;
  /** The selected step (0-based), or null for the last one. */
  step: number | null;
  /** Problems with parameters that have no form field of their own (step). */
  issues: SocketIssue[];
}

const FLAG_PARTS: Readonly<Record<string, 'nonblock' | 'cloexec'>> = {
  SOCK_NONBLOCK: 'nonblock',
  SOCK_CLOEXEC: 'cloexec',
};

/** Parse the query part of `#/socket?...` (without the `?`). Missing parameters take defaults. */
export function parseSocketQuery(query: string): SocketUrlState {
  const q = new URLSearchParams(query);
  const fields: SocketFields = { ...DEFAULT_SOCKET_FIELDS };
  const issues: SocketIssue[] = [];
  for (const k of ['domain', 'type', 'protocol', 'nonblock', 'cloexec', 'priv', 'op', 'level'] as const) {
    const v = q.get(k);
    if (v !== null) fields[k] = v;
  }
  // Named flags written into the type move to their checkboxes (unless the checkbox says otherwise).
  const parts = fields.type.split('|').map((p) => p.trim());
  if (parts.length > 1) {
    const rest: string[] = [];
    for (const p of parts) {
      const flag = FLAG_PARTS[p.toUpperCase()];
      if (flag && !q.has(flag)) fields[flag] = '1';
      else if (!flag) rest.push(p);
    }
    if (rest.length > 0) fields.type = rest.join('|');
  }
  let step: number | null = null;
  const s = q.get('step');
  if (s !== null) {
    if (/^\d+$/.test(s.trim()) && Number(s.trim()) >= 1) step = Number(s.trim()) - 1;
    else
      issues.push({
        field: 'step',
        message: `step=${s} is not a step number (they count from 1); showing the outcome.`,
      });
  }
  return { fields, step, issues };
}

/** `|`, `(` and `)` stay readable in the URL (`type=SOCK_STREAM|0x100`, `protocol=htons(ETH_P_ALL)`). */
function enc(v: string): string {
  return encodeURIComponent(v).replace(/%7C/gi, '|');
}

/** The canonical query: the call, the privilege and the operation, then what is not default. */
export function serialiseSocketQuery(fields: SocketFields, step: number | null): string {
  const parts: [string, string][] = [
    ['domain', fields.domain],
    ['type', fields.type],
    ['protocol', fields.protocol],
  ];
  if (fields.nonblock !== '0') parts.push(['nonblock', fields.nonblock]);
  if (fields.cloexec !== '0') parts.push(['cloexec', fields.cloexec]);
  parts.push(['priv', fields.priv], ['op', fields.op]);
  if (fields.level !== DEFAULT_SOCKET_FIELDS.level) parts.push(['level', fields.level]);
  if (step !== null) parts.push(['step', String(step + 1)]);
  return parts.map(([k, v]) => `${k}=${enc(v)}`).join('&');
}

/** How the Socket lab plugs into URL sync (registered in url-adapters.ts). */
export const socketUrl: LabUrlAdapter = {
  path: 'socket',
  write: (s) => serialiseSocketQuery(s.socket.fields, s.socket.step),
  read: (store, query) => {
    const p = parseSocketQuery(query);
    store.getState().socket.load(p.fields, p.step, p.issues);
  },
  changed: (s, prev) => s.socket.fields !== prev.socket.fields || s.socket.step !== prev.socket.step,
};
