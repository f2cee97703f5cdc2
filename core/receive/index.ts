/**
 * core/receive — a UDP receive queue filled by a run of sends on loopback and read afterwards:
 * the sends through core/ip, every arrival through the one receive-side model of core/udp.
 */
export * from './pipeline.ts';
