/**
 * The kernel function that reassembles a family's fragments: `ip_defrag` (net/ipv4/ip_fragment.c)
 * for IPv4, `ipv6_frag_rcv` (net/ipv6/reassembly.c) for IPv6. Named in the lab's opening paragraph
 * (its loading view too: app/labs/index.ts) and its arrivals table.
 */
export const defragFunctionOf = (family: string | null): string =>
  family === 'inet6' ? 'ipv6_frag_rcv' : 'ip_defrag';
