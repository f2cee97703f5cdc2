/** The SVG patterns every lab's diagrams share (the hatch of headroom and tailroom), defined once a page. */
export function SvgDefs() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
      <defs>
        <pattern
          id="room-hatch"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="var(--room)" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="var(--room-line)" strokeWidth="1.5" />
        </pattern>
      </defs>
    </svg>
  );
}
