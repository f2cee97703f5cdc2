/**
 * The netlink UAPI as numbers and macros: include/uapi/linux/netlink.h (nlmsghdr, NLMSG_*,
 * NLM_F_*, nlattr, NLA_*), include/uapi/linux/rtnetlink.h (rtattr, RTA_*, RTM_*), and the
 * ancillary-data macros of include/linux/socket.h (CMSG_*) on x86-64 (sizeof(long) = 8).
 * Every macro keeps the C arithmetic: lengths are ints, NLMSG_OK compares as the header does.
 */

/**
 * Lengths are C integers. Each macro takes any JavaScript value: a value that is not a number
 * gives NaN (never an exception); a number is converted as C converts it, to a 32-bit integer.
 */
const num = (x: unknown): number => (typeof x === 'number' ? x : NaN);
const int = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x | 0 : NaN);

/**
 * C's unsigned 32-bit arithmetic, the one place it lives: `(len + ALIGNTO - 1) & ~(ALIGNTO - 1)`
 * on a __u32 (NLMSG_ALIGNTO and RTA_ALIGNTO are `4U`, nlmsg_len is a __u32), wrapping modulo
 * 2^32 as the C expression does, so NLMSG_ALIGN(0xfffffffe) is 0 and never negative.
 */
export const alignU32 = (len: number, to: number): number => {
  const l = num(len);
  return Number.isNaN(l) ? NaN : ((l + to - 1) & ~(to - 1)) >>> 0;
};

/** NLMSG_ALIGNTO (include/uapi/linux/netlink.h). */
export const NLMSG_ALIGNTO = 4;
/** NLMSG_ALIGN(len): round up to NLMSG_ALIGNTO, as an unsigned 32-bit number. */
export const nlmsgAlign = (len: number): number => alignU32(len, NLMSG_ALIGNTO);
/** NLMSG_HDRLEN = (int) NLMSG_ALIGN(sizeof(struct nlmsghdr)) = 16. */
export const NLMSG_HDRLEN = 16;
/** NLMSG_LENGTH(len) = len + NLMSG_HDRLEN (an int). */
export const nlmsgLength = (len: number): number => (num(len) + NLMSG_HDRLEN) | 0;
/** NLMSG_SPACE(len) = NLMSG_ALIGN(NLMSG_LENGTH(len)). */
export const nlmsgSpace = (len: number): number => nlmsgAlign(nlmsgLength(len));
/** NLMSG_DATA(nlh): the payload starts NLMSG_HDRLEN bytes after the header. */
export const nlmsgData = (offset: number): number => num(offset) + NLMSG_HDRLEN;
/** NLMSG_NEXT(nlh, len): the next header's offset and what is left of `len` (an int). */
export const nlmsgNext = (
  offset: number,
  nlmsgLen: number,
  remaining: number,
): { next: number; remaining: number } => ({
  next: num(offset) + nlmsgAlign(nlmsgLen),
  remaining: (num(remaining) - nlmsgAlign(nlmsgLen)) | 0,
});
/**
 * NLMSG_OK(nlh, len): `len >= (int)sizeof(struct nlmsghdr) && nlh->nlmsg_len >= sizeof(struct nlmsghdr)
 * && nlh->nlmsg_len <= len` — nlmsg_len is a __u32, so a negative len never passes the first test.
 */
export const nlmsgOk = (nlmsgLen: number, remaining: number): boolean => {
  const r = num(remaining);
  const l = num(nlmsgLen) >>> 0;
  return r >= 16 && l >= 16 && l <= r;
};
/** NLMSG_PAYLOAD(nlh, len) = nlh->nlmsg_len - NLMSG_SPACE(len), read back as an int. */
export const nlmsgPayload = (nlmsgLen: number, len: number): number => (num(nlmsgLen) - nlmsgSpace(len)) | 0;

