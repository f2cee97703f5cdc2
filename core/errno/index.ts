import { defineMessages } from '@formatjs/intl';
import { msg, type MessageDescriptor, type Msg, type Text } from '../i18n/msg.ts';

/** Linux errno values (x86-64, include/uapi/asm-generic/errno*.h) the models return. */
export const ERRNO = {
  EPERM: 1,
  ENOENT: 2,
  EINTR: 4,
  EIO: 5,
  EBADF: 9,
  EAGAIN: 11,
  ENOMEM: 12,
  EACCES: 13,
  EFAULT: 14,
  EEXIST: 17,
  ENODEV: 19,
  EINVAL: 22,
  ENFILE: 23,
  EMFILE: 24,
  ENOSPC: 28,
  E2BIG: 7,
  EPIPE: 32,
  ERANGE: 34,
  ENOSYS: 38,
  ENOTSOCK: 88,
  EDESTADDRREQ: 89,
  EMSGSIZE: 90,
  EPROTOTYPE: 91,
  ENOPROTOOPT: 92,
  EPROTONOSUPPORT: 93,
  ESOCKTNOSUPPORT: 94,
  EOPNOTSUPP: 95,
  EPFNOSUPPORT: 96,
  EAFNOSUPPORT: 97,
  EADDRINUSE: 98,
  EADDRNOTAVAIL: 99,
  ENETDOWN: 100,
  ENETUNREACH: 101,
  ECONNABORTED: 103,
  ECONNRESET: 104,
  ENOBUFS: 105,
  EISCONN: 106,
  ENOTCONN: 107,
  ETIMEDOUT: 110,
  ECONNREFUSED: 111,
  EALREADY: 114,
  EINPROGRESS: 115,
} as const;

export type Errno = keyof typeof ERRNO;

const BY_NUMBER = new Map<number, Errno>(Object.entries(ERRNO).map(([k, v]) => [v, k as Errno]));

/** The symbolic name of an errno number, or undefined. */
export function errnoName(n: number): Errno | undefined {
  return BY_NUMBER.get(Math.abs(n));
}

/**
 * strerror(3) for every errno above, as messages (English as glibc words it, the Chinese as a
 * Chinese glibc locale would). Render with core/i18n's formatMsg.
 */
