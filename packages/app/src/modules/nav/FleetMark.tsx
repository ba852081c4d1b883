/**
 * Fleet Portal's mark: three clusters (hexagons) in formation, the lead one filled. Drawn for a
 * 48-unit square, so it can stand alone (the closed sidebar) or beside the name.
 */
export function FleetMark(props: { x?: number; y?: number; size?: number }) {
  const { x = 0, y = 0, size = 48 } = props;
  const hexagon = (cx: number, cy: number, r: number) =>
    [0, 1, 2, 3, 4, 5]
      .map(i => {
        const angle = (Math.PI / 3) * i + Math.PI / 6;
        return `${(cx + r * Math.cos(angle)).toFixed(2)},${(
          cy +
          r * Math.sin(angle)
        ).toFixed(2)}`;
      })
      .join(' ');
  return (
    <g transform={`translate(${x} ${y}) scale(${size / 48})`}>
      <polygon points={hexagon(24, 14, 11)} fill="#7df3e1" />
      <polygon
        points={hexagon(12, 34, 10)}
        fill="none"
        stroke="#7df3e1"
        strokeWidth={3}
      />
      <polygon
        points={hexagon(36, 34, 10)}
        fill="none"
        stroke="#7df3e1"
        strokeWidth={3}
      />
    </g>
  );
}
