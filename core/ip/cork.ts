/**
 * ip_setup_cork / ip6_setup_cork (net/ipv4/ip_output.c, net/ipv6/ip6_output.c): what is fixed
 * for the whole datagram before the first byte is appended — cork->fragsize (path MTU or device
 * MTU, by PMTU mode), the header length, and the socket's send-buffer accounting.
 */
import { msg } from '../i18n/index.ts';
import { IP_OUTPUT_C, appendGeometry, type Cork, type SockMem } from './append.ts';
import { sendFail, type SendContext } from './send-context.ts';
import { M } from './send-messages.ts';
import type { SendFail } from './types.ts';

/** A page of the task frag that is already used up, so the first SG append takes a fresh one. */
const SKB_PAGE_FULL = 32768;

export interface CorkSetup {
  cork: Cork;
  mem: SockMem;
}

/** ip_setup_cork: the cork and the socket's memory, or ENETUNREACH below IPv4's minimum MTU. */
export function ipSetupCork(ctx: SendContext): CorkSetup | SendFail {
  const { input, v6, usePmtu, pathMtu, devMtu, headerLength } = ctx;
  const fragsize = usePmtu ? pathMtu : devMtu;
  const cork: Cork = {
    family: input.family,
    fragsize,
    fragheaderlen: headerLength,
    headersize: headerLength,
    ignoreDf: ctx.ignoreDf,
    length: 0,
    hhLen: ctx.hhLen,
    sg: input.sg,
    hwCsum: true,
  };
  const geo = appendGeometry(cork);
  // Written field by field, in this order (no literal copied in by Object.assign: a send's fixed cost).
  const numbers = ctx.common.numbers;
  numbers.fragsize = fragsize;
  numbers.fragheaderlen = headerLength;
  numbers.maxfraglen = geo.maxfraglen;
  numbers.maxnonfragsize = geo.maxnonfragsize;
  numbers.hh_len = ctx.hhLen;
  numbers.dataPerFragment = geo.maxfraglen - headerLength;
  if (!v6 && fragsize < 68)
    return sendFail(ctx, 'ENETUNREACH', 'ip_setup_cork', IP_OUTPUT_C, msg(M.corkTooSmall, { fragsize }));
  const mem: SockMem = {
    wmemAlloc: 1,
    sndbuf: input.sndbuf,
    sndbufCheck: input.sndbufCheck,
    pfrag: { used: SKB_PAGE_FULL, size: SKB_PAGE_FULL, id: 0 },
  };
  return { cork, mem };
}
