/**
 * core/drops — what the kernel threw away (SKB_DROP_REASON_* and the freeing function, as
 * skb:kfree_skb reports them) and what it counted (the SNMP MIB deltas nstat shows), with one
 * plain sentence per reason and per counter.
 */
export * from './types.ts';
export * from './tally.ts';
export * from './counters.ts';
export * from './reasons.ts';
export * from './words.ts';
