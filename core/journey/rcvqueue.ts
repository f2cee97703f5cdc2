/**
 * The UDP receive queue moved to core/udp (one receive-side model for every pipeline); the
 * Journey keeps exporting it under the same names.
 */
export * from '../udp/rcvqueue.ts';
