/**
 * core/udp — the receiving end of UDP, the one receive-side model every pipeline uses: the
 * socket's receive queue (sk_rcvbuf admission by truesize, udp_recvmsg) and __udp4_lib_rcv /
 * __udp6_lib_rcv with what they drop and count.
 */
export * from './rcvqueue.ts';
export * from './udp-rcv.ts';
