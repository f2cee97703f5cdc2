import { DEFAULT_FIELDS } from './params.ts';
import type { FragmentFields } from './params.ts';

export interface Preset {
  name: string;
  what: string;
  fields: FragmentFields;
}

const p = (patch: Partial<FragmentFields>): FragmentFields => ({ ...DEFAULT_FIELDS, ...patch });

/** Starting points a teacher would pick; each is just a set of form values. */
export const PRESETS: readonly Preset[] = [
  {
    name: '4000 B over Ethernet',
    what: 'UDP, MTU 1500: three fragments',
    fields: p({ len: '4000', mtu: '1500' }),
  },
  { name: 'Just fits', what: '1472 B: one packet, DF set', fields: p({ len: '1472', mtu: '1500' }) },
  {
    name: 'DF → EMSGSIZE',
    what: 'IP_PMTUDISC_DO and 4000 B',
    fields: p({ len: '4000', mtu: '1500', pmtu: 'do' }),
  },
  {
    name: 'MTU 68 worst case',
    what: '65,507 B in 1,366 fragments (send-buffer check off)',
    fields: p({ len: '65507', mtu: '68', sndbufcheck: '0' }),
  },
  {
    name: 'Record-route option',
    what: 'Not copied: NOOPs after fragment 1',
    fields: p({ len: '1500', mtu: '1006', opts: '070b04000000000000000000' }),
  },
  {
    name: 'Router alert',
    what: 'A copied option',
    fields: p({ len: '3000', mtu: '1500', opts: '94040000' }),
  },
  {
    name: 'IPv6 1280',
    what: 'Minimum IPv6 MTU, fragment header',
    fields: p({ family: 'inet6', len: '3000', mtu: '1280' }),
  },
  {
    name: 'MSG_MORE sends',
    what: '7 + 1473 + 1480 + 9 glued into one datagram',
    fields: p({ mode: 'sends', sends: '7,1473,1480,9', mtu: '1500' }),
  },
  {
    name: 'iovec',
    what: 'sendmsg() with two buffers',
    fields: p({ mode: 'iov', iov: '1000,2000', mtu: '1500' }),
  },
  {
    name: 'Raw, IP_HDRINCL',
    what: 'You write the IP header',
    fields: p({ sock: 'raw-hdrincl', len: '3000', mtu: '1500' }),
  },
];
