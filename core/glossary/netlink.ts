/**
 * Netlink framing: the words of the Netlink lab.
 * Each entry: the key as shown (never translated), a plain message for a first-year student, the
 * kernel detail, and where it lives in the kernel. The Chinese is in core/i18n/locales/zh-CN.json.
 */
import { defineMessages, msg } from '../i18n/index.ts';
import type { GlossaryEntry } from './types.ts';

const M = defineMessages({
  netlink_plain: {
    id: 'glossary.netlink.plain',
    defaultMessage:
      'Netlink is how programs talk to the kernel’s networking configuration: instead of a special call per setting, they send messages over a socket and the kernel answers with messages. Tools like <code>ip</code> and <code>ss</code> work this way.',
    description: 'Glossary plain of netlink.',
  },
  netlink_detail: {
    id: 'glossary.netlink.detail',
    defaultMessage:
      '<code>socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE)</code> and friends (<code>net/netlink/af_netlink.c</code>). Each message starts with a <code>struct nlmsghdr</code>; kernel families process requests in <code>netlink_rcv_skb</code>, replies come back through <code>netlink_unicast</code>. A send larger than <code>sk_sndbuf - 32</code> gives <code>EMSGSIZE</code>.',
    description: 'Glossary detail of netlink.',
  },
  nlmsghdr_plain: {
    id: 'glossary.nlmsghdr.plain',
    defaultMessage:
      'The 16-byte header at the start of every netlink message. It says how long the message is, what kind it is, some flags, and a sequence number and port id so replies can be matched to requests.',
    description: 'Glossary plain of nlmsghdr.',
  },
  nlmsghdr_detail: {
    id: 'glossary.nlmsghdr.detail',
    defaultMessage:
      '<code>struct nlmsghdr</code>: <code>nlmsg_len</code> (u32), <code>nlmsg_type</code> (u16), <code>nlmsg_flags</code> (u16), <code>nlmsg_seq</code> (u32), <code>nlmsg_pid</code> (u32), in host byte order. <code>NLMSG_HDRLEN</code> is 16, <code>NLMSG_DATA(nlh)</code> is 16 bytes in; <code>NLMSG_NEXT</code> advances by <code>NLMSG_ALIGN(nlmsg_len)</code>.',
    description: 'Glossary detail of nlmsghdr.',
  },
  nlmsg_len_plain: {
    id: 'glossary.nlmsg_len.plain',
    defaultMessage:
      'The length of one netlink message in bytes, its own 16-byte header included. The padding that may follow to reach a multiple of 4 is not counted, but the next message starts after it.',
    description: 'Glossary plain of nlmsg_len.',
  },
  nlmsg_len_detail: {
    id: 'glossary.nlmsg_len.detail',
    defaultMessage:
      '<code>NLMSG_LENGTH(n) = n + NLMSG_HDRLEN</code>, <code>NLMSG_SPACE(n) = NLMSG_ALIGN(NLMSG_LENGTH(n))</code>. <code>netlink_rcv_skb</code> stops silently at a message whose <code>nlmsg_len</code> is below 16 or beyond the bytes left, and advances by <code>NLMSG_ALIGN(nlmsg_len)</code>.',
    description: 'Glossary detail of nlmsg_len.',
  },
  nlmsg_type_plain: {
    id: 'glossary.nlmsg_type.plain',
    defaultMessage:
      'What a netlink message is about. Small numbers are control messages shared by all of netlink (error, done); larger ones mean a request or answer of the family, such as "new link" or "get link" in rtnetlink.',
    description: 'Glossary plain of nlmsg_type.',
  },
  nlmsg_type_detail: {
    id: 'glossary.nlmsg_type.detail',
    defaultMessage:
      'Types below <code>NLMSG_MIN_TYPE</code> (0x10) are control: <code>NLMSG_NOOP</code> 1, <code>NLMSG_ERROR</code> 2, <code>NLMSG_DONE</code> 3, <code>NLMSG_OVERRUN</code> 4; <code>netlink_rcv_skb</code> does not pass them to the family. rtnetlink uses <code>RTM_NEWLINK</code> 16, <code>RTM_GETLINK</code> 18…; generic netlink uses the family id.',
    description: 'Glossary detail of nlmsg_type.',
  },
  nlmsg_flags_plain: {
    id: 'glossary.nlmsg_flags.plain',
    defaultMessage:
      'Bits in the netlink header that say how to treat the message. Is it a request, should the kernel confirm it, is it asking for a whole list, is it one part of a longer answer?',
    description: 'Glossary plain of nlmsg_flags.',
  },
  nlmsg_flags_detail: {
    id: 'glossary.nlmsg_flags.detail',
    defaultMessage:
      '16 bits. General flags: <code>NLM_F_REQUEST</code> 0x01, <code>NLM_F_MULTI</code> 0x02, <code>NLM_F_ACK</code> 0x04, <code>NLM_F_ECHO</code> 0x08. Bits 0x100–0x800 mean different things for GET (<code>NLM_F_ROOT</code>, <code>NLM_F_MATCH</code>), NEW (<code>NLM_F_REPLACE</code>, <code>NLM_F_EXCL</code>, <code>NLM_F_CREATE</code>, <code>NLM_F_APPEND</code>) and acks (<code>NLM_F_CAPPED</code>, <code>NLM_F_ACK_TLVS</code>).',
    description: 'Glossary detail of nlmsg_flags.',
  },
  NLM_F_REQUEST_plain: {
    id: 'glossary.NLM_F_REQUEST.plain',
    defaultMessage:
      'The flag that marks a message as a request to the kernel. Without it the kernel does not act on the message at all.',
    description: 'Glossary plain of NLM_F_REQUEST.',
  },
  NLM_F_REQUEST_detail: {
    id: 'glossary.NLM_F_REQUEST.detail',
    defaultMessage:
      '0x01. In <code>netlink_rcv_skb</code> a message without <code>NLM_F_REQUEST</code> skips the family’s handler with <code>err = 0</code>; it is acknowledged only if it also carries <code>NLM_F_ACK</code>.',
    description: 'Glossary detail of NLM_F_REQUEST.',
  },
  NLM_F_ACK_plain: {
    id: 'glossary.NLM_F_ACK.plain',
    defaultMessage:
      'The flag that asks the kernel to confirm a request. The confirmation is an error message whose error code is 0; a failed request gets an error message anyway, with or without the flag.',
    description: 'Glossary plain of NLM_F_ACK.',
  },
  NLM_F_ACK_detail: {
    id: 'glossary.NLM_F_ACK.detail',
    defaultMessage:
      '0x04. <code>netlink_rcv_skb</code> calls <code>netlink_ack</code> when <code>(nlmsg_flags &amp; NLM_F_ACK) || err</code>. A successful ack is 36 bytes: header 16, <code>error</code> 4, and the request’s 16-byte header.',
    description: 'Glossary detail of NLM_F_ACK.',
  },
  NLM_F_DUMP_plain: {
    id: 'glossary.NLM_F_DUMP.plain',
    defaultMessage:
      'The flag that turns a "get" request into "get them all". Instead of one object, the kernel answers with a list, for example every network interface, spread over as many messages as needed.',
    description: 'Glossary plain of NLM_F_DUMP.',
  },
  NLM_F_DUMP_detail: {
    id: 'glossary.NLM_F_DUMP.detail',
    defaultMessage:
      '<code>NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH</code> (0x300), meaningful on GET requests. rtnetlink starts <code>netlink_dump_start</code>; each reply message carries <code>NLM_F_MULTI</code>, and the dump ends with <code>NLMSG_DONE</code>.',
    description: 'Glossary detail of NLM_F_DUMP.',
  },
  NLM_F_MULTI_plain: {
    id: 'glossary.NLM_F_MULTI.plain',
    defaultMessage:
      'The flag on each message of a multipart answer: "more of this answer follows". The reader keeps reading until a message of type <code>NLMSG_DONE</code> says the answer is over.',
    description: 'Glossary plain of NLM_F_MULTI.',
  },
  NLM_F_MULTI_detail: {
    id: 'glossary.NLM_F_MULTI.detail',
    defaultMessage:
      '0x02. Set by the dump callbacks on every record (<code>nlmsg_put(…, NLM_F_MULTI)</code>); one <code>recvmsg</code> may return several such messages packed in one buffer, each at an <code>NLMSG_ALIGN</code> boundary.',
    description: 'Glossary detail of NLM_F_MULTI.',
  },
  NLMSG_DONE_plain: {
    id: 'glossary.NLMSG_DONE.plain',
    defaultMessage:
      'The message that ends a multipart answer, such as the list of all interfaces. It carries no data of its own beyond a status number.',
    description: 'Glossary plain of NLMSG_DONE.',
  },
  NLMSG_DONE_detail: {
    id: 'glossary.NLMSG_DONE.detail',
    defaultMessage:
      'Type 3. <code>netlink_dump_done</code> writes it with <code>NLM_F_MULTI</code> and a 4-byte payload, the dump’s return value (0, or a negative errno), plus extended-ack attributes if any.',
    description: 'Glossary detail of NLMSG_DONE.',
  },
  NLMSG_ERROR_plain: {
    id: 'glossary.NLMSG_ERROR.plain',
    defaultMessage:
      'The kernel’s answer that reports how a request went: an error code, and a copy of the request’s header so the program knows which request it is about. Error code 0 means success: that is the acknowledgement.',
    description: 'Glossary plain of NLMSG_ERROR.',
  },
  NLMSG_ERROR_detail: {
    id: 'glossary.NLMSG_ERROR.detail',
    defaultMessage:
      'Type 2, payload <code>struct nlmsgerr</code>: <code>int error</code> (negative errno, or 0) and the original <code>struct nlmsghdr</code>. On failure the whole request is copied unless <code>NETLINK_CAP_ACK</code> caps it (<code>NLM_F_CAPPED</code>); extended-ack attributes follow with <code>NLM_F_ACK_TLVS</code>.',
    description: 'Glossary detail of NLMSG_ERROR.',
  },
  nlattr_plain: {
    id: 'glossary.nlattr.plain',
    defaultMessage:
      'A netlink attribute: one labelled value inside a message, stored as length, type, then the value (a TLV). Because each attribute says how long it is, a reader can skip the ones it does not know.',
    description: 'Glossary plain of nlattr.',
  },
  nlattr_detail: {
    id: 'glossary.nlattr.detail',
    defaultMessage:
      '<code>struct nlattr</code> (<code>nla_len</code> u16, <code>nla_type</code> u16), 4 bytes (<code>NLA_HDRLEN</code>), then the value. <code>nla_len</code> counts header and value but not the padding; the next attribute starts at <code>NLA_ALIGN(nla_len)</code>. <code>lib/nlattr.c</code> parses and validates them against a policy.',
    description: 'Glossary detail of nlattr.',
  },
  rtattr_plain: {
    id: 'glossary.rtattr.plain',
    defaultMessage:
      'The older name of the netlink attribute, used by rtnetlink. It has exactly the same layout as <code>nlattr</code>: a length, a type, then the value.',
    description: 'Glossary plain of rtattr.',
  },
  rtattr_detail: {
    id: 'glossary.rtattr.detail',
    defaultMessage:
      '<code>struct rtattr</code> (<code>rta_len</code>, <code>rta_type</code>) with the macros <code>RTA_ALIGN</code>, <code>RTA_OK</code>, <code>RTA_NEXT</code>, <code>RTA_DATA</code>, <code>RTA_PAYLOAD</code> (4-byte alignment, like <code>NLA_ALIGN</code>). The kernel parses both the same way.',
    description: 'Glossary detail of rtattr.',
  },
  NLA_ALIGN_plain: {
    id: 'glossary.NLA_ALIGN.plain',
    defaultMessage:
      'Rounds a length up to the next multiple of 4. Netlink messages and attributes always start at a multiple of 4 bytes, so a 5-byte value takes 8 bytes of room.',
    description: 'Glossary plain of NLA_ALIGN.',
  },
  NLA_ALIGN_detail: {
    id: 'glossary.NLA_ALIGN.detail',
    defaultMessage:
      '<code>NLA_ALIGN(len) = ((len) + NLA_ALIGNTO - 1) &amp; ~(NLA_ALIGNTO - 1)</code> with <code>NLA_ALIGNTO</code> 4; <code>NLMSG_ALIGN</code> is the same for messages. The padding bytes it adds are zero (<code>nla_reserve</code> clears them) and are not counted in <code>nla_len</code>.',
    description: 'Glossary detail of NLA_ALIGN.',
  },
  padding_name: {
    id: 'glossary.padding.name',
    defaultMessage: 'padding',
    description: 'Glossary name of padding.',
  },
  padding_plain: {
    id: 'glossary.padding.plain',
    defaultMessage:
      'Filler bytes with no meaning, added so that the next piece of data starts at an aligned position (a multiple of 4 in netlink). They are usually zero and the reader skips them.',
    description: 'Glossary plain of padding.',
  },
  padding_detail: {
    id: 'glossary.padding.detail',
    defaultMessage:
      '<code>__nla_reserve</code> zeroes <code>nla_padlen(attrlen)</code> bytes after an attribute; <code>nlmsg_end</code> sets <code>nlmsg_len</code> to the tail, which is already aligned after attributes. The last attribute’s padding is inside the message length, but never inside <code>nla_len</code>.',
    description: 'Glossary detail of padding.',
  },
  NLA_F_NESTED_plain: {
    id: 'glossary.NLA_F_NESTED.plain',
    defaultMessage:
      'A bit in an attribute’s type that says "my value is itself a list of attributes". Readers must mask it off to get the real type number.',
    description: 'Glossary plain of NLA_F_NESTED.',
  },
  NLA_F_NESTED_detail: {
    id: 'glossary.NLA_F_NESTED.detail',
    defaultMessage:
      'Bit 15 of <code>nla_type</code> (0x8000); bit 14 is <code>NLA_F_NET_BYTEORDER</code>, and <code>NLA_TYPE_MASK</code> keeps the low 14 bits (<code>nla_type()</code>). <code>nla_nest_start</code> sets it; strict validation (<code>NL_VALIDATE_NESTED</code>) requires it on nested attributes.',
    description: 'Glossary detail of NLA_F_NESTED.',
  },
  nested_name: {
    id: 'glossary.nested.name',
    defaultMessage: 'nested attribute',
    description: 'Glossary name of nested.',
  },
  nested_plain: {
    id: 'glossary.nested.plain',
    defaultMessage:
      'An attribute whose value is a list of further attributes, like a folder holding files. Its length covers everything inside it, so a reader can skip the whole folder at once.',
    description: 'Glossary plain of nested.',
  },
  nested_detail: {
    id: 'glossary.nested.detail',
    defaultMessage:
      'Built with <code>nla_nest_start</code> (an empty <code>nlattr</code> with <code>NLA_F_NESTED</code>) and <code>nla_nest_end</code>, which writes <code>nla_len</code> = everything added since. Parsed with <code>nla_parse_nested</code>; the nesting depth is bounded (<code>MAX_POLICY_RECURSION_DEPTH</code>).',
    description: 'Glossary detail of nested.',
  },
  NETLINK_EXT_ACK_name: {
    id: 'glossary.NETLINK_EXT_ACK.name',
    defaultMessage: 'extended ack',
    description: 'Glossary name of NETLINK_EXT_ACK.',
  },
  NETLINK_EXT_ACK_plain: {
    id: 'glossary.NETLINK_EXT_ACK.plain',
    defaultMessage:
      'An error answer that also explains itself: besides the error code, the kernel adds a text message and the position of the attribute that was wrong. <code>ip</code> prints it as "Error: …".',
    description: 'Glossary plain of NETLINK_EXT_ACK.',
  },
  NETLINK_EXT_ACK_detail: {
    id: 'glossary.NETLINK_EXT_ACK.detail',
    defaultMessage:
      'Added in 4.12; a socket turns it on with the option <code>NETLINK_EXT_ACK</code> (iproute2 does). <code>netlink_ack</code> appends attributes to the <code>nlmsgerr</code>: <code>NLMSGERR_ATTR_MSG</code> (text), <code>NLMSGERR_ATTR_OFFS</code> (byte offset of the bad attribute), <code>NLMSGERR_ATTR_POLICY</code>…, and sets <code>NLM_F_ACK_TLVS</code>.',
    description: 'Glossary detail of NETLINK_EXT_ACK.',
  },
  rtnetlink_plain: {
    id: 'glossary.rtnetlink.plain',
    defaultMessage:
      'The netlink family for routing and interfaces: links, addresses, routes, neighbours. The <code>ip</code> command speaks it to list and change them.',
    description: 'Glossary plain of rtnetlink.',
  },
  rtnetlink_detail: {
    id: 'glossary.rtnetlink.detail',
    defaultMessage:
      'Protocol <code>NETLINK_ROUTE</code> (0), handled by <code>rtnetlink_rcv_msg</code> in <code>net/core/rtnetlink.c</code>. Message types come in groups of four (<code>RTM_NEWLINK</code> 16, <code>RTM_DELLINK</code> 17, <code>RTM_GETLINK</code> 18, <code>RTM_SETLINK</code> 19; addresses from 20, routes from 24), each with its own fixed header such as <code>ifinfomsg</code>.',
    description: 'Glossary detail of rtnetlink.',
  },
  genetlink_name: {
    id: 'glossary.genetlink.name',
    defaultMessage: 'generic netlink',
    description: 'Glossary name of genetlink.',
  },
  genetlink_plain: {
    id: 'glossary.genetlink.plain',
    defaultMessage:
      'A netlink family that hosts many smaller families (Wi-Fi, WireGuard, ethtool…) without each needing its own protocol number. A program first asks the controller for the number of the family it wants.',
    description: 'Glossary plain of genetlink.',
  },
  genetlink_detail: {
    id: 'glossary.genetlink.detail',
    defaultMessage:
      'Protocol <code>NETLINK_GENERIC</code> (16). After the <code>nlmsghdr</code> comes a 4-byte <code>struct genlmsghdr</code> (<code>cmd</code>, <code>version</code>, <code>reserved</code>). Family ids are assigned at registration; the controller <code>nlctrl</code> (<code>GENL_ID_CTRL</code>, 0x10) answers <code>CTRL_CMD_GETFAMILY</code>.',
    description: 'Glossary detail of genetlink.',
  },
  ifinfomsg_plain: {
    id: 'glossary.ifinfomsg.plain',
    defaultMessage:
      'The fixed part of an rtnetlink message about a network interface: which interface (its index), its type and its up/down flags. Attributes such as the name and the MTU follow it.',
    description: 'Glossary plain of ifinfomsg.',
  },
  ifinfomsg_detail: {
    id: 'glossary.ifinfomsg.detail',
    defaultMessage:
      '16 bytes: <code>ifi_family</code> (u8), a pad byte, <code>ifi_type</code> (u16, <code>ARPHRD_*</code>), <code>ifi_index</code> (int), <code>ifi_flags</code> (<code>IFF_*</code>), <code>ifi_change</code>. Used by <code>RTM_NEWLINK</code>/<code>RTM_GETLINK</code>; attributes like <code>IFLA_IFNAME</code> and <code>IFLA_MTU</code> follow.',
    description: 'Glossary detail of ifinfomsg.',
  },
  msghdr_plain: {
    id: 'glossary.msghdr.plain',
    defaultMessage:
      'The structure <code>sendmsg()</code> and <code>recvmsg()</code> take: where to send (or who sent), the data as a list of buffers, optional control information, and flags. It lets one call carry what several simpler calls could not.',
    description: 'Glossary plain of msghdr.',
  },
  msghdr_detail: {
    id: 'glossary.msghdr.detail',
    defaultMessage:
      '<code>struct user_msghdr</code>: <code>msg_name</code>/<code>msg_namelen</code>, <code>msg_iov</code>/<code>msg_iovlen</code>, <code>msg_control</code>/<code>msg_controllen</code>, <code>msg_flags</code>. <code>____sys_sendmsg</code> copies it into the kernel’s <code>struct msghdr</code>, whose data is an <code>iov_iter</code>.',
    description: 'Glossary detail of msghdr.',
  },
  cmsghdr_plain: {
    id: 'glossary.cmsghdr.plain',
    defaultMessage:
      'A control message: extra information passed next to the data of a <code>sendmsg()</code> or <code>recvmsg()</code>, such as IP options for one send or the arrival time of a packet. Several can be packed one after another.',
    description: 'Glossary plain of cmsghdr.',
  },
  cmsghdr_detail: {
    id: 'glossary.cmsghdr.detail',
    defaultMessage:
      '<code>struct cmsghdr</code> (<code>cmsg_len</code>, <code>cmsg_level</code>, <code>cmsg_type</code>), 16 bytes on x86-64, then the data. <code>CMSG_LEN(n) = 16 + n</code>, <code>CMSG_SPACE(n) = 16 + CMSG_ALIGN(n)</code>, aligned to <code>sizeof(long)</code>; the kernel walks them with <code>__cmsg_nxthdr</code>.',
    description: 'Glossary detail of cmsghdr.',
  },
  MSG_TRUNC_plain: {
    id: 'glossary.MSG_TRUNC.plain',
    defaultMessage:
      'A flag that says a received datagram was bigger than the buffer given, so its end was cut off. Passed in to <code>recvmsg()</code>, it asks for the real length to be returned, so the program can allocate enough and read the next one whole.',
    description: 'Glossary plain of MSG_TRUNC.',
  },
  MSG_TRUNC_detail: {
    id: 'glossary.MSG_TRUNC.detail',
    defaultMessage:
      '0x20. Set in <code>msg_flags</code> on output when the datagram did not fit (<code>udp_recvmsg</code>, <code>netlink_recvmsg</code>). As an input flag, the return value is the full length even though only the buffer’s size was copied; netlink tools use it with <code>MSG_PEEK</code> to size their buffer.',
    description: 'Glossary detail of MSG_TRUNC.',
  },
});

