/** A small step chart of queue length over time, for a table cell (the cell's text says the longest). */
export function Sparkline({ points, until, max }: { points: readonly (readonly [number, number])[]; until: number; max: number }) {
  const width = 120;
  const height = 24;
  const x = (t: number): number => (until > 0 ? (t / until) * width : 0);
  const y = (length: number): number => height - 1 - (length / max) * (height - 2);
  let path = `M0 ${y(0)}`;
  for (const [t, length] of points) path += ` H${x(t).toFixed(1)} V${y(length).toFixed(1)}`;
  path += ` H${width}`;
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      <path d={path} />
    </svg>
  );
}
