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

/** A preset: its key, its name and what it shows, and the fields it sets (the rest stay the defaults). */
const preset = (
  key: string,
  name: MessageDescriptor,
  what: MessageDescriptor,
  patch: Partial<FragmentFields>,
): Preset => ({ key, name, what, fields: { ...DEFAULT_FIELDS, ...patch } });

/** Starting points a teacher would pick; each is just a set of form values. */
export const PRESETS: readonly Preset[] = [
  preset('ethernet', W.presetEthernet, W.presetEthernetWhat, { len: '4000', mtu: '1500' }),
  preset('fits', W.presetFits, W.presetFitsWhat, { len: '1472', mtu: '1500' }),
  preset('df', W.presetDf, W.presetDfWhat, { len: '4000', mtu: '1500', pmtu: 'do' }),
  preset('mtu68', W.presetMtu68, W.presetMtu68What, { len: '65507', mtu: '68', sndbufcheck: '0' }),
  preset('rr', W.presetRr, W.presetRrWhat, { len: '1500', mtu: '1006', opts: '070b04000000000000000000' }),
  preset('ra', W.presetRa, W.presetRaWhat, { len: '3000', mtu: '1500', opts: '94040000' }),
  preset('v6', W.presetV6, W.presetV6What, { family: 'inet6', len: '3000', mtu: '1280' }),
  preset('more', W.presetMore, W.presetMoreWhat, { mode: 'sends', sends: '7,1473,1480,9', mtu: '1500' }),
  preset('iov', W.presetIov, W.presetIovWhat, { mode: 'iov', iov: '1000,2000', mtu: '1500' }),
  preset('hdrincl', W.presetHdrincl, W.presetHdrinclWhat, { sock: 'raw-hdrincl', len: '3000', mtu: '1500' }),
];