/** NLA_ALIGNTO, NLA_ALIGN, NLA_HDRLEN (include/uapi/linux/netlink.h). */
export const NLA_ALIGNTO = 4;
export const nlaAlign = (len: number): number => alignU32(len, NLA_ALIGNTO);
export const NLA_HDRLEN = 4;
/** nla_ok(nla, remaining) (include/net/netlink.h); RTA_OK is the same test for struct rtattr. */
export const nlaOk = (nlaLen: number, remaining: number): boolean =>
  num(remaining) >= NLA_HDRLEN && num(nlaLen) >= NLA_HDRLEN && num(nlaLen) <= num(remaining);
export const NLA_F_NESTED = 1 << 15;
export const NLA_F_NET_BYTEORDER = 1 << 14;
/** NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER), an int: -49153. */
export const NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER);

/** RTA_ALIGNTO, RTA_ALIGN, RTA_OK, RTA_LENGTH, RTA_SPACE, RTA_DATA, RTA_PAYLOAD (rtnetlink.h). */
export const RTA_ALIGNTO = 4;
export const rtaAlign = (len: number): number => alignU32(len, RTA_ALIGNTO);
export const rtaOk = nlaOk;
export const rtaLength = (len: number): number => (rtaAlign(4) + num(len)) | 0;
export const rtaSpace = (len: number): number => rtaAlign(rtaLength(len));
export const rtaData = (offset: number): number => num(offset) + rtaLength(0);
export const rtaPayload = (rtaLen: number): number => num(rtaLen) - rtaLength(0);
export const rtaNext = (
  offset: number,
  rtaLen: number,
  remaining: number,
): { next: number; remaining: number } => ({
  next: num(offset) + rtaAlign(rtaLen),
  remaining: num(remaining) - rtaAlign(rtaLen),
});

/** x86-64: sizeof(long) = 8. CMSG_ALIGN/LEN/SPACE/DATA as include/linux/socket.h defines them. */
export const SIZEOF_LONG = 8;
export const SIZEOF_CMSGHDR = 16;
export const cmsgAlign = (len: number): number => {
  const l = int(len);
  return Number.isNaN(l) ? NaN : (l + SIZEOF_LONG - 1) & ~(SIZEOF_LONG - 1);
};
export const cmsgLen = (len: number): number => cmsgAlign(SIZEOF_CMSGHDR) + num(len);
export const cmsgSpace = (len: number): number => cmsgAlign(SIZEOF_CMSGHDR) + cmsgAlign(len);
export const cmsgData = (offset: number): number => num(offset) + cmsgAlign(SIZEOF_CMSGHDR);
/** __CMSG_FIRSTHDR(ctl, len): the control buffer itself if it holds a header, else NULL (-1). */
export const cmsgFirstHdr = (controllen: number): number => (num(controllen) >= SIZEOF_CMSGHDR ? 0 : -1);
/**
 * __cmsg_nxthdr(ctl, size, cmsg) (include/linux/socket.h): next = cmsg + CMSG_ALIGN(cmsg_len);
 * NULL (-1) when the next header would not fit in `size`. It does not itself check cmsg_len.
 */
export const cmsgNxtHdr = (controllen: number, offset: number, cmsgLenValue: number): number => {
  const next = num(offset) + cmsgAlign(cmsgLenValue);
  return next + SIZEOF_CMSGHDR > num(controllen) || Number.isNaN(next) ? -1 : next;
};

/**
 * CMSG_OK(mhdr, cmsg) (include/linux/socket.h): cmsg_len >= sizeof(struct cmsghdr) and it fits in
 * what is left of the control buffer from `offset`.
 */
export const cmsgOk = (controllen: number, offset: number, cmsgLenValue: number): boolean =>
  num(cmsgLenValue) >= SIZEOF_CMSGHDR && num(cmsgLenValue) <= num(controllen) - num(offset);

/** RTM_MAX (include/uapi/linux/rtnetlink.h): (((__RTM_MAX + 3) & ~3) - 1) with __RTM_MAX = 123. */
export const RTM_MAX = 123;