const STRERROR_MESSAGES = defineMessages({
  EPERM: { id: 'errno.strerror.EPERM', defaultMessage: 'Operation not permitted' },
  ENOENT: { id: 'errno.strerror.ENOENT', defaultMessage: 'No such file or directory' },
  EINTR: { id: 'errno.strerror.EINTR', defaultMessage: 'Interrupted system call' },
  EIO: { id: 'errno.strerror.EIO', defaultMessage: 'Input/output error' },
  EBADF: { id: 'errno.strerror.EBADF', defaultMessage: 'Bad file descriptor' },
  EAGAIN: { id: 'errno.strerror.EAGAIN', defaultMessage: 'Resource temporarily unavailable' },
  ENOMEM: { id: 'errno.strerror.ENOMEM', defaultMessage: 'Cannot allocate memory' },
  EACCES: { id: 'errno.strerror.EACCES', defaultMessage: 'Permission denied' },
  EFAULT: { id: 'errno.strerror.EFAULT', defaultMessage: 'Bad address' },
  EEXIST: { id: 'errno.strerror.EEXIST', defaultMessage: 'File exists' },
  ENODEV: { id: 'errno.strerror.ENODEV', defaultMessage: 'No such device' },
  EINVAL: { id: 'errno.strerror.EINVAL', defaultMessage: 'Invalid argument' },
  ENFILE: { id: 'errno.strerror.ENFILE', defaultMessage: 'Too many open files in system' },
  EMFILE: { id: 'errno.strerror.EMFILE', defaultMessage: 'Too many open files' },
  ENOSPC: { id: 'errno.strerror.ENOSPC', defaultMessage: 'No space left on device' },
  E2BIG: { id: 'errno.strerror.E2BIG', defaultMessage: 'Argument list too long' },
  EPIPE: { id: 'errno.strerror.EPIPE', defaultMessage: 'Broken pipe' },
  ERANGE: { id: 'errno.strerror.ERANGE', defaultMessage: 'Numerical result out of range' },
  ENOSYS: { id: 'errno.strerror.ENOSYS', defaultMessage: 'Function not implemented' },
  ENOTSOCK: { id: 'errno.strerror.ENOTSOCK', defaultMessage: 'Socket operation on non-socket' },
  EDESTADDRREQ: { id: 'errno.strerror.EDESTADDRREQ', defaultMessage: 'Destination address required' },
  EMSGSIZE: { id: 'errno.strerror.EMSGSIZE', defaultMessage: 'Message too long' },
  EPROTOTYPE: { id: 'errno.strerror.EPROTOTYPE', defaultMessage: 'Protocol wrong type for socket' },
  ENOPROTOOPT: { id: 'errno.strerror.ENOPROTOOPT', defaultMessage: 'Protocol not available' },
  EPROTONOSUPPORT: { id: 'errno.strerror.EPROTONOSUPPORT', defaultMessage: 'Protocol not supported' },
  ESOCKTNOSUPPORT: { id: 'errno.strerror.ESOCKTNOSUPPORT', defaultMessage: 'Socket type not supported' },
  EOPNOTSUPP: { id: 'errno.strerror.EOPNOTSUPP', defaultMessage: 'Operation not supported' },
  EPFNOSUPPORT: { id: 'errno.strerror.EPFNOSUPPORT', defaultMessage: 'Protocol family not supported' },
  EAFNOSUPPORT: {
    id: 'errno.strerror.EAFNOSUPPORT',
    defaultMessage: 'Address family not supported by protocol',
  },
  EADDRINUSE: { id: 'errno.strerror.EADDRINUSE', defaultMessage: 'Address already in use' },
  EADDRNOTAVAIL: { id: 'errno.strerror.EADDRNOTAVAIL', defaultMessage: 'Cannot assign requested address' },
  ENETDOWN: { id: 'errno.strerror.ENETDOWN', defaultMessage: 'Network is down' },
  ENETUNREACH: { id: 'errno.strerror.ENETUNREACH', defaultMessage: 'Network is unreachable' },
  ECONNABORTED: { id: 'errno.strerror.ECONNABORTED', defaultMessage: 'Software caused connection abort' },
  ECONNRESET: { id: 'errno.strerror.ECONNRESET', defaultMessage: 'Connection reset by peer' },
  ENOBUFS: { id: 'errno.strerror.ENOBUFS', defaultMessage: 'No buffer space available' },
  EISCONN: { id: 'errno.strerror.EISCONN', defaultMessage: 'Transport endpoint is already connected' },
  ENOTCONN: { id: 'errno.strerror.ENOTCONN', defaultMessage: 'Transport endpoint is not connected' },
  ETIMEDOUT: { id: 'errno.strerror.ETIMEDOUT', defaultMessage: 'Connection timed out' },
  ECONNREFUSED: { id: 'errno.strerror.ECONNREFUSED', defaultMessage: 'Connection refused' },
  EALREADY: { id: 'errno.strerror.EALREADY', defaultMessage: 'Operation already in progress' },
  EINPROGRESS: { id: 'errno.strerror.EINPROGRESS', defaultMessage: 'Operation now in progress' },
} satisfies Record<Errno, MessageDescriptor>);

const UNKNOWN = defineMessages({
  unknown: {
    id: 'errno.strerror.unknown',
    defaultMessage: 'Unknown error {n}',
    description: 'strerror(3) of a number that is no errno this model knows',
  },
});

/** strerror(3) of an errno name or number, as a message ("Unknown error N" for numbers it does not know). */
export function strerror(errno: Errno | number): Msg {
  const name = typeof errno === 'number' ? errnoName(errno) : errno;
  if (name && Object.hasOwn(STRERROR_MESSAGES, name)) return msg(STRERROR_MESSAGES[name]);
  return msg(UNKNOWN.unknown, {
    n: typeof errno === 'number' && Number.isFinite(errno) ? errno : String(errno),
  });
}

/**
 * Transitional: strerror(3) in English only, for code that does not render messages yet (the
 * app's panels, other CLI commands). Use `strerror()` and render it instead.
 */
export const STRERROR: Readonly<Record<Errno, string>> = Object.fromEntries(
  Object.entries(STRERROR_MESSAGES).map(([k, d]) => [k, d.defaultMessage]),
) as Record<Errno, string>;

/**
 * A kernel error as a value: the errno, the kernel function that returned it, its source
 * file, and why. Core functions return this instead of throwing on user input.
 * `W` as in TraceStep: `Msg` where the module is converted, English strings (the default) until then.
 */
export interface KernelError<W extends Text = string> {
  ok: false;
  errno: Errno;
  fn: string;
  file: string;
  why: W;
}

export function kernelError<W extends Text>(errno: Errno, fn: string, file: string, why: W): KernelError<W> {
  return { ok: false, errno, fn, file, why };
}
