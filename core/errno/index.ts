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

/** strerror(3) texts, for people. */
export const STRERROR: Partial<Record<Errno, string>> = {
  EPERM: 'Operation not permitted',
  EACCES: 'Permission denied',
  EINVAL: 'Invalid argument',
  EMSGSIZE: 'Message too long',
  ENOBUFS: 'No buffer space available',
  ENOMEM: 'Cannot allocate memory',
  EAFNOSUPPORT: 'Address family not supported by protocol',
  EPROTONOSUPPORT: 'Protocol not supported',
  ESOCKTNOSUPPORT: 'Socket type not supported',
  EOPNOTSUPP: 'Operation not supported',
  ENETUNREACH: 'Network is unreachable',
  EDESTADDRREQ: 'Destination address required',
  EEXIST: 'File exists',
  ENOTCONN: 'Transport endpoint is not connected',
  EISCONN: 'Transport endpoint is already connected',
  EINPROGRESS: 'Operation now in progress',
  EALREADY: 'Operation already in progress',
  EAGAIN: 'Resource temporarily unavailable',
  E2BIG: 'Argument list too long',
};

/**
 * A kernel error as a value: the errno, the kernel function that returned it, its source
 * file, and why. Core functions return this instead of throwing on user input.
 */
export interface KernelError {
  ok: false;
  errno: Errno;
  fn: string;
  file: string;
  why: string;
}

export function kernelError(errno: Errno, fn: string, file: string, why: string): KernelError {
  return { ok: false, errno, fn, file, why };
}
