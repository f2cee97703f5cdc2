import type { SVGProps } from 'react';

/** A hatch: a square tile of `size` px, its background and one stripe, turned 45°. */
function Hatch({
  id,
  size = 6,
  bg,
  stripe,
}: {
  id: string;
  size?: number;
  bg: SVGProps<SVGRectElement>;
  stripe: SVGProps<SVGLineElement>;
}) {
  return (
    <pattern id={id} width={size} height={size} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width={size} height={size} {...bg} />
      <line x1="0" y1="0" x2="0" y2={size} {...stripe} />
    </pattern>
  );
}

/**
 * The SVG patterns the labs' diagrams share, defined once on the page (a diagram refers to them
 * with `url(#…)`; an exported SVG copies the ones it uses): headroom and tailroom (`room-hatch`),
 * a run of the fragment queue (`run-hatch`), netlink padding (`nl-hatch`), a reassembly hole
 * (`rq-hole`).
 */
export function SvgDefs() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
      <defs>
        <Hatch
          id="room-hatch"
          bg={{ fill: 'var(--room)' }}
          stripe={{ stroke: 'var(--room-line)', strokeWidth: 1.5 }}
        />
        <Hatch
          id="run-hatch"
          bg={{ fill: 'var(--k-ip)' }}
          stripe={{ stroke: 'var(--surface)', strokeOpacity: 0.45, strokeWidth: 2 }}
        />
        <Hatch id="nl-hatch" bg={{ className: 'nl-hatch-bg' }} stripe={{ className: 'nl-hatch-line' }} />
        <Hatch
          id="rq-hole"
          size={7}
          bg={{ className: 'rq-hole-bg' }}
          stripe={{ className: 'rq-hole-line' }}
        />
      </defs>
    </svg>
  );
}
