/**
 * Reassembly: the words of the Reassembly lab (ip_defrag and its queue).
 * Each entry: the key as shown (never translated), a plain message for a first-year student, the
 * kernel detail, and where it lives in the kernel. The Chinese is in core/i18n/locales/zh-CN.json.
 */
import { defineMessages, msg } from '../i18n/index.ts';
import type { GlossaryEntry } from './types.ts';

const M = defineMessages({
  ipq_name: {
    id: 'glossary.ipq.name',
    defaultMessage: 'reassembly queue',
    description: 'Glossary name of ipq.',
  },
  ipq_plain: {
    id: 'glossary.ipq.plain',
    defaultMessage:
      'Where the receiver collects the fragments of one datagram until it has them all. There is one queue per datagram, found by the sender, receiver, IP id and protocol; when the pieces are complete the datagram is rebuilt and passed up.',
    description: 'Glossary plain of ipq.',
  },
  ipq_detail: {
    id: 'glossary.ipq.detail',
    defaultMessage:
      '<code>struct ipq</code> wraps <code>struct inet_frag_queue</code> (<code>include/net/inet_frag.h</code>): a red-black tree of fragment runs, <code>len</code> (the datagram length once known), <code>meat</code> (bytes received), <code>flags</code> and a timer. <code>ip_defrag</code> finds or creates it (<code>inet_frag_find</code>, an rhashtable) and <code>ip_frag_queue</code> inserts.',
    description: 'Glossary detail of ipq.',
  },
  FIRST_IN_plain: {
    id: 'glossary.FIRST_IN.plain',
    defaultMessage:
      'A mark on the reassembly queue meaning "the first fragment (offset 0) has arrived". Reassembly can only finish once both the first and the last fragment are in.',
    description: 'Glossary plain of FIRST_IN.',
  },
  FIRST_IN_detail: {
    id: 'glossary.FIRST_IN.detail',
    defaultMessage:
      '<code>INET_FRAG_FIRST_IN</code> in <code>q->flags</code>, set by <code>ip_frag_queue</code> when <code>offset == 0</code>. <code>ip_expire</code> sends an ICMP time exceeded only if it is set, because only the first fragment carries the transport header to quote.',
    description: 'Glossary detail of FIRST_IN.',
  },
  LAST_IN_plain: {
    id: 'glossary.LAST_IN.plain',
    defaultMessage:
      'A mark on the reassembly queue meaning "the last fragment (the one without <code>MF</code>) has arrived". From it the receiver learns how long the whole datagram is.',
    description: 'Glossary plain of LAST_IN.',
  },
  LAST_IN_detail: {
    id: 'glossary.LAST_IN.detail',
    defaultMessage:
      '<code>INET_FRAG_LAST_IN</code>, set by <code>ip_frag_queue</code> for a fragment without <code>IP_MF</code>, which fixes <code>q->len = end</code>. A second last fragment with another end, or any fragment ending beyond <code>q->len</code>, discards the queue. Complete means <code>FIRST_IN | LAST_IN</code> and <code>meat == len</code>.',
    description: 'Glossary detail of LAST_IN.',
  },
  holes_name: { id: 'glossary.holes.name', defaultMessage: 'holes', description: 'Glossary name of holes.' },
  holes_plain: {
    id: 'glossary.holes.plain',
    defaultMessage:
      'The byte ranges of a datagram that no fragment has filled yet. While there is a hole the datagram cannot be rebuilt; a hole that never fills means the queue times out.',
    description: 'Glossary plain of holes.',
  },
  holes_detail: {
    id: 'glossary.holes.detail',
    defaultMessage:
      'The kernel does not list holes: it keeps the received ranges as runs in <code>q->rb_fragments</code> and counts <code>q->meat</code>. The datagram is complete when <code>meat == len</code> with both ends in; sockscope draws the gaps between runs as holes.',
    description: 'Glossary detail of holes.',
  },
  runs_name: { id: 'glossary.runs.name', defaultMessage: 'runs', description: 'Glossary name of runs.' },
  runs_plain: {
    id: 'glossary.runs.plain',
    defaultMessage:
      'A run is a stretch of fragments that arrived one right after the other with no gap between them. The receiver keeps runs instead of single fragments, which makes checking a new fragment quick.',
    description: 'Glossary plain of runs.',
  },
  runs_detail: {
    id: 'glossary.runs.detail',
    defaultMessage:
      '<code>inet_frag_queue_insert</code>: a fragment starting exactly where the last one ends is appended to the last run (<code>fragrun_append_to_last</code>); any other position starts a new run (<code>fragrun_create</code>), a node of the red-black tree <code>q->rb_fragments</code>. The tree is searched by run, for overlaps and duplicates.',
    description: 'Glossary detail of runs.',
  },
  overlap_name: {
    id: 'glossary.overlap.name',
    defaultMessage: 'overlap',
    description: 'Glossary name of overlap.',
  },
  overlap_plain: {
    id: 'glossary.overlap.plain',
    defaultMessage:
      'Two fragments overlap when they claim some of the same bytes but not exactly the same range. Linux treats that as an attack or a broken sender and throws away the whole datagram.',
    description: 'Glossary plain of overlap.',
  },
  overlap_detail: {
    id: 'glossary.overlap.detail',
    defaultMessage:
      '<code>inet_frag_queue_insert</code> returns <code>IPFRAG_OVERLAP</code> for a partial overlap with a run; <code>ip_frag_queue</code> then counts <code>IPSTATS_MIB_REASM_OVERLAPS</code> and kills the queue (<code>inet_frag_kill</code>), the RFC 5722 rule applied to IPv4 since 4.19. A fragment that straddles two runs is an overlap even if its bytes are identical.',
    description: 'Glossary detail of overlap.',
  },
  duplicate_name: {
    id: 'glossary.duplicate.name',
    defaultMessage: 'duplicate',
    description: 'Glossary name of duplicate.',
  },
  duplicate_plain: {
    id: 'glossary.duplicate.plain',
    defaultMessage:
      'A fragment whose bytes the queue already has, all of them, inside one run: for example the same fragment sent twice. Only the extra copy is dropped; the datagram can still be reassembled.',
    description: 'Glossary plain of duplicate.',
  },
  duplicate_detail: {
    id: 'glossary.duplicate.detail',
    defaultMessage:
      '<code>inet_frag_queue_insert</code> returns <code>IPFRAG_DUP</code> when <code>[offset, end)</code> lies inside one run; <code>ip_frag_queue</code> frees the skb with <code>SKB_DROP_REASON_DUP_FRAG</code> and keeps the queue. A fragment arriving after the queue completed is dropped the same way.',
    description: 'Glossary detail of duplicate.',
  },
  ipfrag_time_plain: {
    id: 'glossary.ipfrag_time.plain',
    defaultMessage:
      'How long the receiver waits for the missing fragments of a datagram: 30 seconds for IPv4, 60 for IPv6. When time runs out the pieces it has are thrown away.',
    description: 'Glossary plain of ipfrag_time.',
  },
  ipfrag_time_detail: {
    id: 'glossary.ipfrag_time.detail',
    defaultMessage:
      '<code>net.ipv4.ipfrag_time</code> (<code>IP_FRAG_TIME</code>, <code>30 * HZ</code>) and <code>net.ipv6.ip6frag_time</code> (<code>IPV6_FRAG_TIMEOUT</code>, <code>60 * HZ</code>), per namespace. The timer starts when the queue is created and later fragments do not extend it. <code>ip_expire</code> counts <code>ReasmFails</code>, drops with <code>SKB_DROP_REASON_FRAG_REASM_TIMEOUT</code>, and sends ICMP time exceeded if the first fragment came.',
    description: 'Glossary detail of ipfrag_time.',
  },
  ipfrag_high_thresh_plain: {
    id: 'glossary.ipfrag_high_thresh.plain',
    defaultMessage:
      'The most memory all unfinished reassembly queues of a namespace may use together: 4 MiB by default. Above it new fragments are dropped until old queues finish or time out, so a flood of fragments cannot eat the machine’s memory.',
    description: 'Glossary plain of ipfrag_high_thresh.',
  },
  ipfrag_high_thresh_detail: {
    id: 'glossary.ipfrag_high_thresh.detail',
    defaultMessage:
      '<code>net.ipv4.ipfrag_high_thresh</code>, set to 4,194,304 by <code>ipv4_frags_init_net</code> (IPv6 the same). <code>inet_frag_find</code> returns <code>NULL</code> when <code>fqdir->high_thresh</code> is 0 or the memory (the <code>truesize</code> of queued skbs plus the queues) is above it. <code>ipfrag_low_thresh</code> (3 MiB) is obsolete since 4.17, kept only so that scripts setting it still work.',
    description: 'Glossary detail of ipfrag_high_thresh.',
  },
  ipfrag_max_dist_plain: {
    id: 'glossary.ipfrag_max_dist.plain',
    defaultMessage:
      'How many fragments from the same sender may arrive between two fragments of one datagram before the receiver gives up on it: 64 by default. It guards against old fragments being glued to a new datagram that reused the IP id.',
    description: 'Glossary plain of ipfrag_max_dist.',
  },
  ipfrag_max_dist_detail: {
    id: 'glossary.ipfrag_max_dist.detail',
    defaultMessage:
      '<code>net.ipv4.ipfrag_max_dist</code> (default 64, 0 turns it off). <code>ip_frag_too_far</code> compares the per-source counter of the <code>inet_peer</code> with the one stored in the queue; above the limit <code>ip_frag_reinit</code> empties the queue and <code>ReasmFails</code> is counted. IPv6 has no such check.',
    description: 'Glossary detail of ipfrag_max_dist.',
  },
  skb_drop_reason_name: {
    id: 'glossary.skb_drop_reason.name',
    defaultMessage: 'drop reason',
    description: 'Glossary name of skb_drop_reason.',
  },
  skb_drop_reason_plain: {
    id: 'glossary.skb_drop_reason.plain',
    defaultMessage:
      'When the kernel throws a packet away it records why, as a named reason such as "duplicate fragment" or "receive buffer full". Tracing tools can show these reasons, which tells you where a lost packet went.',
    description: 'Glossary plain of skb_drop_reason.',
  },
  skb_drop_reason_detail: {
    id: 'glossary.skb_drop_reason.detail',
    defaultMessage:
      '<code>enum skb_drop_reason</code> in <code>include/net/dropreason-core.h</code>, passed to <code>kfree_skb_reason</code> and reported by the <code>skb:kfree_skb</code> tracepoint (<code>perf trace</code>, <code>dropwatch</code>). Examples: <code>SKB_DROP_REASON_DUP_FRAG</code>, <code>SKB_DROP_REASON_FRAG_REASM_TIMEOUT</code>, <code>SKB_DROP_REASON_FRAG_TOO_FAR</code>, <code>SKB_DROP_REASON_SOCKET_RCVBUFF</code>.',
    description: 'Glossary detail of skb_drop_reason.',
  },
  nstat_name: {
    id: 'glossary.nstat.name',
    defaultMessage: 'SNMP counters',
    description: 'Glossary name of nstat.',
  },
  nstat_plain: {
    id: 'glossary.nstat.plain',
    defaultMessage:
      'The kernel keeps running totals of what happened to packets, for example how many datagrams were fragmented or failed to reassemble. The <code>nstat</code> tool shows how much each counter changed, so you can see what one experiment did.',
    description: 'Glossary plain of nstat.',
  },
  nstat_detail: {
    id: 'glossary.nstat.detail',
    defaultMessage:
      'Defined in <code>include/uapi/linux/snmp.h</code> (<code>IPSTATS_MIB_FRAGCREATES</code>, <code>IPSTATS_MIB_REASMFAILS</code>…), shown in <code>/proc/net/snmp</code> and <code>/proc/net/netstat</code> (<code>net/ipv4/proc.c</code>), per namespace. <code>nstat</code> prints the deltas since its last run: <code>IpFragCreates</code>, <code>IpReasmOKs</code>, <code>IpReasmFails</code>, <code>IpExtReasmOverlaps</code>, <code>UdpRcvbufErrors</code>.',
    description: 'Glossary detail of nstat.',
  },
  meat_plain: {
    id: 'glossary.meat.plain',
    defaultMessage:
      'How many bytes of the datagram the reassembly queue holds so far, counting each byte once. When it equals the datagram’s length and the last fragment is in, nothing is missing and the datagram can be rebuilt.',
    description: 'Glossary plain of meat.',
  },
  meat_detail: {
    id: 'glossary.meat.detail',
    defaultMessage:
      '<code>q->meat</code> in <code>struct inet_frag_queue</code>: <code>ip_frag_queue</code> adds each new fragment’s data length; an exact duplicate is dropped without counting, an overlap drops the queue. <code>ip_defrag</code> reassembles when <code>INET_FRAG_FIRST_IN</code> and <code>INET_FRAG_LAST_IN</code> are set and <code>q->meat == q->len</code>.',
    description: 'Glossary detail of meat.',
  },
});

