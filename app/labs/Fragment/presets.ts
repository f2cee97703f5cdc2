import type { MessageDescriptor } from 'react-intl';
import { DEFAULT_FIELDS } from './params.ts';
import type { FragmentFields } from './params.ts';
import { W } from './words.tsx';

export interface Preset {
  key: string;
  /** The chip's name and what it shows (its title), in the catalogs. */
  name: MessageDescriptor;
  what: MessageDescriptor;
  fields: FragmentFields;
}

const p = (patch: Partial<FragmentFields>): FragmentFields => ({ ...DEFAULT_FIELDS, ...patch });

/** Starting points a teacher would pick; each is just a set of form values. */
export const PRESETS: readonly Preset[] = [
  {
    key: 'ethernet',
    name: W.presetEthernet,
    what: W.presetEthernetWhat,
    fields: p({ len: '4000', mtu: '1500' }),
  },
  { key: 'fits', name: W.presetFits, what: W.presetFitsWhat, fields: p({ len: '1472', mtu: '1500' }) },
  { key: 'df', name: W.presetDf, what: W.presetDfWhat, fields: p({ len: '4000', mtu: '1500', pmtu: 'do' }) },
  {
    key: 'mtu68',
    name: W.presetMtu68,
    what: W.presetMtu68What,
    fields: p({ len: '65507', mtu: '68', sndbufcheck: '0' }),
  },
  {
    key: 'rr',
    name: W.presetRr,
    what: W.presetRrWhat,
    fields: p({ len: '1500', mtu: '1006', opts: '070b04000000000000000000' }),
  },
  {
    key: 'ra',
    name: W.presetRa,
    what: W.presetRaWhat,
    fields: p({ len: '3000', mtu: '1500', opts: '94040000' }),
  },
  {
    key: 'v6',
    name: W.presetV6,
    what: W.presetV6What,
    fields: p({ family: 'inet6', len: '3000', mtu: '1280' }),
  },
  {
    key: 'more',
    name: W.presetMore,
    what: W.presetMoreWhat,
    fields: p({ mode: 'sends', sends: '7,1473,1480,9', mtu: '1500' }),
  },
  {
    key: 'iov',
    name: W.presetIov,
    what: W.presetIovWhat,
    fields: p({ mode: 'iov', iov: '1000,2000', mtu: '1500' }),
  },
  {
    key: 'hdrincl',
    name: W.presetHdrincl,
    what: W.presetHdrinclWhat,
    fields: p({ sock: 'raw-hdrincl', len: '3000', mtu: '1500' }),
  },
];
