import { useId } from "react";

export type Bar = { label: string; value: number; valueLabel: string };

const WIDTH = 640;
const ROW = 28;
const LABEL = 170;
const VALUE = 110;

/**
 * A horizontal bar chart drawn on the server: an image with its own title and description for
 * screen readers, and no script. The same figures are always in a table beside it.
 */
export function BarChart({ title, description, bars }: { title: string; description: string; bars: Bar[] }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => Math.abs(b.value)));
  const plot = WIDTH - LABEL - VALUE;
  const height = Math.max(1, bars.length) * ROW + 8;
  return (
    <figure className="app-chart">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((bar, i) => {
          const y = 4 + i * ROW;
          const width = Math.round((Math.max(0, bar.value) / max) * plot);
          return (
            <g key={i}>
              <text x={LABEL - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" className="app-chart__label">
                {bar.label}
              </text>
              <rect x={LABEL} y={y + 4} width={width} height={ROW - 8} className="app-chart__bar" />
              <text x={LABEL + width + 6} y={y + ROW / 2} dominantBaseline="middle" className="app-chart__value">
                {bar.valueLabel}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
