import type { FieldError } from '@sss/contracts/http/problem';
import type { ProjectBasics } from '@sss/contracts/project/schemas';
import type { ProjectResource } from '@sss/contracts/project/events';
import { monthOf } from '@sss/contracts/domain/months';
import { dateErrors, orderErrors } from './validation.ts';
import { same } from '../kernel/same.ts';

/** Rules on a project's basic attributes (基本属性). */

export function basicsErrors(basics: ProjectBasics): FieldError[] {
  return [
    ...dateErrors({ startDate: basics.startDate, endDate: basics.endDate }, { startDate: '開始日', endDate: '終了日' }),
    ...orderErrors('startDate', basics.startDate, 'endDate', basics.endDate, '終了日は開始日以降の日付にしてください。'),
  ];
}

/**
 * A new period must still hold every month that has effort: shrinking it silently would drop
 * 売上 and 原価 from the 収支管理表. The error names the period field and the rows at fault.
 */
export function periodKeepsEffortErrors(basics: ProjectBasics, resources: readonly ProjectResource[]): FieldError[] {
  const first = monthOf(basics.startDate);
  const last = monthOf(basics.endDate);
  const before: string[] = [];
  const after: string[] = [];
  for (const r of resources) {
    for (const month of Object.keys(r.effort)) {
      if (month < first) before.push(`${r.name}（${month}）`);
      if (month > last) after.push(`${r.name}（${month}）`);
    }
  }
  const message = (list: string[]) => `期間外になる工数があります: ${list.join('、')}。先に工数を移すか削除してください。`;
  return [...(before.length ? [{ field: 'startDate', message: message(before) }] : []), ...(after.length ? [{ field: 'endDate', message: message(after) }] : [])];
}

const BASICS_KEYS = ['name', 'customerCompanyId', 'supervisingOrgUnitId', 'accountingUnit', 'leader', 'businessSegment', 'salesInfo', 'startDate', 'endDate', 'resale', 'billingType'] as const satisfies readonly (keyof ProjectBasics)[];

export function changedBasics(before: ProjectBasics, after: ProjectBasics): (keyof ProjectBasics)[] {
  return BASICS_KEYS.filter((k) => !same(before[k], after[k]));
}

/** Keep exactly the known fields, so an event never records more than the schema allows. */
export function pickBasics(b: ProjectBasics): ProjectBasics {
  return {
    name: b.name,
    customerCompanyId: b.customerCompanyId,
    supervisingOrgUnitId: b.supervisingOrgUnitId,
    accountingUnit: b.accountingUnit,
    leader: { employeeId: b.leader.employeeId, name: b.leader.name },
    businessSegment: { first: b.businessSegment.first, second: b.businessSegment.second, third: b.businessSegment.third },
    salesInfo: { serviceType: b.salesInfo.serviceType, contractType: b.salesInfo.contractType, revenueRecognition: b.salesInfo.revenueRecognition },
    startDate: b.startDate,
    endDate: b.endDate,
    resale: b.resale,
    billingType: b.billingType,
  };
}
