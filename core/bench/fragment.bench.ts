/**
 * `npm run bench:core`: how long the output-path model takes, worst case and typical, as Vitest
 * loads it. The side-by-side comparison with scapy's fragment()/defragment() and the trace's
 * growth from 10 to 1,365 fragments time the core as users run it, built: `npm run bench:peers`
 * (e2e/bench/core-peers.ts). A benchmark, not a test: it reports numbers and asserts nothing.
 */
import { bench, describe } from 'vitest';
import { DEFAULT_SEND_INPUT, ipSend } from '../ip/index.ts';
import { materialiseOutputTrace } from '../ip/step.ts';

describe('ipSend (whole pipeline with trace and sk_buff snapshots)', () => {
  bench('worst case: 65,507 B over MTU 68, send-buffer check off (1,365 fragments)', () => {
    ipSend({ ...DEFAULT_SEND_INPUT, sends: [65507], mtu: 68, sndbufCheck: false });
  });
  bench("the same, then every step's sk_buffs read (as the app or `sockscope trace --json` does)", () => {
    materialiseOutputTrace(
      ipSend({ ...DEFAULT_SEND_INPUT, sends: [65507], mtu: 68, sndbufCheck: false }).trace,
    );
  });
  bench('worst case with the check: ENOBUFS after 512 skbs', () => {
    ipSend({ ...DEFAULT_SEND_INPUT, sends: [65507], mtu: 68 });
  });
  bench('typical: 4,000 B over Ethernet MTU 1500 (3 fragments)', () => {
    ipSend({ ...DEFAULT_SEND_INPUT, sends: [4000], mtu: 1500 });
  });
  bench('IPv6: 20,000 B over MTU 1280', () => {
    ipSend({ ...DEFAULT_SEND_INPUT, family: 'inet6', sends: [20000], mtu: 1280 });
  });
});
