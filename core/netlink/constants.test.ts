import { describe, expect, it } from 'vitest';
import {
  NLA_F_NESTED,
  NLA_F_NET_BYTEORDER,
  NLA_TYPE_MASK,
  NLM_F,
  NLMSG_HDRLEN,
  STRUCT_SIZES,
  cmsgAlign,
  cmsgData,
  cmsgFirstHdr,
  cmsgLen,
  cmsgNxtHdr,
  cmsgOk,
  cmsgSpace,
  nlaAlign,
  nlaOk,
  nlmsgAlign,
  nlmsgData,
  nlmsgLength,
  nlmsgMacros,
  nlmsgNext,
  nlmsgOk,
  nlmsgPayload,
  nlmsgSpace,
  rtaData,
  rtaLength,
  rtaNext,
  rtaOk,
  rtaPayload,
  rtaSpace,
} from './index.ts';

describe('NLMSG_* macros (include/uapi/linux/netlink.h)', () => {
  it('align, length, space, data', () => {
    expect([0, 1, 3, 4, 5, 17, 20].map(nlmsgAlign)).toEqual([0, 4, 4, 4, 8, 20, 20]);
    expect(NLMSG_HDRLEN).toBe(16);
    expect(nlmsgLength(4)).toBe(20);
    expect(nlmsgLength(5)).toBe(21);
    expect(nlmsgSpace(5)).toBe(24);
    expect(nlmsgData(100)).toBe(116);
  });
  it('NLMSG_OK checks len >= 16, nlmsg_len >= 16 and nlmsg_len <= len', () => {
    expect(nlmsgOk(16, 16)).toBe(true);
    expect(nlmsgOk(20, 19)).toBe(false);
    expect(nlmsgOk(15, 100)).toBe(false);
    expect(nlmsgOk(16, 15)).toBe(false);
    expect(nlmsgOk(16, -4)).toBe(false);
    // nlmsg_len is a __u32: 0xffffffff is huge, not -1.
    expect(nlmsgOk(0xffffffff, 100)).toBe(false);
    expect(nlmsgOk(-1, 100)).toBe(false);
  });
  it('NLMSG_NEXT moves by the aligned length and may leave a negative len', () => {
    expect(nlmsgNext(0, 21, 100)).toEqual({ next: 24, remaining: 76 });
    expect(nlmsgNext(8, 21, 21)).toEqual({ next: 32, remaining: -3 });
  });
  it('NLMSG_PAYLOAD(nlh, len) = nlmsg_len - NLMSG_SPACE(len)', () => {
    expect(nlmsgPayload(36, 0)).toBe(20);
    expect(nlmsgPayload(36, 16)).toBe(4);
    expect(nlmsgPayload(16, 1)).toBe(-4);
  });
  it('nlmsgMacros for a message at an offset', () => {
    const m = nlmsgMacros({ offset: 40, len: 21 } as Parameters<typeof nlmsgMacros>[0]);
    expect(m).toMatchObject({
      NLMSG_LENGTH: 21,
      NLMSG_SPACE: 24,
      NLMSG_DATA: 56,
      NLMSG_NEXT: 64,
      padding: 3,
    });
  });
});

describe('NLA_* / RTA_* macros', () => {
  it('NLA_ALIGN and nla_ok', () => {
    expect([0, 1, 4, 5, 8].map(nlaAlign)).toEqual([0, 4, 4, 8, 8]);
    expect(nlaOk(4, 4)).toBe(true);
    expect(nlaOk(3, 8)).toBe(false);
    expect(nlaOk(9, 8)).toBe(false);
    expect(nlaOk(4, 3)).toBe(false);
  });
  it('NLA_F_* bits and the type mask', () => {
    expect(NLA_F_NESTED).toBe(0x8000);
    expect(NLA_F_NET_BYTEORDER).toBe(0x4000);
    expect(0x8003 & NLA_TYPE_MASK & 0xffff).toBe(3);
    expect(0xc012 & NLA_TYPE_MASK & 0xffff).toBe(0x12);
    expect(NLA_TYPE_MASK).toBe(-49153);
  });
  it('RTA_LENGTH/SPACE/DATA/PAYLOAD/OK/NEXT', () => {
    expect(rtaLength(3)).toBe(7);
    expect(rtaSpace(3)).toBe(8);
    expect(rtaData(32)).toBe(36);
    expect(rtaPayload(7)).toBe(3);
    expect(rtaOk(7, 8)).toBe(true);
    expect(rtaOk(9, 8)).toBe(false);
    expect(rtaNext(32, 7, 20)).toEqual({ next: 40, remaining: 12 });
  });
});

describe('NLM_F_* flags: the GET/NEW/DELETE/ACK modifiers share bits', () => {
  it('values', () => {
    expect(NLM_F.NLM_F_DUMP).toBe(NLM_F.NLM_F_ROOT! | NLM_F.NLM_F_MATCH!);
    expect(NLM_F.NLM_F_ROOT).toBe(NLM_F.NLM_F_REPLACE);
    expect(NLM_F.NLM_F_REPLACE).toBe(NLM_F.NLM_F_NONREC);
    expect(NLM_F.NLM_F_NONREC).toBe(NLM_F.NLM_F_CAPPED);
    expect(NLM_F.NLM_F_MATCH).toBe(NLM_F.NLM_F_EXCL);
    expect(NLM_F.NLM_F_EXCL).toBe(NLM_F.NLM_F_BULK);
    expect(NLM_F.NLM_F_BULK).toBe(NLM_F.NLM_F_ACK_TLVS);
    expect(NLM_F.NLM_F_ATOMIC).toBe(NLM_F.NLM_F_CREATE);
    expect(NLM_F.NLM_F_APPEND).toBe(0x800);
    expect(NLM_F.NLM_F_DUMP_FILTERED).toBe(0x20);
  });
});

describe('CMSG_* on x86-64 (include/linux/socket.h)', () => {
  it('align to sizeof(long) = 8; the worked numbers', () => {
    expect(cmsgAlign(1)).toBe(8);
    expect(cmsgAlign(12)).toBe(16);
    expect(cmsgLen(4)).toBe(20);
    expect(cmsgSpace(4)).toBe(24);
    expect(cmsgSpace(12)).toBe(32); // struct ucred
    expect(cmsgSpace(20)).toBe(40);
    expect(cmsgData(32)).toBe(48);
    expect(STRUCT_SIZES.ucred).toBe(12);
  });
  it('FIRSTHDR, NXTHDR and CMSG_OK', () => {
    expect(cmsgFirstHdr(16)).toBe(0);
    expect(cmsgFirstHdr(15)).toBe(-1);
    // two SCM_CREDENTIALS: 64 bytes of control buffer
    expect(cmsgNxtHdr(64, 0, cmsgLen(12))).toBe(32);
    expect(cmsgNxtHdr(64, 32, cmsgLen(12))).toBe(-1);
    // __cmsg_nxthdr does not check cmsg_len itself: a 0 length points at the same header.
    expect(cmsgNxtHdr(64, 0, 0)).toBe(0);
    expect(cmsgOk(64, 0, 28)).toBe(true);
    expect(cmsgOk(64, 0, 15)).toBe(false);
    expect(cmsgOk(64, 48, 28)).toBe(false);
  });
});
