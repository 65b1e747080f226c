import { summarize, type ProjectSummary, type SummaryResource } from '@sss/contracts/project/summaries';
import { monthsBetween } from '@sss/contracts/domain/months';
import type { ResourceView } from '@sss/contracts/project/views';

/** The 月毎明細 rows of a read model as the pure summary wants them (ids only where the kind has them). */
export function summaryResources(resources: readonly ResourceView[]): SummaryResource[] {
  return resources.map((r) => ({
    resourceNo: r.resourceNo,
    kind: r.kind,
    name: r.name,
    cost: r.cost,
    quotedUnitPrice: r.quotedUnitPrice,
    effort: r.effort,
    ...(r.employeeId ? { employeeId: r.employeeId } : {}),
    ...(r.partnerId ? { partnerId: r.partnerId } : {}),
    ...(r.partnerCompany ? { partnerCompanyId: r.partnerCompany.id } : {}),
  }));
}

/** プロジェクトサマリー over the project period (months with effort outside it are included too). */
export function projectSummary(project: { resources: readonly ResourceView[]; startDate: string; endDate: string }): ProjectSummary {
  return summarize(summaryResources(project.resources), monthsBetween(project.startDate, project.endDate));
}
