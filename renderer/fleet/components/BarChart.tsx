export interface BarChartProps {
  title: string;
  labels: readonly string[];
  values: readonly number[];
  /** Appended to each value in the accessible description, e.g. " %" */
  unit?: string;
  /** Fixed top of the scale (100 for percentages); otherwise the largest value. */
  max?: number;
  emptyText: string;
}

const WIDTH = 560;
const HEIGHT = 180;
const PAD = 24;

/** A plain SVG bar chart; screen readers get the numbers as the image's description. */
export function BarChart({ title, labels, values, unit = '', max, emptyText }: BarChartProps) {
  const top = max ?? Math.max(1, ...values);
  const slot = (WIDTH - PAD) / Math.max(1, values.length);
  const described = labels.map((label, i) => `${label}: ${values[i] ?? 0}${unit}`).join(', ');
  return (
    <figure className="fleet-chart">
      <figcaption className="fleet-chart__title">{title}</figcaption>
      {values.length === 0 ? (
        <p className="fleet-chart__empty">{emptyText}</p>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 40}`} role="img" aria-label={`${title}: ${described}`}>
          <line x1={PAD} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} className="fleet-chart__axis" />
          <text x={0} y={12} className="fleet-chart__scale">
            {top}
            {unit}
          </text>
          {values.map((value, i) => {
            const h = Math.round((value / top) * (HEIGHT - 20));
            const x = PAD + i * slot + slot * 0.15;
            return (
              <g key={labels[i] ?? i}>
                <rect x={x} y={HEIGHT - h} width={slot * 0.7} height={h} className="fleet-chart__bar" />
                <text x={x + slot * 0.35} y={HEIGHT + 16} textAnchor="middle" className="fleet-chart__label">
                  {labels[i]}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
