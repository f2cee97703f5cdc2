/** The Fragmentation lab's words (its own; the kit's shared words are in lab-kit/words.ts). */
import type { LabIntro } from '../../lab-kit/index.ts';

export const INTRO: LabIntro = {
  eyebrow: 'Lab · IPv4 and IPv6 output path',
  title: 'Fragmentation',
  lede: (
    <>
      Send a datagram bigger than the MTU and watch <code>__ip_append_data</code> cut it into sk_buffs,{' '}
      <code>ip_do_fragment</code> turn them into packets — or the kernel refuse with an errno.
    </>
  ),
};

/** How the banner names each field. */
export const FIELD_NAMES: Record<string, string> = {
  len: 'Payload length',
  sends: 'MSG_MORE sends',
  iov: 'iovec',
  mtu: 'MTU',
  family: 'Family',
  sock: 'Socket',
  proto: 'Raw protocol',
  pmtu: 'PMTU mode',
  opts: 'IPv4 options',
  sg: 'Scatter-gather',
  sndbuf: 'sk_sndbuf',
  sndbufcheck: 'Send-buffer check',
  df: 'DF',
  step: 'Step',
};
