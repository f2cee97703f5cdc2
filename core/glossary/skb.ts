/**
 * The socket buffer and the memory it costs: the words of the sk_buff lab and the Journey.
 * Each entry: the key as shown (never translated), a plain message for a first-year student, the
 * kernel detail, and where it lives in the kernel. The Chinese is in core/i18n/locales/zh-CN.json.
 */
import { defineMessages, msg } from '../i18n/index.ts';
import type { GlossaryEntry } from './types.ts';

const M = defineMessages({
  sk_buff_plain: {
    id: 'glossary.sk_buff.plain',
    defaultMessage:
      'The socket buffer: the kernel’s container for one packet on its way through the network stack. It holds pointers into a block of memory where headers are added in front and data is added at the back, so no layer has to copy the packet.',
    description: 'Glossary plain of sk_buff.',
  },
  sk_buff_detail: {
    id: 'glossary.sk_buff.detail',
    defaultMessage:
      '<code>struct sk_buff</code> in <code>include/linux/skbuff.h</code>; allocated by <code>alloc_skb</code> / <code>sock_alloc_send_skb</code>. Its <code>head</code>, <code>data</code>, <code>tail</code>, <code>end</code> bound the linear buffer, <code>len</code> and <code>data_len</code> count the bytes, and <code>skb_shared_info</code> at <code>end</code> holds page fragments and the <code>frag_list</code>.',
    description: 'Glossary detail of sk_buff.',
  },
  skb_shared_info_plain: {
    id: 'glossary.skb_shared_info.plain',
    defaultMessage:
      'A small block stored right after the end of an <code>sk_buff</code>’s data area. It lists the extra pieces of the packet that are not in the main buffer: memory pages and a chain of further <code>sk_buff</code> structures.',
    description: 'Glossary plain of skb_shared_info.',
  },
  skb_shared_info_detail: {
    id: 'glossary.skb_shared_info.detail',
    defaultMessage:
      '<code>skb_shinfo(skb)</code> points at <code>skb->end</code>. It holds <code>nr_frags</code> and <code>frags[]</code> (page fragments, at most <code>MAX_SKB_FRAGS</code>, 17 by default), <code>frag_list</code>, and the GSO fields (<code>gso_size</code>, <code>gso_segs</code>). Its size, cache-aligned, is part of every skb’s <code>truesize</code>.',
    description: 'Glossary detail of skb_shared_info.',
  },
  head_plain: {
    id: 'glossary.head.plain',
    defaultMessage:
      'The start of the memory block an <code>sk_buff</code> owns. It never moves; the space between <code>head</code> and <code>data</code> is the headroom, kept free for headers added later.',
    description: 'Glossary plain of head.',
  },
  head_detail: {
    id: 'glossary.head.detail',
    defaultMessage:
      '<code>skb->head</code> is set by <code>__alloc_skb</code>. The order is always <code>head ≤ data ≤ tail ≤ end</code>; <code>skb_push</code> below <code>head</code> is a bug (<code>skb_under_panic</code>).',
    description: 'Glossary detail of head.',
  },
  data_plain: {
    id: 'glossary.data.plain',
    defaultMessage:
      'Where the packet starts right now. Each layer that adds a header moves <code>data</code> back (push); each layer that reads one moves it forward (pull).',
    description: 'Glossary plain of data.',
  },
  data_detail: {
    id: 'glossary.data.detail',
    defaultMessage:
      '<code>skb_push(skb, n)</code>: <code>data -= n</code>, <code>len += n</code>. <code>skb_pull(skb, n)</code>: <code>data += n</code>, <code>len -= n</code>. <code>skb_reserve(skb, n)</code> on an empty skb moves <code>data</code> and <code>tail</code> together to make headroom.',
    description: 'Glossary detail of data.',
  },
  tail_plain: {
    id: 'glossary.tail.plain',
    defaultMessage:
      'Where the packet’s bytes in the main buffer stop. Adding data at the back (put) moves <code>tail</code> forward; the free space from <code>tail</code> to <code>end</code> is the tailroom.',
    description: 'Glossary plain of tail.',
  },
  tail_detail: {
    id: 'glossary.tail.detail',
    defaultMessage:
      '<code>skb_put(skb, n)</code> returns the old tail and does <code>tail += n</code>, <code>len += n</code>; past <code>end</code> it is a bug (<code>skb_over_panic</code>). On 64-bit builds <code>tail</code> is stored as an offset from <code>head</code>.',
    description: 'Glossary detail of tail.',
  },
  end_plain: {
    id: 'glossary.end.plain',
    defaultMessage:
      'The end of the <code>sk_buff</code>’s main buffer. Nothing can be added beyond it; right after it sits the shared info block.',
    description: 'Glossary plain of end.',
  },
  end_detail: {
    id: 'glossary.end.detail',
    defaultMessage:
      '<code>skb_end_pointer(skb)</code>; set when the buffer is allocated and fixed afterwards. <code>skb_tailroom</code> is <code>end - tail</code> for a linear skb; <code>skb_shinfo(skb)</code> is the <code>struct skb_shared_info</code> stored at <code>end</code>.',
    description: 'Glossary detail of end.',
  },
  headroom_name: {
    id: 'glossary.headroom.name',
    defaultMessage: 'headroom',
    description: 'Glossary name of headroom.',
  },
  headroom_plain: {
    id: 'glossary.headroom.plain',
    defaultMessage:
      'The free space in front of the packet in its buffer. The kernel reserves it up front so that lower layers (IP, then Ethernet) can put their headers in front without copying the packet.',
    description: 'Glossary plain of headroom.',
  },
  headroom_detail: {
    id: 'glossary.headroom.detail',
    defaultMessage:
      '<code>skb_headroom(skb) = skb->data - skb->head</code>. <code>__ip_append_data</code> reserves <code>hh_len</code> (16 on Ethernet and loopback) with <code>skb_reserve</code>; <code>skb_push</code> uses it up. Too little headroom means <code>skb_realloc_headroom</code> and a copy.',
    description: 'Glossary detail of headroom.',
  },
  tailroom_name: {
    id: 'glossary.tailroom.name',
    defaultMessage: 'tailroom',
    description: 'Glossary name of tailroom.',
  },
  tailroom_plain: {
    id: 'glossary.tailroom.plain',
    defaultMessage:
      'The free space after the packet in its buffer. More data can still be appended there without allocating a new buffer.',
    description: 'Glossary plain of tailroom.',
  },
  tailroom_detail: {
    id: 'glossary.tailroom.detail',
    defaultMessage:
      '<code>skb_tailroom(skb)</code> is <code>end - tail</code>, or 0 for a non-linear skb (<code>data_len != 0</code>). <code>skb_put</code> consumes it; <code>__ip_append_data</code> appends into it on a device without scatter-gather.',
    description: 'Glossary detail of tailroom.',
  },
  len_plain: {
    id: 'glossary.len.plain',
    defaultMessage:
      'How many bytes of packet the <code>sk_buff</code> holds in total. It counts them wherever they are: in the main buffer, in extra pages, or in chained buffers.',
    description: 'Glossary plain of len.',
  },
  len_detail: {
    id: 'glossary.len.detail',
    defaultMessage:
      '<code>skb->len</code> grows with <code>skb_put</code> and <code>skb_push</code> and shrinks with <code>skb_pull</code>. The linear part is <code>skb_headlen(skb) = len - data_len</code>. When it reaches IP output, <code>__ip_local_out</code> writes it into <code>iph->tot_len</code>.',
    description: 'Glossary detail of len.',
  },
  data_len_plain: {
    id: 'glossary.data_len.plain',
    defaultMessage:
      'The part of the packet’s bytes that is not in the main buffer: in page fragments or in further <code>sk_buff</code> structures chained to it. Zero means the whole packet sits in one piece of memory.',
    description: 'Glossary plain of data_len.',
  },
  data_len_detail: {
    id: 'glossary.data_len.detail',
    defaultMessage:
      '<code>skb_is_nonlinear(skb)</code> is <code>data_len != 0</code>. <code>__ip_make_skb</code> adds each chained skb’s length to the head’s <code>len</code> and <code>data_len</code>; page fragments added on a scatter-gather device count here too.',
    description: 'Glossary detail of data_len.',
  },
  truesize_plain: {
    id: 'glossary.truesize.plain',
    defaultMessage:
      'What an <code>sk_buff</code> really costs in memory: the data area plus the bookkeeping structures around it. Socket buffer limits count this, not the packet’s length, so many small packets fill a buffer faster than their bytes suggest.',
    description: 'Glossary plain of truesize.',
  },
  truesize_detail: {
    id: 'glossary.truesize.detail',
    defaultMessage:
      '<code>SKB_TRUESIZE(x) = x + SKB_DATA_ALIGN(sizeof(struct sk_buff)) + SKB_DATA_ALIGN(sizeof(struct skb_shared_info))</code>; <code>skb->truesize</code> also grows with page fragments and chained skbs. It is charged to <code>sk_wmem_alloc</code> on send and <code>sk_rmem_alloc</code> on receive, and to the fragment memory while reassembling.',
    description: 'Glossary detail of truesize.',
  },
  hh_len_plain: {
    id: 'glossary.hh_len.plain',
    defaultMessage:
      'The room the kernel keeps in front of an IP packet for the link-layer header (Ethernet’s 14 bytes), rounded up to 16. It is reserved when the buffer is made, so the Ethernet header can be added later without copying.',
    description: 'Glossary plain of hh_len.',
  },
  hh_len_detail: {
    id: 'glossary.hh_len.detail',
    defaultMessage:
      '<code>hh_len = LL_RESERVED_SPACE(rt->dst.dev)</code> = <code>((hard_header_len + needed_headroom) &amp; ~(HH_DATA_MOD - 1)) + HH_DATA_MOD</code>, with <code>HH_DATA_MOD</code> 16: 16 for Ethernet and loopback. <code>__ip_append_data</code> allocates <code>fraglen + hh_len + 15</code> and does <code>skb_reserve(skb, hh_len)</code>.',
    description: 'Glossary detail of hh_len.',
  },
  nr_frags_plain: {
    id: 'glossary.nr_frags.plain',
    defaultMessage:
      'How many memory pages hold extra bytes of this packet. Instead of copying everything into one buffer, the kernel can point at pieces of pages; each piece is one <code>frag</code>.',
    description: 'Glossary plain of nr_frags.',
  },
  nr_frags_detail: {
    id: 'glossary.nr_frags.detail',
    defaultMessage:
      '<code>skb_shinfo(skb)->nr_frags</code> counts the entries of <code>frags[]</code>, at most <code>MAX_SKB_FRAGS</code> (<code>CONFIG_MAX_SKB_FRAGS</code>, 17 by default). <code>__ip_append_data</code> fills them via <code>sk_page_frag_refill</code> on a scatter-gather device, and returns <code>EMSGSIZE</code> when they run out.',
    description: 'Glossary detail of nr_frags.',
  },
  frag_list_plain: {
    id: 'glossary.frag_list.plain',
    defaultMessage:
      'A chain of further <code>sk_buff</code> structures hanging off the first <code>sk_buff</code>, together forming one packet. The sender builds a datagram’s fragments this way before sending, and the receiver joins reassembled fragments the same way.',
    description: 'Glossary plain of frag_list.',
  },
  frag_list_detail: {
    id: 'glossary.frag_list.detail',
    defaultMessage:
      '<code>skb_shinfo(skb)->frag_list</code>. <code>__ip_make_skb</code> chains the queued skbs onto the first one’s <code>frag_list</code>; <code>ip_do_fragment</code> takes its fast path when that geometry already fits, turning each list member into a fragment. <code>inet_frag_reasm_finish</code> builds one on receive.',
    description: 'Glossary detail of frag_list.',
  },
  NETIF_F_SG_name: {
    id: 'glossary.NETIF_F_SG.name',
    defaultMessage: 'scatter-gather',
    description: 'Glossary name of NETIF_F_SG.',
  },
  NETIF_F_SG_plain: {
    id: 'glossary.NETIF_F_SG.plain',
    defaultMessage:
      'A network card feature: it can send one packet whose bytes sit in several separate places in memory, gathering them as it transmits. The kernel then needs fewer copies.',
    description: 'Glossary plain of NETIF_F_SG.',
  },
  NETIF_F_SG_detail: {
    id: 'glossary.NETIF_F_SG.detail',
    defaultMessage:
      '<code>NETIF_F_SG</code> in <code>dev->features</code> (loopback has it). With it, <code>__ip_append_data</code> appends to an existing skb as page fragments (<code>nr_frags</code>); without it, data goes into the linear area, and a <code>MSG_MORE</code> skb is allocated at <code>mtu</code> size to leave tailroom.',
    description: 'Glossary detail of NETIF_F_SG.',
  },
  iovec_plain: {
    id: 'glossary.iovec.plain',
    defaultMessage:
      'A pointer and a length describing one piece of the caller’s memory. A send can pass several of them at once, and the kernel reads the data from all the pieces in order as if they were one.',
    description: 'Glossary plain of iovec.',
  },
  iovec_detail: {
    id: 'glossary.iovec.detail',
    defaultMessage:
      '<code>struct iovec</code> (<code>iov_base</code>, <code>iov_len</code>), passed in <code>msg_iov</code> of a <code>msghdr</code> (at most <code>UIO_MAXIOV</code>, 1,024). Inside the kernel they become an <code>iov_iter</code> in <code>msg->msg_iter</code>, which <code>ip_generic_getfrag</code> copies from.',
    description: 'Glossary detail of iovec.',
  },
  sk_sndbuf_plain: {
    id: 'glossary.sk_sndbuf.plain',
    defaultMessage:
      'The send buffer limit: how much memory a socket may have in flight for sending at once. When it is used up, a send waits or fails until the data already queued has left.',
    description: 'Glossary plain of sk_sndbuf.',
  },
  sk_sndbuf_detail: {
    id: 'glossary.sk_sndbuf.detail',
    defaultMessage:
      '<code>sk->sk_sndbuf</code>, set by <code>SO_SNDBUF</code> (the kernel stores twice the value asked, capped by <code>wmem_max</code>), default <code>net.core.wmem_default</code>. It is compared with <code>sk_wmem_alloc</code>, the sum of the <code>truesize</code> of skbs not yet freed; later fragments may go up to <code>2 * sk_sndbuf</code> before <code>ENOBUFS</code>.',
    description: 'Glossary detail of sk_sndbuf.',
  },
  sk_rcvbuf_plain: {
    id: 'glossary.sk_rcvbuf.plain',
    defaultMessage:
      'The receive buffer limit: how much memory a socket may hold in datagrams that arrived but were not read yet. When the application reads too slowly and the limit is reached, new datagrams are dropped.',
    description: 'Glossary plain of sk_rcvbuf.',
  },
  sk_rcvbuf_detail: {
    id: 'glossary.sk_rcvbuf.detail',
    defaultMessage:
      '<code>sk->sk_rcvbuf</code>, set by <code>SO_RCVBUF</code> (doubled, capped by <code>rmem_max</code>), default <code>net.core.rmem_default</code>. <code>__udp_enqueue_schedule_skb</code> compares it with <code>sk_rmem_alloc</code> plus the new skb’s <code>truesize</code>, and drops with <code>SKB_DROP_REASON_SOCKET_RCVBUFF</code> (counter <code>RcvbufErrors</code>).',
    description: 'Glossary detail of sk_rcvbuf.',
  },
  sk_rmem_alloc_plain: {
    id: 'glossary.sk_rmem_alloc.plain',
    defaultMessage:
      'How much memory the datagrams waiting in a socket’s receive queue use right now. It rises when a datagram is queued and falls when the application reads it.',
    description: 'Glossary plain of sk_rmem_alloc.',
  },
  sk_rmem_alloc_detail: {
    id: 'glossary.sk_rmem_alloc.detail',
    defaultMessage:
      '<code>sk->sk_backlog.rmem_alloc</code>, read through <code>sk_rmem_alloc_get</code>: the sum of the queued skbs’ <code>truesize</code>, charged when an skb is queued (<code>skb_set_owner_r</code>; UDP adds it itself in <code>__udp_enqueue_schedule_skb</code>) and released when <code>recvmsg</code> frees it. <code>ss -m</code> shows it as <code>r</code>.',
    description: 'Glossary detail of sk_rmem_alloc.',
  },
});

