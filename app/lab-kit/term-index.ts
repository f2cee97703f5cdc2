/**
 * What the page must know of the glossary before any popover opens (issue 17): which keys have an
 * entry (a `<Term>` is a button, or plain text), which have a name in words (`fragment` → 分片,
 * shown in a lab's text from the base catalog part), and the identifiers that name an entry
 * (`skb->data` → `data`, for a message's `<code>` spans). The entries themselves (explanations'
 * ids, source files, related keys: core/glossary) are a chunk of their own, fetched with the
 * glossary's catalog part when a term is first pointed at or opened (Term.tsx), so no lab carries
 * every lab's entries.
 *
 * Kept equal to core/glossary by term-index.test.ts (it says what to change).
 * Each row: the key, 1 when it has a name, then the identifiers its `match` lists besides the key.
 */
import { msg } from '../../core/i18n/index.ts';
import type { Msg } from '../../core/i18n/index.ts';
import { glossarySlug } from '../../core/glossary/slug.ts';

export const TERM_INDEX: readonly (readonly [key: string, named: 0 | 1, ...idents: string[]])[] = [
  ['MTU', 0],
  ['PMTU', 1, 'path MTU', 'path MTU discovery', 'PMTU discovery', 'IP_MTU_DISCOVER'],
  ['fragment', 1],
  ['fragsize', 0, 'cork->fragsize'],
  ['fragheaderlen', 0],
  ['maxfraglen', 0],
  ['maxnonfragsize', 0],
  ['dataPerFragment', 0],
  ['MF', 0, 'IP_MF', 'More Fragments'],
  ['DF', 0, 'IP_DF', "Don't Fragment"],
  ['frag_off', 1, 'IP_OFFSET'],
  ['id', 1, 'IP id', 'IP ID', 'iph->id', 'IP identification'],
  ['IHL', 0],
  ['ip_options', 1, 'IP options', 'IP option', 'IPOPT_COPY'],
  ['IP_HDRINCL', 0, 'HDRINCL'],
  ['MSG_MORE', 0],
  ['cork', 0, 'UDP_CORK', 'inet_cork'],
  ['ICMP_FRAG_NEEDED', 0, 'ICMP frag needed', 'Packet Too Big'],
  ['EMSGSIZE', 0],
  ['ENOBUFS', 0],
  ['errno', 0],
  ['loopback', 1],
  ['netns', 1],
  ['sk_buff', 0, 'sk_buffs'],
  ['skb_shared_info', 0, 'skb_shinfo'],
  ['head', 0, 'skb->head'],
  ['data', 0, 'skb->data'],
  ['tail', 0, 'skb->tail'],
  ['end', 0, 'skb->end'],
  ['headroom', 1, 'skb_headroom'],
  ['tailroom', 1, 'skb_tailroom'],
  ['len', 0, 'skb->len'],
  ['data_len', 0, 'skb->data_len'],
  ['truesize', 0, 'skb->truesize', 'SKB_TRUESIZE'],
  ['hh_len', 0, 'LL_RESERVED_SPACE'],
  ['nr_frags', 0, 'MAX_SKB_FRAGS'],
  ['frag_list', 0],
  ['NETIF_F_SG', 1],
  ['iovec', 0, 'msg_iov', 'iov_iter'],
  ['sk_sndbuf', 0, 'SO_SNDBUF', 'sk_wmem_alloc', 'wmem_default'],
  ['sk_rcvbuf', 0, 'SO_RCVBUF', 'rmem_default'],
  ['sk_rmem_alloc', 0, 'rmem_alloc'],
  ['ipq', 1, 'frag_queue', 'inet_frag_queue'],
  ['FIRST_IN', 0, 'INET_FRAG_FIRST_IN'],
  ['LAST_IN', 0, 'INET_FRAG_LAST_IN'],
  ['meat', 0, 'q->meat'],
  ['holes', 1],
  ['runs', 1],
  ['overlap', 1, 'IPFRAG_OVERLAP', 'ReasmOverlaps'],
  ['duplicate', 1, 'IPFRAG_DUP'],
  ['ipfrag_time', 0, 'ip6frag_time', 'IP_FRAG_TIME'],
  ['ipfrag_high_thresh', 0, 'ipfrag_low_thresh', 'high_thresh', 'ip6frag_high_thresh'],
  ['ipfrag_max_dist', 0, 'max_dist', 'ip_frag_too_far'],
  ['skb_drop_reason', 1, 'kfree_skb_reason'],
  [
    'nstat',
    1,
    'SNMP counter',
    'SNMP counters',
    'SNMP',
    'ReasmFails',
    'ReasmOKs',
    'ReasmReqds',
    'FragOKs',
    'FragCreates',
    'FragFails',
  ],
  ['netlink', 0, 'Netlink', 'AF_NETLINK'],
  ['nlmsghdr', 0],
  ['nlmsg_len', 0, 'NLMSG_LENGTH', 'NLMSG_SPACE'],
  ['nlmsg_type', 0, 'NLMSG_MIN_TYPE'],
  ['nlmsg_flags', 0],
  ['NLM_F_REQUEST', 0],
  ['NLM_F_ACK', 0],
  ['NLM_F_DUMP', 0, 'NLM_F_ROOT', 'NLM_F_MATCH'],
  ['NLM_F_MULTI', 0],
  ['NLMSG_DONE', 0],
  ['NLMSG_ERROR', 0],
  ['nlattr', 0, 'nla_len', 'nla_type', 'TLV'],
  ['rtattr', 0, 'rta_len', 'rta_type', 'RTA_ALIGN'],
  ['NLA_ALIGN', 0, 'NLMSG_ALIGN', 'NLA_ALIGNTO', 'NLMSG_ALIGNTO'],
  ['padding', 1],
  ['NLA_F_NESTED', 0, 'NLA_TYPE_MASK'],
  ['nested', 1],
  ['NETLINK_EXT_ACK', 1, 'NLMSGERR_ATTR_MSG', 'NLM_F_ACK_TLVS'],
  ['rtnetlink', 0, 'NETLINK_ROUTE', 'RTM_NEWLINK', 'RTM_GETLINK'],
  ['genetlink', 1, 'Generic Netlink', 'NETLINK_GENERIC'],
  ['ifinfomsg', 0],
  ['msghdr', 0, 'user_msghdr'],
  ['cmsghdr', 0, 'CMSG_SPACE', 'CMSG_LEN', 'CMSG_ALIGN'],
  ['MSG_TRUNC', 0],
  ['socket()', 0, '__sys_socket', 'sys_socket', '__sock_create'],
  ['domain/type/protocol', 1],
  ['proto_ops', 0, 'sock->ops', 'inet_dgram_ops', 'inet_stream_ops', 'inet_sockraw_ops'],
  ['proto', 0, 'sk_prot', 'sk->sk_prot', 'udp_prot', 'tcp_prot', 'raw_prot', 'ping_prot'],
  ['inetsw', 0, 'inetsw_array', 'inet_protosw', 'inet_register_protosw'],
  ['net_proto_family', 0, 'net_families', 'inet_family_ops', 'pf->create'],
  ['struct sock', 0, 'sk_alloc', 'inet_sock'],
  ['struct socket', 0, 'sock_alloc'],
  ['SOCK_STREAM', 0],
  ['SOCK_DGRAM', 0],
  ['SOCK_RAW', 0],
  ['IPPROTO_*', 0],
];

const NAMED: ReadonlyMap<string, boolean> = new Map(TERM_INDEX.map(([k, named]) => [k, named === 1]));

/** Identifiers that name an entry: its key, and the identifiers its `match` lists (the first entry wins). */
const BY_IDENT: ReadonlyMap<string, string> = new Map(
  TERM_INDEX.flatMap(([key, , ...idents]) => [key, ...idents].map((m) => [m, key] as const)).reverse(),
);

/** Whether the glossary has an entry for `key` (exactly as shown). */
export const hasTerm = (key: string): boolean => NAMED.has(key);

/** The glossary key a `<code>` span's text names, if any. */
export function termKeyOf(text: string): string | undefined {
  return NAMED.has(text) ? text : BY_IDENT.get(text);
}

/** A term's name in words (its `glossary.<slug>.name` message), for the keys that have one. */
export function termName(key: string): Msg | undefined {
  return NAMED.get(key) ? msg({ id: `glossary.${glossarySlug(key)}.name` }) : undefined;
}