export const REASSEMBLY_TERMS: readonly GlossaryEntry[] = [
  {
    key: 'ipq',
    name: msg(M.ipq_name),
    plain: msg(M.ipq_plain),
    detail: msg(M.ipq_detail),
    file: 'net/ipv4/ip_fragment.c',
    ident: 'ipq',
    related: ['FIRST_IN', 'LAST_IN', 'holes', 'runs', 'ipfrag_time', 'id'],
    match: ['ipq', 'frag_queue', 'inet_frag_queue', 'reassembly queue', 'reassembly queues', '重组队列'],
  },
  {
    key: 'FIRST_IN',
    plain: msg(M.FIRST_IN_plain),
    detail: msg(M.FIRST_IN_detail),
    file: 'include/net/inet_frag.h',
    ident: 'INET_FRAG_FIRST_IN',
    related: ['LAST_IN', 'ipq', 'frag_off'],
    match: ['FIRST_IN', 'INET_FRAG_FIRST_IN'],
  },
  {
    key: 'LAST_IN',
    plain: msg(M.LAST_IN_plain),
    detail: msg(M.LAST_IN_detail),
    file: 'include/net/inet_frag.h',
    ident: 'INET_FRAG_LAST_IN',
    related: ['FIRST_IN', 'MF', 'ipq'],
    match: ['LAST_IN', 'INET_FRAG_LAST_IN'],
  },
  {
    key: 'meat',
    plain: msg(M.meat_plain),
    detail: msg(M.meat_detail),
    file: 'net/ipv4/ip_fragment.c',
    ident: 'ip_frag_queue',
    related: ['ipq', 'holes', 'LAST_IN'],
    match: ['meat', 'q->meat'],
  },
  {
    key: 'holes',
    name: msg(M.holes_name),
    plain: msg(M.holes_plain),
    detail: msg(M.holes_detail),
    file: 'net/ipv4/inet_fragment.c',
    ident: 'inet_frag_queue_insert',
    related: ['runs', 'ipq', 'LAST_IN'],
    match: ['hole', 'holes', '空洞'],
  },
  {
    key: 'runs',
    name: msg(M.runs_name),
    plain: msg(M.runs_plain),
    detail: msg(M.runs_detail),
    file: 'net/ipv4/inet_fragment.c',
    ident: 'inet_frag_queue_insert',
    related: ['holes', 'overlap', 'duplicate', 'ipq'],
    match: ['runs', 'fragment run', 'fragment runs', 'fragrun'],
  },
  {
    key: 'overlap',
    name: msg(M.overlap_name),
    plain: msg(M.overlap_plain),
    detail: msg(M.overlap_detail),
    file: 'net/ipv4/inet_fragment.c',
    ident: 'inet_frag_queue_insert',
    related: ['duplicate', 'runs', 'skb_drop_reason', 'nstat'],
    match: ['overlap', 'overlaps', 'overlapping', 'IPFRAG_OVERLAP', 'ReasmOverlaps', '重叠'],
  },
  {
    key: 'duplicate',
    name: msg(M.duplicate_name),
    plain: msg(M.duplicate_plain),
    detail: msg(M.duplicate_detail),
    file: 'net/ipv4/inet_fragment.c',
    ident: 'inet_frag_queue_insert',
    related: ['overlap', 'runs', 'skb_drop_reason'],
    match: ['duplicate', 'duplicates', 'IPFRAG_DUP', '重复'],
  },
  {
    key: 'ipfrag_time',
    plain: msg(M.ipfrag_time_plain),
    detail: msg(M.ipfrag_time_detail),
    file: 'include/net/ip.h',
    ident: 'IP_FRAG_TIME',
    related: ['ipq', 'FIRST_IN', 'holes', 'netns'],
    match: ['ipfrag_time', 'ip6frag_time', 'IP_FRAG_TIME'],
  },
  {
    key: 'ipfrag_high_thresh',
    plain: msg(M.ipfrag_high_thresh_plain),
    detail: msg(M.ipfrag_high_thresh_detail),
    file: 'net/ipv4/ip_fragment.c',
    ident: 'ipv4_frags_init_net',
    related: ['truesize', 'ipq', 'netns'],
    match: ['ipfrag_high_thresh', 'ipfrag_low_thresh', 'high_thresh', 'ip6frag_high_thresh'],
  },
  {
    key: 'ipfrag_max_dist',
    plain: msg(M.ipfrag_max_dist_plain),
    detail: msg(M.ipfrag_max_dist_detail),
    file: 'net/ipv4/ip_fragment.c',
    ident: 'ip_frag_too_far',
    related: ['ipq', 'id', 'nstat'],
    match: ['ipfrag_max_dist', 'max_dist', 'ip_frag_too_far'],
  },
  {
    key: 'skb_drop_reason',
    name: msg(M.skb_drop_reason_name),
    plain: msg(M.skb_drop_reason_plain),
    detail: msg(M.skb_drop_reason_detail),
    file: 'include/net/dropreason-core.h',
    ident: 'skb_drop_reason',
    related: ['nstat', 'overlap', 'duplicate', 'sk_rcvbuf'],
    match: ['skb_drop_reason', 'drop reason', 'drop reasons', 'SKB_DROP_REASON_*', 'kfree_skb_reason'],
  },
  {
    key: 'nstat',
    name: msg(M.nstat_name),
    plain: msg(M.nstat_plain),
    detail: msg(M.nstat_detail),
    file: 'include/uapi/linux/snmp.h',
    ident: 'IPSTATS_MIB_REASMFAILS',
    related: ['skb_drop_reason', 'overlap', 'ipfrag_max_dist'],
    match: [
      'nstat',
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
  },
];
