/**
 * The words of the send path (send.ts, cork.ts, sendmsg.ts, append.ts, fragment.ts,
 * finish-output.ts, send-hdrincl.ts): every trace step's `why`, every errno reason
 * and every outcome sentence, as catalog messages (core/i18n). Kernel identifiers are `<code>`.
 */
import { defineMessages, msg, type Msg } from '../i18n/index.ts';

export const M = defineMessages({
  // send.ts
  input: {
    id: 'ip.send.input',
    defaultMessage: '{issues}',
    description:
      'The send input is refused; issues: the validation sentences (ip.input.*, joined by ip.send.sentences).',
  },
  sentences: {
    id: 'ip.send.sentences',
    defaultMessage: '{first} {rest}',
    description:
      'Two or more whole sentences in a row: the first, then the rest (itself a run of sentences).',
  },
  optionsStepFail: {
    id: 'ip.send.options.stepFail',
    defaultMessage: '<code>setsockopt(IP_OPTIONS)</code> fails: {why} (byte {offset})',
    description: 'why: what ip_options_compile refused (English until options.ts is converted).',
  },
  optionsRefused: {
    id: 'ip.send.options.refused',
    defaultMessage: '<code>setsockopt(IP_OPTIONS)</code> is refused: {why} (option byte {offset})',
  },
  optionsCompiled: {
    id: 'ip.send.options.compiled',
    defaultMessage:
      '<code>IP_OPTIONS</code>: {len} bytes, padded with <code>END</code> to {padded}, compiled by <code>ip_options_compile</code>{rr, select, yes {; RR pointer advanced (an address will be recorded)} other {}}{ts, select, yes {; TS pointer advanced (a timestamp will be written)} other {}}',
  },
  nothingFragmented: { id: 'ip.send.nothingFragmented', defaultMessage: 'nothing was fragmented' },
  // cork.ts
  corkTooSmall: {
    id: 'ip.send.cork.tooSmall',
    defaultMessage: '<code>cork->fragsize</code> {fragsize} is below 68 (<code>inetdev_valid_mtu</code>)',
  },
  // sendmsg.ts
  label: {
    id: 'ip.send.label',
    defaultMessage:
      '{kind, select, seq {send {i}/{n}{more, select, yes { (<code>MSG_MORE</code>)} other {}}: } iov {<code>sendmsg</code> with {count} iovecs ({lens} bytes): } other {}}',
    description:
      'The prefix of a send step: which send of several, or a sendmsg with an iovec; empty (kind none) for one send. lens: "1000 + 2000".',
  },
  lenOver: {
    id: 'ip.send.lenOver',
    defaultMessage: '{label}len {len} > 0xFFFF',
    description: 'label: ip.send.label.',
  },
  lenOverWhy: {
    id: 'ip.send.lenOverWhy',
    defaultMessage: '{label}a single send of {len} bytes is more than 0xFFFF',
  },
  append: {
    id: 'ip.send.append',
    defaultMessage:
      '{label}{udp, select, yes {<code>ulen = {len} + 8</code>} other {{len} bytes, no transport header of its own}}; {corked, select, yes {{more, select, yes {<code>MSG_MORE</code>: } other {}}corked: append to the socket’s write queue (<code>{appendFn}</code>)} other {not corked: build the datagram on a private queue (<code>{makeFn}</code>)}}{first, select, yes {; <code>cork->fragsize</code> = {pmtu, select, yes {path MTU} other {device MTU}} {fragsize} (pmtudisc {mode})} other {}}',
    description: 'One sendto() of the sequence. mode: DONT, WANT, DO, PROBE, INTERFACE or OMIT.',
  },
  flush: {
    id: 'ip.send.flush',
    defaultMessage:
      '<code>{caller} → {flush}</code>: the error discards the whole pending datagram — its {n, plural, one {# queued skb is} other {# queued skbs are}} freed as drops (<code>NOT_SPECIFIED</code>){earlier, plural, =0 {} one {; the # earlier send (which returned success) never reach the wire} other {; the # earlier sends (which returned success) never reach the wire}}',
  },
  failedSend: {
    id: 'ip.send.failedSend',
    defaultMessage: '{label}{why}',
    description: 'The reason a send fails, after the label of the send (ip.send.label).',
  },
  // append.ts
  appendSummary: {
    id: 'ip.append.summary',
    defaultMessage:
      '… {n, plural, one {# more skb} other {# more skbs}} allocated the same way (each holds an IP packet of up to <code>maxfraglen</code> {maxfraglen} bytes; the allocation adds the link-layer headroom)',
  },
  skbText: {
    id: 'ip.append.skbText',
    defaultMessage: '{text}',
    description: 'What core/skb reports when skb_put would panic (English, as core/skb writes it).',
  },
  appendError: { id: 'ip.append.error', defaultMessage: '<code>{errno}</code>: {why}' },
  appendV6NoRoom: {
    id: 'ip.append.v6NoRoom',
    defaultMessage: 'MTU {mtu} leaves no room for a fragment after the {hlen}-byte header',
  },
  appendV6Headers: {
    id: 'ip.append.v6Headers',
    defaultMessage: 'the headers ({headersize} + {transhdrlen}) do not fit MTU {mtu} (RFC 7112)',
  },
  appendTooBig: {
    id: 'ip.append.tooBig',
    defaultMessage:
      '{total} bytes exceed {limit}, the most that fits {mode, select, v6len {the IPv6 payload length field (65,535)} v4len {the IPv4 total length field (65,535)} other {the MTU ({mtu}) because this socket may not fragment}}; <code>{errFn}</code> reports MTU {reported}',
  },
  appendLayout: {
    id: 'ip.append.layout',
    defaultMessage:
      '<code>mtu</code> {mtu}, <code>fragheaderlen</code> {fhl}, <code>maxfraglen</code> {maxfraglen}: each skb holds one future fragment; {queued, plural, =0 {{length} bytes to lay out} one {appending {length} bytes to a queue of # skb} other {appending {length} bytes to a queue of # skbs}}{partial, select, yes { (fits one packet: checksum left to the device, <code>CHECKSUM_PARTIAL</code>)} other {}}',
  },
  appendNegativeCopy: {
    id: 'ip.append.negativeCopy',
    defaultMessage:
      '<code>copy</code> would be negative ({copy}): <code>fraggap</code> {fraggap} with a paged skb',
  },
  appendNoBufs: {
    id: 'ip.append.noBufs',
    defaultMessage:
      '<code>sk_wmem_alloc</code> {wmem} (the {queued} skbs already queued) exceeds 2 × <code>sk_sndbuf</code> = {limit}; skb {next} is not allocated',
  },
  appendAlloc: {
    id: 'ip.append.alloc',
    defaultMessage:
      'skb {n}: alloc {size} bytes ({how, select, more {<code>MSG_MORE</code> without scatter-gather: a whole MTU ({mtu}) of linear room for later sends} linear {linear: <code>fraglen</code> {fraglen}} other {<code>fraglen</code> {fraglen} + {extra} ≥ <code>SKB_MAX_ALLOC</code> ({max}): {alloclen} linear, {pagedlen} in page frags}}; + {extra} for LL headroom), <code>skb_reserve({reserve})</code>, <code>skb_put({put})</code>{gap, select, yes {; <code>fraggap</code> {fraggap}: the previous skb’s last {fraggap} bytes move here and it is trimmed to <code>maxfraglen</code> {maxfraglen}} other {}}{first, select, yes {; the UDP header goes first} other {}}; <code>truesize</code> {truesize}',
    description: 'One skb of the queue allocated by __ip_append_data. how: more, linear or paged.',
  },
  appendCopyLinear: {
    id: 'ip.append.copyLinear',
    defaultMessage:
      'no scatter-gather: {copy} bytes copied into the tail room of skb {n} (<code>skb_put</code>)',
  },
  appendMaxFrags: {
    id: 'ip.append.maxFrags',
    defaultMessage: 'skb {n} already has <code>MAX_SKB_FRAGS</code> page fragments',
  },
  appendCopySg: {
    id: 'ip.append.copySg',
    defaultMessage:
      'scatter-gather: {copy} bytes into a page fragment of skb {n} ({coalesce, select, yes {coalesced with the last frag} other {frag {k}}}), <code>skb->len</code> {len}, <code>data_len</code> {dataLen}',
  },
  // finish-output.ts
  v4Header: {
    id: 'ip.out.v4Header',
    defaultMessage:
      'IPv4 header: <code>ihl</code> {ihl}, protocol {protocol}, DF {df, select, yes {set} other {clear}} ({dfWhy, select, always {pmtudisc {mode} always sets it} fits {the {len}-byte datagram fits the path MTU and pmtudisc WANT/DO} never {pmtudisc {mode} never sets it} other {the {len}-byte datagram is larger than the path MTU {mtu}: sent without DF and fragmented here}}), id {idFrom, select, zero {0 (DF and no local fragmentation allowed: <code>ip_select_ident</code>)} other {from the hashed per-destination counter (<code>__ip_select_ident</code>)}}{opt, select, yes {; options written by <code>ip_options_build</code>} other {}}; <code>skb->ignore_df = {ignoreDf}</code>',
    description: 'mode: the pmtudisc mode in capitals (DO, PROBE, DONT…).',
  },
  udpSendSkb: {
    id: 'ip.out.udpSendSkb',
    defaultMessage:
      'UDP header: len {len}, checksum {csum, select, partial {left to the device (<code>CHECKSUM_PARTIAL</code>)} other {computed in software over all the pieces}}; then <code>ip_send_skb</code>',
  },
  localOut: {
    id: 'ip.out.localOut',
    defaultMessage:
      '<code>tot_len = skb->len = {len}</code>{big, select, yes { (too big for the 16-bit field: written as 0)} other {}}, header checksum; <code>NF_INET_LOCAL_OUT</code> → <code>dst_output</code> → <code>ip_output</code> (<code>POST_ROUTING</code>)',
  },
  fits4: {
    id: 'ip.out.fits4',
    defaultMessage:
      '<code>skb->len</code> {len} ≤ <code>mtu</code> {mtu} (<code>ip_skb_dst_mtu</code>): no fragmentation, straight to <code>ip_finish_output2</code>',
  },
  fitsWhy: { id: 'ip.out.fitsWhy', defaultMessage: 'the datagram fits the MTU ({len} ≤ {mtu})' },
  over4: {
    id: 'ip.out.over4',
    defaultMessage:
      '<code>skb->len</code> {len} > <code>mtu</code> {mtu} (<code>ip_skb_dst_mtu</code>): <code>ip_fragment</code>',
  },
  dfFail4: {
    id: 'ip.out.dfFail4',
    defaultMessage:
      'DF is set and the socket does not allow local fragmentation: <code>FragFails</code>, <code>icmp_send(ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, mtu {mtu})</code>, the skb is freed as a drop, <code>EMSGSIZE</code> (<code>ip_send_skb</code> counts <code>OutDiscards</code>)',
  },
  icmpFragNeeded: { id: 'ip.out.icmpFragNeeded', defaultMessage: 'fragmentation needed, next-hop MTU {mtu}' },
  dfFail4Why: {
    id: 'ip.out.dfFail4Why',
    defaultMessage: 'the datagram ({len} bytes) has DF set and is larger than the MTU {mtu}',
  },
  doFragment: {
    id: 'ip.out.doFragment',
    defaultMessage:
      '{df, select, yes {DF is set but <code>skb->ignore_df</code> allows local fragmentation: <code>ip_do_fragment</code>} other {DF is clear: <code>ip_do_fragment</code>}}',
  },
  v6Header: {
    id: 'ip.out.v6Header',
    defaultMessage:
      'IPv6 header: <code>payload_len</code> {plen}, next header {protocol}; <code>skb->ignore_df = {ignoreDf}</code>',
  },
  udp6SendSkb: {
    id: 'ip.out.udp6SendSkb',
    defaultMessage:
      'UDP header: len {len}, checksum; then <code>ip6_send_skb</code> → <code>ip6_local_out</code>',
  },
  fits6: {
    id: 'ip.out.fits6',
    defaultMessage:
      '<code>skb->len</code> {len} ≤ <code>mtu</code> {mtu}: no fragmentation, <code>ip6_finish_output2</code>',
  },
  over6: {
    id: 'ip.out.over6',
    defaultMessage: '<code>skb->len</code> {len} > <code>mtu</code> {mtu}: <code>ip6_fragment</code>',
  },
  tooBig6: {
    id: 'ip.out.tooBig6',
    defaultMessage:
      'the socket may not fragment: <code>FragFails</code>, <code>icmpv6_send(ICMPV6_PKT_TOOBIG, mtu {mtu})</code>, the skb is freed as a drop, <code>EMSGSIZE</code>',
  },
  icmpTooBig6: { id: 'ip.out.icmpTooBig6', defaultMessage: 'ICMPv6 packet too big, MTU {mtu}' },
  tooBig6Why: {
    id: 'ip.out.tooBig6Why',
    defaultMessage: 'the socket may not fragment and the packet ({len}) is larger than the MTU {mtu}',
  },
  // send-hdrincl.ts
  hdrinclTooLong: {
    id: 'ip.hdrincl.tooLong',
    defaultMessage: 'len {len} is more than an IPv4 packet can carry (0xFFFF)',
  },
  hdrinclOptionsStep: {
    id: 'ip.hdrincl.optionsStep',
    defaultMessage: 'IP options with <code>IP_HDRINCL</code>',
  },
  hdrinclOptions: {
    id: 'ip.hdrincl.options',
    defaultMessage:
      'IP options together with <code>IP_HDRINCL</code> make no sense: Linux does not mangle a header the user wrote',
  },
  hdrinclOverMtuStep: {
    id: 'ip.hdrincl.overMtuStep',
    defaultMessage:
      'length {len} > device MTU {mtu}: <code>ip_local_error</code>, <code>EMSGSIZE</code> (<code>IP_HDRINCL</code> packets are never fragmented)',
  },
  hdrinclOverMtu: {
    id: 'ip.hdrincl.overMtu',
    defaultMessage:
      'the {len}-byte packet is larger than the device MTU {mtu}, and a header the user wrote is never fragmented',
  },
  hdrinclSend: {
    id: 'ip.hdrincl.send',
    defaultMessage: '<code>IP_HDRINCL</code> socket: the {len}-byte buffer already holds an IPv4 header',
  },
  hdrinclCopy: {
    id: 'ip.hdrincl.copy',
    defaultMessage:
      '<code>sock_alloc_send_skb({size})</code>, copy the user’s bytes verbatim; the kernel only fills <code>tot_len</code> ({len}), a zero <code>saddr</code>, a zero <code>id</code>, and the checksum',
  },
  hdrinclLocalOut: {
    id: 'ip.hdrincl.localOut',
    defaultMessage:
      '<code>LOCAL_OUT</code> → <code>dst_output</code> → <code>ip_output</code> → <code>ip_finish_output</code>: {len} ≤ MTU {mtu}, no fragmentation',
  },
  userHeaderSend: {
    id: 'ip.hdrincl.user.send',
    defaultMessage:
      'protocol 255 is <code>IP_HDRINCL</code>{n, plural, one {} other {, sendto() {i} of {n}}}: byte 0x{byte} says version {version}, <code>ihl</code> {ihl}',
  },
  userHeaderShort: {
    id: 'ip.hdrincl.user.short',
    defaultMessage: '{len} bytes, less than a header ({min}): <code>EINVAL</code>',
  },
  userHeaderBadIhl: {
    id: 'ip.hdrincl.user.badIhl',
    defaultMessage:
      '<code>ihl</code> {ihl} is {what, select, long {past the buffer} other {under 5}}: freed, <code>OutDiscards</code>, <code>EINVAL</code>',
  },
  hdrinclAsWritten: {
    id: 'ip.hdrincl.asWritten',
    defaultMessage: '<code>IP_HDRINCL</code> packets go out as written',
  },
  // fragment.ts
  makeSkbChain: {
    id: 'ip.frag.makeSkbChain',
    defaultMessage:
      '{later, plural, =0 {a single skb of {len} bytes: no <code>frag_list</code> needed} one {the # later skb loses its {nhl}-byte header room (<code>__skb_pull</code>) and hangs on the head’s <code>frag_list</code>: one skb of {len} bytes, <code>data_len</code> {dataLen}} other {the # later skbs lose their {nhl}-byte header room (<code>__skb_pull</code>) and hang on the head’s <code>frag_list</code>: one skb of {len} bytes, <code>data_len</code> {dataLen}}}',
  },
  refuseNoList: {
    id: 'ip.frag.refuse.noList',
    defaultMessage: 'the skb has no <code>frag_list</code> (its data is in one buffer)',
  },
  refuseHeadLong: {
    id: 'ip.frag.refuse.headLong',
    defaultMessage: 'the head skb carries {len} data bytes, more than the {mtu} a fragment may',
  },
  refuseHeadOdd: {
    id: 'ip.frag.refuse.headOdd',
    defaultMessage: 'the head skb’s {len} data bytes are not a multiple of 8',
  },
  refuseIsFragment: {
    id: 'ip.frag.refuse.isFragment',
    defaultMessage: 'the packet is itself a fragment (MF or an offset)',
  },
  refuseHeadroom: {
    id: 'ip.frag.refuse.headroom',
    defaultMessage: 'the head skb has {room} bytes of headroom, less than {need}',
  },
  refuseMemberLong: {
    id: 'ip.frag.refuse.memberLong',
    defaultMessage: '<code>frag_list</code> skb {i} carries {len} bytes, more than {mtu}',
  },
  refuseMemberOdd: {
    id: 'ip.frag.refuse.memberOdd',
    defaultMessage: '<code>frag_list</code> skb {i} (not the last) carries {len} bytes, not a multiple of 8',
  },
  refuseMemberHeadroom: {
    id: 'ip.frag.refuse.memberHeadroom',
    defaultMessage:
      '<code>frag_list</code> skb {i} has {room} bytes of headroom, less than {need} for a header',
  },
  fast4: {
    id: 'ip.frag.fast4',
    defaultMessage:
      'fast path: the <code>frag_list</code> built by <code>__ip_make_skb</code> already has fragment geometry (head {first} data bytes, every member ≤ {mtu} and a multiple of 8 but the last, headroom for a header): reuse the skbs, no copying',
  },
  fastPrepare4: {
    id: 'ip.frag.fastPrepare4',
    defaultMessage:
      'each <code>frag_list</code> skb gets the previous fragment’s header pushed in front (<code>skb_push {hlen}</code>), its own <code>tot_len</code> and offset, MF on all but the last; DF is cleared{opt, select, yes {; <code>ip_options_fragment</code> turned the non-copied options into NOPs for fragments 2…} other {}}',
  },
  optionsFragment: {
    id: 'ip.frag.optionsFragment',
    defaultMessage:
      'options without the “copied” bit (RR, TS) become NOPs in fragments 2…{n}: same header length, {hlen} bytes',
  },
  fastWhy: {
    id: 'ip.frag.fastWhy',
    defaultMessage: 'the <code>frag_list</code> skbs already had fragment geometry',
  },
  slow4: {
    id: 'ip.frag.slow4',
    defaultMessage:
      'slow path: {why}; new skbs are allocated and the data copied in pieces of at most {piece} bytes',
  },
  slowNext4: {
    id: 'ip.frag.slowNext4',
    defaultMessage:
      '{n} new skbs (<code>alloc_skb(len + hlen + ll_rs)</code>), each with a copy of the header and its piece of the data{opt, select, yes {; <code>ip_options_fragment</code> NOP-filled the non-copied options after the first} other {}}',
  },
  fast6: {
    id: 'ip.frag.fast6',
    defaultMessage:
      'fast path: the <code>frag_list</code> already has fragment geometry (each piece ≤ {mtu} bytes and a multiple of 8 but the last, 8 bytes of headroom kept for the fragment header): reuse the skbs',
  },
  fastPrepare6: {
    id: 'ip.frag.fastPrepare6',
    defaultMessage:
      'each skb gets the IPv6 header and a fragment header (next header {nexthdr}, offset, M flag, the same identification) pushed in front; <code>payload_len</code> = 8 + its data',
  },
  slow6: {
    id: 'ip.frag.slow6',
    defaultMessage: 'slow path: {why}; new skbs with a copy of the header and up to {piece} data bytes each',
  },
  slowNext6: {
    id: 'ip.frag.slowNext6',
    defaultMessage: '{n, plural, one {# new fragment skb} other {# new fragment skbs}}',
  },
  llOutput: {
    id: 'ip.frag.llOutput',
    defaultMessage:
      '<code>neigh_output</code> → <code>dev_queue_xmit</code> → <code>loopback_xmit</code> (<code>drivers/net/loopback.c</code>): {n, plural, one {each of the # packet gets} other {each of the # packets gets}} its 14-byte Ethernet header pushed into the headroom and leaves',
  },
  chainFreed: {
    id: 'ip.send.chainFreed',
    defaultMessage:
      'the slow path copied everything, so <code>consume_skb</code> frees the original; <code>__kfree_skb</code> passes <code>NOT_SPECIFIED</code> down to the {n, plural, one {# skb} other {# skbs}} on its frag_list, so each shows as a drop',
  },
  ext6Inval: {
    id: 'ip.send.ext6Inval',
    defaultMessage:
      '<code>ip6_find_1stfragopt</code> walks the extension headers (the payload’s first bytes read as protocol {protocol}’s header: {hdrlen} bytes) over the head skb’s {linear} linear bytes and runs past them: <code>EINVAL</code>, <code>FragFails</code>, the datagram freed',
  },
  ext6Hlen: {
    id: 'ip.send.ext6Hlen',
    defaultMessage:
      '<code>ip6_find_1stfragopt</code>: the payload’s first bytes read as protocol {protocol}’s extension header ({hdrlen} bytes), which every fragment must carry: {hlen} bytes stay in front of the fragment header',
  },
});

/**
 * Whole sentences (validate.ts's issues) one after another, as one message: a balanced tree of
 * pairs, so a dozen issues nest four deep, well inside what formatMsg renders (MAX_DEPTH).
 */
export function sentencesMsg(issues: readonly { msg: Msg }[]): Msg {
  const join = (from: number, to: number): Msg => {
    if (to - from === 1) return issues[from]!.msg;
    const mid = (from + to) >> 1;
    return msg(M.sentences, { first: join(from, mid), rest: join(mid, to) });
  };
  return issues.length ? join(0, issues.length) : msg(M.sentences, { first: '', rest: '' });
}