export const SKB_TERMS: readonly GlossaryEntry[] = [
  {
    key: 'sk_buff',
    plain: msg(M.sk_buff_plain),
    detail: msg(M.sk_buff_detail),
    file: 'include/linux/skbuff.h',
    ident: 'sk_buff',
    related: ['head', 'data', 'len', 'skb_shared_info', 'truesize'],
    match: ['sk_buff', 'skb', 'sk_buffs', 'skbs'],
  },
  {
    key: 'skb_shared_info',
    plain: msg(M.skb_shared_info_plain),
    detail: msg(M.skb_shared_info_detail),
    file: 'include/linux/skbuff.h',
    ident: 'skb_shared_info',
    related: ['sk_buff', 'nr_frags', 'frag_list', 'end', 'truesize'],
    match: ['skb_shared_info', 'skb_shinfo', 'shinfo'],
  },
  {
    key: 'head',
    plain: msg(M.head_plain),
    detail: msg(M.head_detail),
    file: 'include/linux/skbuff.h',
    ident: 'skb_headroom',
    related: ['data', 'tail', 'end', 'headroom'],
    match: ['skb->head'],
  },
  {
    key: 'data',
    plain: msg(M.data_plain),
    detail: msg(M.data_detail),
    file: 'include/linux/skbuff.h',
    ident: 'skb_push',
    related: ['head', 'tail', 'headroom', 'len'],
    match: ['skb->data'],
  },
  {
    key: 'tail',
    plain: msg(M.tail_plain),
    detail: msg(M.tail_detail),
    file: 'include/linux/skbuff.h',
    ident: 'skb_put',
    related: ['data', 'end', 'tailroom'],
    match: ['skb->tail'],
  },
  {
    key: 'end',
    plain: msg(M.end_plain),
    detail: msg(M.end_detail),
    file: 'include/linux/skbuff.h',
    ident: 'skb_end_pointer',
    related: ['tail', 'tailroom', 'skb_shared_info'],
    match: ['skb->end'],
  },
  {
    key: 'headroom',
    name: msg(M.headroom_name),
    plain: msg(M.headroom_plain),
    detail: msg(M.headroom_detail),
    file: 'include/linux/skbuff.h',
    ident: 'skb_headroom',
    related: ['head', 'data', 'hh_len', 'tailroom'],
    match: ['headroom', 'skb_headroom', '头部空间'],
  },
  {
    key: 'tailroom',
    name: msg(M.tailroom_name),
    plain: msg(M.tailroom_plain),
    detail: msg(M.tailroom_detail),
    file: 'include/linux/skbuff.h',
    ident: 'skb_tailroom',
    related: ['tail', 'end', 'headroom'],
    match: ['tailroom', 'skb_tailroom', '尾部空间'],
  },
  {
    key: 'len',
    plain: msg(M.len_plain),
    detail: msg(M.len_detail),
    file: 'include/linux/skbuff.h',
    ident: 'skb_headlen',
    related: ['data_len', 'data', 'frag_list'],
    match: ['len', 'skb->len'],
  },
  {
    key: 'data_len',
    plain: msg(M.data_len_plain),
    detail: msg(M.data_len_detail),
    file: 'include/linux/skbuff.h',
    ident: 'skb_is_nonlinear',
    related: ['len', 'nr_frags', 'frag_list'],
    match: ['data_len', 'skb->data_len'],
  },
  {
    key: 'truesize',
    plain: msg(M.truesize_plain),
    detail: msg(M.truesize_detail),
    file: 'include/linux/skbuff.h',
    ident: 'SKB_TRUESIZE',
    related: ['sk_rmem_alloc', 'sk_sndbuf', 'sk_rcvbuf', 'skb_shared_info'],
    match: ['truesize', 'skb->truesize', 'SKB_TRUESIZE'],
  },
  {
    key: 'hh_len',
    plain: msg(M.hh_len_plain),
    detail: msg(M.hh_len_detail),
    file: 'include/linux/netdevice.h',
    ident: 'LL_RESERVED_SPACE',
    related: ['headroom', 'head', 'loopback'],
    match: ['hh_len', 'LL_RESERVED_SPACE'],
  },
  {
    key: 'nr_frags',
    plain: msg(M.nr_frags_plain),
    detail: msg(M.nr_frags_detail),
    file: 'include/linux/skbuff.h',
    ident: 'skb_shared_info',
    related: ['skb_shared_info', 'NETIF_F_SG', 'data_len', 'frag_list'],
    match: ['nr_frags', 'MAX_SKB_FRAGS', 'page fragment', 'page fragments'],
  },
  {
    key: 'frag_list',
    plain: msg(M.frag_list_plain),
    detail: msg(M.frag_list_detail),
    file: 'include/linux/skbuff.h',
    ident: 'skb_shared_info',
    related: ['skb_shared_info', 'fragment', 'data_len', 'ipq'],
    match: ['frag_list'],
  },
  {
    key: 'NETIF_F_SG',
    name: msg(M.NETIF_F_SG_name),
    plain: msg(M.NETIF_F_SG_plain),
    detail: msg(M.NETIF_F_SG_detail),
    file: 'include/linux/netdev_features.h',
    ident: 'NETIF_F_SG',
    related: ['nr_frags', 'iovec', 'MSG_MORE'],
    match: ['NETIF_F_SG', 'scatter-gather', 'scatter/gather', '分散/聚集'],
  },
  {
    key: 'iovec',
    plain: msg(M.iovec_plain),
    detail: msg(M.iovec_detail),
    file: 'include/uapi/linux/uio.h',
    ident: 'iovec',
    related: ['msghdr', 'NETIF_F_SG'],
    match: ['iovec', 'iov', 'msg_iov', 'iov_iter'],
  },
  {
    key: 'sk_sndbuf',
    plain: msg(M.sk_sndbuf_plain),
    detail: msg(M.sk_sndbuf_detail),
    file: 'include/net/sock.h',
    ident: 'sock',
    related: ['truesize', 'ENOBUFS', 'sk_rcvbuf'],
    match: ['sk_sndbuf', 'SO_SNDBUF', 'sk_wmem_alloc', 'wmem_default'],
  },
  {
    key: 'sk_rcvbuf',
    plain: msg(M.sk_rcvbuf_plain),
    detail: msg(M.sk_rcvbuf_detail),
    file: 'include/net/sock.h',
    ident: 'sock',
    related: ['sk_rmem_alloc', 'truesize', 'skb_drop_reason'],
    match: ['sk_rcvbuf', 'SO_RCVBUF', 'rmem_default'],
  },
  {
    key: 'sk_rmem_alloc',
    plain: msg(M.sk_rmem_alloc_plain),
    detail: msg(M.sk_rmem_alloc_detail),
    file: 'include/net/sock.h',
    ident: 'sock',
    related: ['sk_rcvbuf', 'truesize'],
    match: ['sk_rmem_alloc', 'rmem_alloc'],
  },
];
