import { formatNumber } from '@sss/contracts/domain/money';
/**
 * A small grouped bar chart in plain SVG: enough for plan vs actual and aging, with no chart library
 * to keep up to date. Each bar carries its value as a title, so a screen reader and a hover show it.
 */
const COLORS = ['#9db4d6', '#2f5f9e'];

export function BarChart({ bars, series, height = 160 }: { bars: { label: string; values: number[] }[]; series: string[]; height?: number }) {
  const max = Math.max(1, ...bars.flatMap((b) => b.values));
  const groupWidth = 64;
  const barWidth = (groupWidth - 16) / Math.max(1, series.length);
  const width = bars.length * groupWidth + 8;
  return (
    <figure className="bar-chart">
      <svg width={width} height={height + 36} role="img" aria-label={series.join(' / ')}>
        {bars.map((bar, i) =>
          bar.values.map((value, s) => {
            const h = Math.round((value / max) * height);
            return (
              <rect key={`${i}-${s}`} x={8 + i * groupWidth + s * barWidth} y={height - h + 4} width={barWidth - 2} height={h} fill={COLORS[s % COLORS.length]}>
                <title>{`${bar.label} ${series[s]}: ¥${formatNumber(value)}`}</title>
              </rect>
            );
          }),
        )}
        {bars.map((bar, i) => (
          <text key={bar.label} x={8 + i * groupWidth + (groupWidth - 16) / 2} y={height + 22} fontSize="10" textAnchor="middle">{bar.label}</text>
        ))}
      </svg>
      <figcaption>
        {series.map((s, i) => (
          <span key={s} style={{ marginRight: 12 }}><span style={{ display: 'inline-block', width: 10, height: 10, background: COLORS[i % COLORS.length], marginRight: 4 }} />{s}</span>
        ))}
      </figcaption>
    </figure>
  );
}
