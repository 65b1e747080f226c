import type { Figures, MonthFigures, SummaryLine } from '@sss/contracts/project/summaries';
import { projectLabels } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { formatYen } from '@sss/contracts/domain/money';

const percent = (v: string | null) => (v === null ? '—' : `${v}%`);

/** プロジェクトサマリー: 売上・原価（種別ごと）・粗利・粗利率, month by month and in total. */
export function ProjectSummaryTable({ months, byMonth, total }: { months: readonly string[]; byMonth: readonly MonthFigures[]; total: Figures }) {
  const text = useLabels(projectLabels);
  const rows: { key: keyof Figures; label: string; show: (f: Figures) => string }[] = [
    { key: 'effort', label: `${text('effort')}（人月）`, show: (f) => f.effort },
    { key: 'revenue', label: text('revenue'), show: (f) => formatYen(f.revenue) },
    { key: 'employeeCost', label: text('monthCost'), show: (f) => formatYen(f.employeeCost) },
    { key: 'partnerCost', label: text('monthPartnerCost'), show: (f) => formatYen(f.partnerCost) },
    { key: 'expenseCost', label: text('monthExpenseCost'), show: (f) => formatYen(f.expenseCost) },
    { key: 'cost', label: text('cost'), show: (f) => formatYen(f.cost) },
    { key: 'grossProfit', label: text('grossProfit'), show: (f) => formatYen(f.grossProfit) },
    { key: 'grossMarginPercent', label: text('grossMargin'), show: (f) => percent(f.grossMarginPercent) },
  ];
  return (
    <div className="table-wrap grid-wrap">
      <table className="table compact" data-testid="summary-project">
        <thead>
          <tr>
            <th />
            {months.map((m) => (
              <th key={m} className="num">
                {m}
              </th>
            ))}
            <th className="num">{text('total')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid={`summary-${row.key}`}>
              <th>{row.label}</th>
              {byMonth.map((f) => (
                <td key={f.month} className="num">
                  {row.show(f)}
                </td>
              ))}
              <td className="num" data-testid={`summary-${row.key}-total`}>
                {row.show(total)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 社員別・パートナー別・諸経費: one line per person (or expense row) with 工数, 売上, 原価, 粗利 per month and in total. */
export function SummaryLinesTable({ lines, months, testId }: { lines: readonly SummaryLine[]; months: readonly string[]; testId: string }) {
  const text = useLabels(projectLabels);
  return (
    <div className="table-wrap grid-wrap">
      <table className="table compact" data-testid={testId}>
        <thead>
          <tr>
            <th>{text('name')}</th>
            <th />
            {months.map((m) => (
              <th key={m} className="num">
                {m}
              </th>
            ))}
            <th className="num">{text('total')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.length === 0 && (
            <tr>
              <td colSpan={months.length + 3} className="empty">
                —
              </td>
            </tr>
          )}
          {lines.flatMap((line) =>
            (
              [
                ['effort', text('effort'), (f: Figures) => f.effort],
                ['revenue', text('revenue'), (f: Figures) => formatYen(f.revenue)],
                ['cost', text('cost'), (f: Figures) => formatYen(f.cost)],
                ['grossProfit', text('grossProfit'), (f: Figures) => formatYen(f.grossProfit)],
              ] as const
            ).map(([key, label, show], i) => (
              <tr key={`${line.key}-${key}`} data-testid={`${testId}-line`} data-key={line.key} data-figure={key}>
                {i === 0 && <th rowSpan={4}>{line.name}</th>}
                <th className="subtle">{label}</th>
                {line.months.map((f) => (
                  <td key={f.month} className="num">
                    {show(f)}
                  </td>
                ))}
                <td className="num">{show(line.total)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
