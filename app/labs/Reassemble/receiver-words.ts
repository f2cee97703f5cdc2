/** The words of the Reassembly lab's receiver inputs added with issue 12 (ipfrag_max_dist, sk_rcvbuf). */
export const RECEIVER_WORDS = {
  maxDist: 'ipfrag_max_dist (fragments)',
  maxDistHint:
    'Empty: the kernel’s 64. A queue that has not grown while more than this many fragments came from the same source is purged (FRAG_TOO_FAR). 0 turns the check off; IPv6 has no such check.',
  maxDistPlaceholder: '64',
  rcvbuf: 'sk_rcvbuf of the receiving socket (bytes)',
  rcvbufHint:
    'Empty: net.core.rmem_default, 212,992. A reassembled datagram whose truesize does not fit is dropped (SOCKET_RCVBUFF).',
  rcvbufPlaceholder: '212992',
};
