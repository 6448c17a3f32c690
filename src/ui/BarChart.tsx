import { formatCompact } from './format-number';

/**
 * A labelled SVG bar chart; the numbers are also in the table beside it, for
 * screen readers, and exact there: the chart's labels are compact (1.25M), so
 * a million-job run's times fit beside the axis and above the bars.
 */
export function BarChart({ bars, xLabel, yLabel, unit }: { bars: readonly { label: string; value: number }[]; xLabel: string; yLabel: string; unit: string }) {
  const width = 360;
  const height = 180;
  const left = 44;
  const bottom = 36;
  // Room above the tallest bar for its label.
  const top = 16;
  const max = Math.max(1e-9, ...bars.map((b) => b.value));
  const slot = (width - left - 8) / Math.max(1, bars.length);
  const y = (value: number): number => top + (height - top - bottom) * (1 - value / max);
  return (
    <svg className="bar-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${yLabel} by ${xLabel}`}>
      <line x1={left} y1={top} x2={left} y2={height - bottom} className="axis" />
      <line x1={left} y1={height - bottom} x2={width - 8} y2={height - bottom} className="axis" />
      <text x={12} y={(height - bottom) / 2} className="axis-label" transform={`rotate(-90 12 ${(height - bottom) / 2})`} textAnchor="middle">
        {yLabel}
      </text>
      <text x={(left + width) / 2} y={height - 4} className="axis-label" textAnchor="middle">
        {xLabel}
      </text>
      <text x={left - 4} y={top + 4} className="tick-label" textAnchor="end">
        {formatCompact(max)}
      </text>
      <text x={left - 4} y={height - bottom} className="tick-label" textAnchor="end">
        0
      </text>
      {bars.map((bar, i) => (
        <g key={bar.label}>
          <rect x={left + i * slot + slot * 0.15} y={y(bar.value)} width={slot * 0.7} height={height - bottom - y(bar.value)} className="bar" />
          <text x={left + i * slot + slot / 2} y={y(bar.value) - 3} className="value-label" textAnchor="middle">
            {formatCompact(bar.value)}
            {unit}
          </text>
          <text x={left + i * slot + slot / 2} y={height - bottom + 14} className="tick-label" textAnchor="middle">
            {bar.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
