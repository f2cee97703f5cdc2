/** core/skb — the sk_buff model: allocation sizes, pointer operations, snapshots. */
export * from './types.ts';
export * from './alloc.ts';
export * from './skb.ts';
export * from './ops.ts';
export * from './coalesce.ts';