/** Control message types (include/uapi/linux/netlink.h). */
export const NLMSG_TYPES: Record<string, number> = {
  NLMSG_NOOP: 0x1,
  NLMSG_ERROR: 0x2,
  NLMSG_DONE: 0x3,
  NLMSG_OVERRUN: 0x4,
  NLMSG_MIN_TYPE: 0x10,
};
export const NLMSG_NOOP = 0x1;
export const NLMSG_ERROR = 0x2;
export const NLMSG_DONE = 0x3;
export const NLMSG_OVERRUN = 0x4;
export const NLMSG_MIN_TYPE = 0x10;

/**
 * Every NLM_F_* flag (include/uapi/linux/netlink.h). Bits 0x100–0x800 mean different things
 * for GET, NEW, DELETE requests and for ACK replies, so several names share a bit.
 */
export const NLM_F: Record<string, number> = {
  NLM_F_REQUEST: 0x01,
  NLM_F_MULTI: 0x02,
  NLM_F_ACK: 0x04,
  NLM_F_ECHO: 0x08,
  NLM_F_DUMP_INTR: 0x10,
  NLM_F_DUMP_FILTERED: 0x20,
  NLM_F_ROOT: 0x100,
  NLM_F_MATCH: 0x200,
  NLM_F_ATOMIC: 0x400,
  NLM_F_DUMP: 0x300,
  NLM_F_REPLACE: 0x100,
  NLM_F_EXCL: 0x200,
  NLM_F_CREATE: 0x400,
  NLM_F_APPEND: 0x800,
  NLM_F_NONREC: 0x100,
  NLM_F_BULK: 0x200,
  NLM_F_CAPPED: 0x100,
  NLM_F_ACK_TLVS: 0x200,
};

/** NLA_F_* and NLA_TYPE_MASK, for the constants table. */
export const NLA_F: Record<string, number> = {
  NLA_F_NESTED,
  NLA_F_NET_BYTEORDER,
  NLA_TYPE_MASK,
};

/** enum nlmsgerr_attrs (include/uapi/linux/netlink.h): the extended-ack TLVs. */
export const NLMSGERR_ATTR: Record<string, number> = {
  NLMSGERR_ATTR_UNUSED: 0,
  NLMSGERR_ATTR_MSG: 1,
  NLMSGERR_ATTR_OFFS: 2,
  NLMSGERR_ATTR_COOKIE: 3,
  NLMSGERR_ATTR_POLICY: 4,
  NLMSGERR_ATTR_MISS_TYPE: 5,
  NLMSGERR_ATTR_MISS_NEST: 6,
};

/** Netlink protocol numbers (include/uapi/linux/netlink.h). */
export const NETLINK_PROTOCOLS: Record<string, number> = { NETLINK_ROUTE: 0, NETLINK_GENERIC: 16 };

/** GENL_ID_CTRL (include/uapi/linux/genetlink.h): the controller's fixed family id. */
export const GENL_ID_CTRL = 0x10;

/** struct sizes and member offsets on x86-64, as the UAPI headers lay them out. */
export const STRUCT_SIZES: Record<string, number> = {
  nlmsghdr: 16,
  nlmsgerr: 20,
  nlattr: 4,
  rtattr: 4,
  sockaddr_nl: 12,
  msghdr: 56,
  iovec: 16,
  cmsghdr: 16,
  ucred: 12,
  ifinfomsg: 16,
  ifaddrmsg: 8,
  rtmsg: 12,
  genlmsghdr: 4,
  rtgenmsg: 1,
  long: 8,
};

export const STRUCT_OFFSETS: Record<string, Record<string, number>> = {
  nlmsghdr: { nlmsg_len: 0, nlmsg_type: 4, nlmsg_flags: 6, nlmsg_seq: 8, nlmsg_pid: 12 },
  sockaddr_nl: { nl_family: 0, nl_pad: 2, nl_pid: 4, nl_groups: 8 },
  msghdr: {
    msg_name: 0,
    msg_namelen: 8,
    msg_iov: 16,
    msg_iovlen: 24,
    msg_control: 32,
    msg_controllen: 40,
    msg_flags: 48,
  },
  cmsghdr: { cmsg_len: 0, cmsg_level: 8, cmsg_type: 12 },
  nlmsgerr: { error: 0, msg: 4 },
};
