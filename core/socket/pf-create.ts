/** What every `pf->create` model receives and returns (the contract of net_proto_family.create). */
import type { Errno } from '../errno/index.ts';
import type { Msg } from '../i18n/msg.ts';
import type { KernelProfile, SocketSnapshot, SocketStep } from './types.ts';

export interface PfCreateArgs {
  profile: KernelProfile;
  /** sock->type (already range-checked by __sock_create). */
  type: number;
  protocol: number;
  /** The trace so far; create functions append their steps. */
  steps: SocketStep[];
}

export interface PfCreateError {
  ok: false;
  errno: Errno;
  fn: string;
  file: string;
  why: Msg;
}

export interface PfCreateOk {
  ok: true;
  /** sk->sk_family / sk->sk_type / sk->sk_protocol: what SO_DOMAIN/SO_TYPE/SO_PROTOCOL read back. */
  sk_family: number;
  sk_type: number;
  sk_protocol: number;
  ops: string;
  prot: string;
  details: Record<string, string | number | boolean>;
}

export type PfCreateResult = PfCreateError | PfCreateOk;

export type PfCreate = (args: PfCreateArgs) => PfCreateResult;

/** Append a step going down the stack. */
export function pushStep(
  steps: SocketStep[],
  fn: string,
  file: string,
  why: Msg,
  snapshot: SocketSnapshot,
): void {
  steps.push({ fn, file, why, dir: 'down', snapshot });
}

/** Append the step that returns `errno` and build the error value. */
export function fail(
  steps: SocketStep[],
  errno: Errno,
  fn: string,
  file: string,
  why: Msg,
  snapshot: Omit<SocketSnapshot, 'errno'>,
): PfCreateError {
  pushStep(steps, fn, file, why, { ...snapshot, errno });
  return { ok: false, errno, fn, file, why };
}
