import type { ProjectSummary } from '@sss/contracts/project/summaries';
import { formatYen } from '@sss/contracts/domain/money';
import { projectLabels } from '../../i18n/projects.ts';
import { useLabels } from '../../i18n/useLabels.ts';

interface Props {
  summary: ProjectSummary;
  /** Columns before the months (kind, name, 原価, 提示単価). */
  leading: number;
  trailing: number;
}

/** 売上・原価・粗利・粗利率 by month and in total, under the grid; computed from the unsaved rows. */
export function GridTotals({ summary, leading, trailing }: Props) {
  const text = useLabels(projectLabels);
  const lines = [
    { key: 'revenue', label: text('revenue'), month: (i: number) => formatYen(summary.byMonth[i]?.revenue), total: formatYen(summary.total.revenue) },
    { key: 'cost', label: text('cost'), month: (i: number) => formatYen(summary.byMonth[i]?.cost), total: formatYen(summary.total.cost) },
    { key: 'grossProfit', label: text('grossProfit'), month: (i: number) => formatYen(summary.byMonth[i]?.grossProfit), total: formatYen(summary.total.grossProfit) },
    {
      key: 'grossMargin',
      label: text('grossMargin'),
      month: (i: number) => percent(summary.byMonth[i]?.grossMarginPercent),
      total: percent(summary.total.grossMarginPercent),
    },
  ];
  return (
    <tfoot>
      {lines.map((line) => (
        <tr key={line.key} className="grid-total" data-testid={`total-${line.key}`}>
          <th colSpan={leading}>{line.label}</th>
          {summary.months.map((month, i) => (
            <td key={month} className="num" data-testid={`total-${line.key}-${month}`}>
              {line.month(i)}
            </td>
          ))}
          <td className="num" />
          <td className="num" colSpan={2} data-testid={`total-${line.key}-all`}>
            {line.total}
          </td>
          {trailing > 0 && <td />}
        </tr>
      ))}
    </tfoot>
  );
}

function percent(value: string | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value}%`;
}
