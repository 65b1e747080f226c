import { PROJECT_STATUS_LABELS } from '@sss/contracts/project/status';
import type { ProjectDetail } from '@sss/contracts/project/views';
import { formatMonthSlashed } from '@sss/contracts/domain/months';
import { renderXlsx, type SheetSpec } from '../documents/xlsx.ts';

/**
 * 収支管理表 (docs/domain.md §Documents): the header of the project, one row per 月毎明細 resource with its
 * monthly effort, cost and sales totals, and the month-by-month and total revenue, cost by kind,
 * 粗利 and 粗利率. Every figure comes from the same `summarize` as the screen, so the file and the
 * 案件詳細 can never disagree. Effort cells are numbers (Excel adds them up); they are exact to 0.01.
 */


export function balanceSheetSpecs(project: ProjectDetail): SheetSpec[] {
  const { summary } = project;
  const months = summary.months;
  const resourceRows = summary.rows.map((line) => {
    const resource = project.resources.find((r) => r.resourceNo === line.resourceNos[0])!;
    const row: Record<string, string | number | null> = {
      kind: resource.kindLabel,
      no: resource.resourceNo,
      name: resource.name,
      detail: resource.classRank ?? resource.partnerCompany?.name ?? resource.expenseType ?? '',
      cost: resource.cost,
      price: resource.quotedUnitPrice,
      effort: Number(line.total.effort),
      costTotal: line.total.cost,
      revenueTotal: line.total.revenue,
    };
    for (const m of line.months) row[m.month] = m.effort === '0' ? null : Number(m.effort);
    return row;
  });
  const totalRow: Record<string, string | number | null> = { kind: '合計', effort: Number(summary.total.effort), costTotal: summary.total.cost, revenueTotal: summary.total.revenue };
  for (const m of summary.byMonth) totalRow[m.month] = Number(m.effort);

  const fields: [string, string | number][] = [
    ['案件番号', project.projectNumber],
    ['案件名', project.name],
    ['顧客会社', project.customer.name],
    ['期間', `${project.startDate} 〜 ${project.endDate}`],
    ['契約形態', project.salesInfo.contractType],
    ['サービス種別', project.salesInfo.serviceType],
    ['主管部', project.supervisingOrgUnit.name],
    ['プロジェクトリーダー', project.leader.name],
    ['ステータス', PROJECT_STATUS_LABELS[project.status]],
  ];
  const rowsSheet: SheetSpec = {
    name: '収支管理表',
    title: `収支管理表\u3000${project.projectNumber} ${project.name}`,
    fields,
    columns: [
      { header: '区分', key: 'kind', width: 10 },
      { header: 'No', key: 'no', width: 5 },
      { header: '名称', key: 'name', width: 20 },
      { header: 'クラス/協力会社/経費種別', key: 'detail', width: 20 },
      { header: '原価', key: 'cost', yen: true },
      { header: '提示単価', key: 'price', yen: true },
      ...months.map((m) => ({ header: formatMonthSlashed(m), key: m, width: 9 })),
      { header: '工数計', key: 'effort', width: 9 },
      { header: '原価計', key: 'costTotal', yen: true },
      { header: '売上計', key: 'revenueTotal', yen: true },
    ],
    rows: [...resourceRows, totalRow],
  };
  const figures = (label: string, f: ProjectDetail['summary']['total']) => ({
    month: label, revenue: f.revenue, employeeCost: f.employeeCost, partnerCost: f.partnerCost, expenseCost: f.expenseCost, cost: f.cost, grossProfit: f.grossProfit,
    grossMarginPercent: f.grossMarginPercent === null ? '-' : `${f.grossMarginPercent}%`,
  });
  const monthsSheet: SheetSpec = {
    name: '月別収支',
    title: `月別収支\u3000${project.projectNumber} ${project.name}`,
    columns: [
      { header: '月', key: 'month', width: 10 },
      { header: '売上', key: 'revenue', yen: true },
      { header: '原価（社員）', key: 'employeeCost', yen: true },
      { header: '原価（パートナー）', key: 'partnerCost', yen: true },
      { header: '原価（諸経費）', key: 'expenseCost', yen: true },
      { header: '原価計', key: 'cost', yen: true },
      { header: '粗利', key: 'grossProfit', yen: true },
      { header: '粗利率', key: 'grossMarginPercent', width: 10 },
    ],
    rows: [...summary.byMonth.map((m) => figures(formatMonthSlashed(m.month), m)), figures('合計', summary.total)],
  };
  return [rowsSheet, monthsSheet];
}

export const renderBalanceSheet = (project: ProjectDetail): Promise<Buffer> => renderXlsx(balanceSheetSpecs(project));
