/**
 * One colour language for what occupies bytes — the same in the fragment diagram, the wire table
 * and the sk_buff panel. Colours live in CSS variables (`--k-ip` …) so both themes follow.
 */
import type { RegionKind } from '../../core/skb/index.ts';
import { defineMessages, formatMsg, msg } from '../../core/i18n/index.ts';
import type { Locale } from '../../core/i18n/index.ts';
import { useLocale } from '../i18n/locale.ts';
import { lazyWords } from '../i18n/lazy-words.ts';

const M = defineMessages({
  eth: {
    id: 'app.kind.eth',
    defaultMessage: 'Link header',
    description: 'Colour key: the Ethernet header bytes.',
  },
  ip: { id: 'app.kind.ip', defaultMessage: 'IPv4 header', description: 'Colour key.' },
  ipopt: { id: 'app.kind.ipopt', defaultMessage: 'IPv4 options', description: 'Colour key.' },
  ip6: { id: 'app.kind.ip6', defaultMessage: 'IPv6 header', description: 'Colour key.' },
  frag6: {
    id: 'app.kind.frag6',
    defaultMessage: 'Fragment header',
    description: 'Colour key: the IPv6 Fragment extension header.',
  },
  udp: { id: 'app.kind.udp', defaultMessage: 'UDP header', description: 'Colour key.' },
  payload: { id: 'app.kind.payload', defaultMessage: 'Payload', description: 'Colour key: the data bytes.' },
  legend: {
    id: 'app.kind.legend',
    defaultMessage: 'Colour key',
    description: 'Accessible name of the colour key.',
  },
});

const KINDS: readonly RegionKind[] = ['eth', 'ip', 'ipopt', 'ip6', 'frag6', 'udp', 'payload'];
const labels = new Map<Locale, Record<RegionKind, string>>();

/** What each kind of bytes is called, in `locale`. */
export function kindLabels(locale: Locale): Record<RegionKind, string> {
  let l = labels.get(locale);
  if (!l) {
    l = Object.fromEntries(KINDS.map((k) => [k, formatMsg(msg(M[k]), locale)])) as Record<RegionKind, string>;
    labels.set(locale, l);
  }
  return l;
}

/** What each kind of bytes is called, in the page's language. */
export const useKindLabels = (): Record<RegionKind, string> => kindLabels(useLocale());

/** In English (the page's language: `useKindLabels()`). */
export const KIND_LABEL: Record<RegionKind, string> = lazyWords(() => kindLabels('en'));

export const kindFill = (k: RegionKind) => `var(--k-${k})`;
export const kindInk = (k: RegionKind) => `var(--k-${k}-ink)`;

export function KindSwatch({ kind }: { kind: RegionKind }) {
  return <span className="swatch" style={{ background: kindFill(kind) }} aria-hidden="true" />;
}

export function Legend({ kinds, label }: { kinds: readonly RegionKind[]; label?: string }) {
  const locale = useLocale();
  const names = kindLabels(locale);
  return (
    <ul className="legend" aria-label={label ?? formatMsg(msg(M.legend), locale)}>
      {kinds.map((k) => (
        <li key={k}>
          <KindSwatch kind={k} />
          {names[k]}
        </li>
      ))}
    </ul>
  );
}
