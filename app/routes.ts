/** The labs of DESIGN.md, in teaching order: from socket() down to the wire and back. */
export interface LabRoute {
  path: string;
  title: string;
  short: string;
  /** What the student does there (shown on the "coming soon" page until the lab exists). */
  summary: string;
  /** The kernel path it models. */
  models: string;
  ready: boolean;
}

export const LABS: readonly LabRoute[] = [
  {
    path: 'socket',
    title: 'Socket creation',
    short: 'Socket',
    summary:
      'Pick a domain, type and protocol (with flags and privilege) and follow __sock_create → pf->create → the inetsw walk to the proto_ops and proto tables — or to the errno and the line that returns it. Then dispatch connect, sendmsg or listen through those tables.',
    models: 'net/socket.c, net/ipv4/af_inet.c',
    ready: true,
  },
  {
    path: 'netlink',
    title: 'Netlink messages',
    short: 'Netlink',
    summary:
      'Build or paste netlink messages and see nlmsghdr, payload and attributes laid out in 32-bit rows with their padding, the byte grid linked to the fields, the NLMSG_* macros and an NLMSG_NEXT walk; split a large frame into a multipart sequence.',
    models: 'include/uapi/linux/netlink.h, net/netlink/af_netlink.c',
    ready: true,
  },
  {
    path: 'skb',
    title: 'sk_buff',
    short: 'sk_buff',
    summary:
      'Apply skb_reserve, skb_put, skb_push, skb_pull and skb_trim and watch head, data, tail and end move, with headroom, tailroom, page frags and the frag_list drawn to scale.',
    models: 'include/linux/skbuff.h, net/core/skbuff.c',
    ready: true,
  },
  {
    path: 'fragment',
    title: 'Fragmentation',
    short: 'Fragment',
    summary:
      'Set the payload, MTU, family, socket kind, PMTU mode, IP options and device features; see where the datagram is cut, every packet on the wire, and the kernel pipeline step by step.',
    models: 'net/ipv4/ip_output.c, net/ipv6/ip6_output.c',
    ready: true,
  },
  {
    path: 'reassemble',
    title: 'Reassembly',
    short: 'Reassemble',
    summary:
      'Reorder, drop, duplicate and overlap fragments and watch the defragmentation queue fill — and whether ip_defrag delivers the datagram, drops it, or times out.',
    models: 'net/ipv4/ip_fragment.c, net/ipv6/reassembly.c',
    ready: true,
  },
  {
    path: 'journey',
    title: 'Journey of a datagram',
    short: 'Journey',
    summary:
      'Watch one datagram go down from the socket to the link layer — headers pushed, fragments split off — and back up on the receiver, with playback controls and the trace beside it.',
    models: 'the output and input traces, animated',
    ready: true,
  },
];
