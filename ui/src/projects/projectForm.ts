import { BILLING_TYPES, CONTRACT_TYPES } from '@sss/contracts/project/fields';
import { ProjectBasics } from '@sss/contracts/project/schemas';
import type { ProjectDetail } from '@sss/contracts/project/views';

/**
 * The 案件 form as flat strings keyed by the body's dotted paths (`leader.name`), so each input, its
 * message (server `errors[].field`) and its test id share one name.
 */
export const PROJECT_FORM_PATHS = [
  'name',
  'customerCompanyId',
  'supervisingOrgUnitId',
  'accountingUnit',
  'leader.employeeId',
  'leader.name',
  'businessSegment.first',
  'businessSegment.second',
  'businessSegment.third',
  'salesInfo.serviceType',
  'salesInfo.contractType',
  'salesInfo.revenueRecognition',
  'startDate',
  'endDate',
  'resale',
  'billingType',
] as const;
export type ProjectFormPath = (typeof PROJECT_FORM_PATHS)[number];
export type ProjectFormValues = Record<ProjectFormPath, string>;

export function emptyProjectForm(leader: { id: string; name: string } | undefined): ProjectFormValues {
  const values = Object.fromEntries(PROJECT_FORM_PATHS.map((p) => [p, ''])) as ProjectFormValues;
  values['leader.employeeId'] = leader?.id ?? '';
  values['leader.name'] = leader?.name ?? '';
  values['salesInfo.contractType'] = CONTRACT_TYPES[1];
  values.billingType = BILLING_TYPES[0];
  values.resale = 'false';
  return values;
}

export function formFromProject(p: ProjectDetail): ProjectFormValues {
  return {
    name: p.name,
    customerCompanyId: p.customer.id,
    supervisingOrgUnitId: p.supervisingOrgUnit.id,
    accountingUnit: p.accountingUnit,
    'leader.employeeId': p.leader.employeeId,
    'leader.name': p.leader.name,
    'businessSegment.first': p.businessSegment.first,
    'businessSegment.second': p.businessSegment.second,
    'businessSegment.third': p.businessSegment.third,
    'salesInfo.serviceType': p.salesInfo.serviceType,
    'salesInfo.contractType': p.salesInfo.contractType,
    'salesInfo.revenueRecognition': p.salesInfo.revenueRecognition,
    startDate: p.startDate,
    endDate: p.endDate,
    resale: String(p.resale),
    billingType: p.billingType,
  };
}

/** Not yet checked: `validate(ProjectBasics, body)` says whether it is one. */
export function bodyFromForm(v: ProjectFormValues): unknown {
  const s = (path: ProjectFormPath) => v[path].trim();
  return {
    name: s('name'),
    customerCompanyId: s('customerCompanyId'),
    supervisingOrgUnitId: s('supervisingOrgUnitId'),
    accountingUnit: s('accountingUnit'),
    leader: { employeeId: s('leader.employeeId'), name: s('leader.name') },
    businessSegment: { first: s('businessSegment.first'), second: s('businessSegment.second'), third: s('businessSegment.third') },
    salesInfo: { serviceType: s('salesInfo.serviceType'), contractType: s('salesInfo.contractType'), revenueRecognition: s('salesInfo.revenueRecognition') },
    startDate: s('startDate'),
    endDate: s('endDate'),
    resale: v.resale === 'true',
    billingType: s('billingType'),
  };
}

/** The schema title of a dotted path, as the label beside the input (one source with the server's messages). */
export function projectFieldLabel(path: ProjectFormPath): string {
  let node: unknown = ProjectBasics;
  const titles: string[] = [];
  for (const part of path.split('.')) {
    node = (node as { properties?: Record<string, unknown> }).properties?.[part];
    titles.push((node as { title?: string } | undefined)?.title ?? part);
  }
  // 「氏名」「社員ID」 alone do not say whose: the leader's fields carry the group's title
  return path.startsWith('leader.') ? `${titles[0]}（${titles[1]}）` : (titles.at(-1) ?? path);
}
