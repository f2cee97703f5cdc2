/**
 * One colour language for what occupies bytes — the same in the fragment diagram, the wire table
 * and the sk_buff panel. Colours live in CSS variables (`--k-ip` …) so both themes follow.
 */
import type { RegionKind } from '../../core/skb/index.ts';

export const KIND_LABEL: Record<RegionKind, string> = {
  eth: 'Link header',
  ip: 'IPv4 header',
  ipopt: 'IPv4 options',
  ip6: 'IPv6 header',
  frag6: 'Fragment header',
  udp: 'UDP header',
  payload: 'Payload',
};

export const kindFill = (k: RegionKind) => `var(--k-${k})`;
export const kindInk = (k: RegionKind) => `var(--k-${k}-ink)`;

export function KindSwatch({ kind }: { kind: RegionKind }) {
  return <span className="swatch" style={{ background: kindFill(kind) }} aria-hidden="true" />;
}

export function Legend({ kinds, label = 'Colour key' }: { kinds: readonly RegionKind[]; label?: string }) {
  return (
    <ul className="legend" aria-label={label}>
      {kinds.map((k) => (
        <li key={k}>
          <KindSwatch kind={k} />
          {KIND_LABEL[k]}
        </li>
      ))}
    </ul>
  );
}