export const NETLINK_TERMS: readonly GlossaryEntry[] = [
  {
    key: 'netlink',
    plain: msg(M.netlink_plain),
    detail: msg(M.netlink_detail),
    file: 'net/netlink/af_netlink.c',
    ident: 'netlink_sendmsg',
    related: ['nlmsghdr', 'rtnetlink', 'genetlink', 'nlattr'],
    match: ['netlink', 'Netlink', 'AF_NETLINK'],
  },
  {
    key: 'nlmsghdr',
    plain: msg(M.nlmsghdr_plain),
    detail: msg(M.nlmsghdr_detail),
    file: 'include/uapi/linux/netlink.h',
    ident: 'nlmsghdr',
    related: ['nlmsg_len', 'nlmsg_type', 'nlmsg_flags', 'NLA_ALIGN'],
    match: ['nlmsghdr', 'struct nlmsghdr'],
  },
  {
    key: 'nlmsg_len',
    plain: msg(M.nlmsg_len_plain),
    detail: msg(M.nlmsg_len_detail),
    file: 'include/uapi/linux/netlink.h',
    ident: 'NLMSG_LENGTH',
    related: ['nlmsghdr', 'NLA_ALIGN', 'padding'],
    match: ['nlmsg_len', 'NLMSG_LENGTH', 'NLMSG_SPACE'],
  },
  {
    key: 'nlmsg_type',
    plain: msg(M.nlmsg_type_plain),
    detail: msg(M.nlmsg_type_detail),
    file: 'include/uapi/linux/netlink.h',
    ident: 'NLMSG_MIN_TYPE',
    related: ['nlmsghdr', 'NLMSG_DONE', 'NLMSG_ERROR', 'rtnetlink'],
    match: ['nlmsg_type', 'NLMSG_MIN_TYPE'],
  },
  {
    key: 'nlmsg_flags',
    plain: msg(M.nlmsg_flags_plain),
    detail: msg(M.nlmsg_flags_detail),
    file: 'include/uapi/linux/netlink.h',
    ident: 'NLM_F_REQUEST',
    related: ['NLM_F_REQUEST', 'NLM_F_ACK', 'NLM_F_DUMP', 'NLM_F_MULTI'],
    match: ['nlmsg_flags'],
  },
  {
    key: 'NLM_F_REQUEST',
    plain: msg(M.NLM_F_REQUEST_plain),
    detail: msg(M.NLM_F_REQUEST_detail),
    file: 'net/netlink/af_netlink.c',
    ident: 'netlink_rcv_skb',
    related: ['nlmsg_flags', 'NLM_F_ACK'],
    match: ['NLM_F_REQUEST'],
  },
  {
    key: 'NLM_F_ACK',
    plain: msg(M.NLM_F_ACK_plain),
    detail: msg(M.NLM_F_ACK_detail),
    file: 'net/netlink/af_netlink.c',
    ident: 'netlink_ack',
    related: ['NLMSG_ERROR', 'nlmsg_flags', 'NETLINK_EXT_ACK'],
    match: ['NLM_F_ACK'],
  },
  {
    key: 'NLM_F_DUMP',
    plain: msg(M.NLM_F_DUMP_plain),
    detail: msg(M.NLM_F_DUMP_detail),
    file: 'include/uapi/linux/netlink.h',
    ident: 'NLM_F_DUMP',
    related: ['NLM_F_MULTI', 'NLMSG_DONE', 'nlmsg_flags'],
    match: ['NLM_F_DUMP', 'NLM_F_ROOT', 'NLM_F_MATCH'],
  },
  {
    key: 'NLM_F_MULTI',
    plain: msg(M.NLM_F_MULTI_plain),
    detail: msg(M.NLM_F_MULTI_detail),
    file: 'include/uapi/linux/netlink.h',
    ident: 'NLM_F_MULTI',
    related: ['NLM_F_DUMP', 'NLMSG_DONE'],
    match: ['NLM_F_MULTI'],
  },
  {
    key: 'NLMSG_DONE',
    plain: msg(M.NLMSG_DONE_plain),
    detail: msg(M.NLMSG_DONE_detail),
    file: 'include/uapi/linux/netlink.h',
    ident: 'NLMSG_DONE',
    related: ['NLM_F_MULTI', 'NLM_F_DUMP', 'nlmsg_type'],
    match: ['NLMSG_DONE'],
  },
  {
    key: 'NLMSG_ERROR',
    plain: msg(M.NLMSG_ERROR_plain),
    detail: msg(M.NLMSG_ERROR_detail),
    file: 'include/uapi/linux/netlink.h',
    ident: 'nlmsgerr',
    related: ['NLM_F_ACK', 'errno', 'NETLINK_EXT_ACK'],
    match: ['NLMSG_ERROR', 'nlmsgerr'],
  },
  {
    key: 'nlattr',
    plain: msg(M.nlattr_plain),
    detail: msg(M.nlattr_detail),
    file: 'include/uapi/linux/netlink.h',
    ident: 'nlattr',
    related: ['rtattr', 'NLA_ALIGN', 'NLA_F_NESTED', 'padding'],
    match: ['nlattr', 'nla_len', 'nla_type', 'TLV'],
  },
  {
    key: 'rtattr',
    plain: msg(M.rtattr_plain),
    detail: msg(M.rtattr_detail),
    file: 'include/uapi/linux/rtnetlink.h',
    ident: 'rtattr',
    related: ['nlattr', 'rtnetlink', 'NLA_ALIGN'],
    match: ['rtattr', 'rta_len', 'rta_type', 'RTA_ALIGN'],
  },
  {
    key: 'NLA_ALIGN',
    plain: msg(M.NLA_ALIGN_plain),
    detail: msg(M.NLA_ALIGN_detail),
    file: 'include/uapi/linux/netlink.h',
    ident: 'NLA_ALIGN',
    related: ['padding', 'nlattr', 'nlmsg_len'],
    match: ['NLA_ALIGN', 'NLMSG_ALIGN', 'NLA_ALIGNTO', 'NLMSG_ALIGNTO', '4-byte alignment'],
  },
  {
    key: 'padding',
    name: msg(M.padding_name),
    plain: msg(M.padding_plain),
    detail: msg(M.padding_detail),
    file: 'lib/nlattr.c',
    ident: 'nla_reserve',
    related: ['NLA_ALIGN', 'nlattr', 'nlmsg_len'],
    match: ['padding', 'pad', '填充'],
  },
  {
    key: 'NLA_F_NESTED',
    plain: msg(M.NLA_F_NESTED_plain),
    detail: msg(M.NLA_F_NESTED_detail),
    file: 'include/uapi/linux/netlink.h',
    ident: 'NLA_F_NESTED',
    related: ['nlattr', 'nested'],
    match: ['NLA_F_NESTED', 'NLA_TYPE_MASK'],
  },
  {
    key: 'nested',
    name: msg(M.nested_name),
    plain: msg(M.nested_plain),
    detail: msg(M.nested_detail),
    file: 'lib/nlattr.c',
    ident: 'nla_nest_start',
    related: ['NLA_F_NESTED', 'nlattr', 'padding'],
    match: ['nested attribute', 'nested attributes', 'nest', '嵌套属性'],
  },
  {
    key: 'NETLINK_EXT_ACK',
    name: msg(M.NETLINK_EXT_ACK_name),
    plain: msg(M.NETLINK_EXT_ACK_plain),
    detail: msg(M.NETLINK_EXT_ACK_detail),
    file: 'net/netlink/af_netlink.c',
    ident: 'netlink_ack',
    related: ['NLMSG_ERROR', 'NLM_F_ACK', 'nlattr'],
    match: ['NETLINK_EXT_ACK', 'extended ack', 'extack', 'NLMSGERR_ATTR_MSG', 'NLM_F_ACK_TLVS'],
  },
  {
    key: 'rtnetlink',
    plain: msg(M.rtnetlink_plain),
    detail: msg(M.rtnetlink_detail),
    file: 'net/core/rtnetlink.c',
    ident: 'rtnetlink_rcv_msg',
    related: ['netlink', 'ifinfomsg', 'rtattr', 'nlmsg_type'],
    match: ['rtnetlink', 'NETLINK_ROUTE', 'RTM_NEWLINK', 'RTM_GETLINK'],
  },
  {
    key: 'genetlink',
    name: msg(M.genetlink_name),
    plain: msg(M.genetlink_plain),
    detail: msg(M.genetlink_detail),
    file: 'net/netlink/genetlink.c',
    ident: 'genl_rcv_msg',
    related: ['netlink', 'nlattr', 'nlmsg_type'],
    match: ['genetlink', 'generic netlink', 'Generic Netlink', 'NETLINK_GENERIC', 'genlmsghdr', 'nlctrl'],
  },
  {
    key: 'ifinfomsg',
    plain: msg(M.ifinfomsg_plain),
    detail: msg(M.ifinfomsg_detail),
    file: 'include/uapi/linux/rtnetlink.h',
    ident: 'ifinfomsg',
    related: ['rtnetlink', 'rtattr', 'nlmsghdr'],
    match: ['ifinfomsg'],
  },
  {
    key: 'msghdr',
    plain: msg(M.msghdr_plain),
    detail: msg(M.msghdr_detail),
    file: 'include/linux/socket.h',
    ident: 'user_msghdr',
    related: ['iovec', 'cmsghdr', 'MSG_TRUNC'],
    match: ['msghdr', 'user_msghdr', 'sendmsg', 'recvmsg'],
  },
  {
    key: 'cmsghdr',
    plain: msg(M.cmsghdr_plain),
    detail: msg(M.cmsghdr_detail),
    file: 'include/linux/socket.h',
    ident: 'cmsghdr',
    related: ['msghdr', 'ip_options'],
    match: ['cmsghdr', 'cmsg', 'CMSG_SPACE', 'CMSG_LEN', 'CMSG_ALIGN'],
  },
  {
    key: 'MSG_TRUNC',
    plain: msg(M.MSG_TRUNC_plain),
    detail: msg(M.MSG_TRUNC_detail),
    file: 'net/netlink/af_netlink.c',
    ident: 'netlink_recvmsg',
    related: ['msghdr', 'netlink'],
    match: ['MSG_TRUNC'],
  },
];
