import type { ProjectEvent, ProjectResource } from '@sss/contracts/project/events';
import type { ProjectBasics } from '@sss/contracts/project/schemas';
import { DomainError } from '@sss/contracts/http/problem';
import type { ApprovalKind, ApprovalOutcome } from '@sss/contracts/project/fields';
import type { ProjectStatus } from '@sss/contracts/project/status';
import { fold } from '../../src/kernel/decider.ts';
import type { CommandMeta, ProjectCommand } from '../../src/project/commands.ts';
import { projectDecider } from '../../src/project/decider.ts';

/** A realistic project and its events, shared by the project specs. */

export const meta: CommandMeta = { actor: 'u-sato', at: '2025-04-01T01:00:00.000Z' };
export const PID = 'p-1';

export const basics: ProjectBasics = {
  name: '基幹システム刷新 要件定義支援',
  customerCompanyId: 'c-acme',
  supervisingOrgUnitId: 'org-bs1',
  accountingUnit: 'BS (事業部)',
  leader: { employeeId: 'e-100', name: '佐藤 一郎' },
  businessSegment: { first: 'SI', second: 'コンサルティング', third: '要件定義' },
  salesInfo: { serviceType: 'コンサルティング', contractType: '準委任', revenueRecognition: '役務完了基準' },
  startDate: '2025-04-01',
  endDate: '2025-09-30',
  resale: false,
  billingType: '毎月請求',
};

export const registered: ProjectEvent = {
  type: 'ProjectRegistered',
  data: { projectId: PID, projectNumber: '20250042', status: 'proposing', copiedFrom: null, by: meta.actor, at: meta.at, ...basics },
};

export const employee: Extract<ProjectResource, { kind: 'employee' }> = {
  kind: 'employee',
  resourceNo: 1,
  employeeId: 'e-100',
  employeeNo: '100',
  email: 'sato@example.co.jp',
  classRank: 'M2',
  name: '佐藤 一郎',
  cost: 800_000,
  quotedUnitPrice: 1_200_000,
  title: 'PM',
  workSummary: '全体統括',
  effort: { '2025-04': '0.5', '2025-05': '1' },
};

export const partner: Extract<ProjectResource, { kind: 'partner' }> = {
  kind: 'partner',
  resourceNo: 2,
  partnerId: 'pt-7',
  partnerCompanyId: 'c-partner',
  name: '田中 花子',
  cost: 700_000,
  quotedUnitPrice: 900_000,
  title: '',
  workSummary: '',
  effort: { '2025-05': '1' },
};

export const withResources: ProjectEvent[] = [
  registered,
  { type: 'ResourceAdded', data: { projectId: PID, resource: employee } },
  { type: 'ResourceAdded', data: { projectId: PID, resource: partner } },
];

/** Run commands through the decider, failing loudly on an error: a "given" reached the real way. */
export function eventsAfter(given: readonly ProjectEvent[], ...commands: ProjectCommand[]): ProjectEvent[] {
  const events = [...given];
  for (const command of commands) {
    const decision = projectDecider.decide(command, fold(projectDecider, events));
    if (decision instanceof DomainError) throw new Error(`fixture command ${command.type} failed: ${decision.message}`);
    events.push(...decision);
  }
  return events;
}

export const request = (kind: ApprovalKind, ringiId = `r-${kind}`): ProjectCommand => ({ type: 'RequestApproval', ringiId, body: { kind }, meta });
export const outcome = (ringiId: string, result: ApprovalOutcome, ringiNumber?: string): ProjectCommand => ({
  type: 'RecordApprovalOutcome',
  body: { ringiId, outcome: result, decidedBy: '鈴木 部長', decidedAt: '2025-04-10T05:00:00.000Z', ...(ringiNumber ? { ringiNumber } : {}) },
  meta: { actor: 'system:ringi', at: '2025-04-10T05:00:05.000Z' },
});
export const change = (to: 'lost' | 'cancelled' | 'completed', reason = '顧客都合'): ProjectCommand => ({ type: 'ChangeProjectStatus', body: { to, reason }, meta });
export const startSales = (month: string): ProjectCommand => ({ type: 'StartSalesActualProcessing', body: { month }, meta });
export const finishSales = (month: string): ProjectCommand => ({ type: 'FinishSalesActualProcessing', body: { month }, meta });

/** The events that bring the project (with two resources) to each status along the real path. */
export function inStatus(status: ProjectStatus): ProjectEvent[] {
  const approved = eventsAfter(withResources, request('estimate'), outcome('r-estimate', 'approved', 'MITSU-1'));
  const ordered = eventsAfter(approved, request('order'), outcome('r-order', 'approved', 'JUCHU-2025-001'));
  switch (status) {
    case 'proposing':
      return withResources;
    case 'proposal_in_ringi':
      return eventsAfter(withResources, request('proposal'));
    case 'estimate_in_ringi':
      return eventsAfter(withResources, request('estimate'));
    case 'estimate_approved':
      return approved;
    case 'early_start_in_ringi':
      return eventsAfter(approved, request('early_start'));
    case 'early_started':
      return eventsAfter(approved, request('early_start'), outcome('r-early_start', 'approved', 'SENKO-1'));
    case 'order_in_ringi':
      return eventsAfter(approved, request('order'));
    case 'ordered':
      return ordered;
    case 'sales_actual_in_progress':
      return eventsAfter(ordered, startSales('2025-04'));
    case 'completed':
      return eventsAfter(ordered, change('completed', '全作業完了'));
    case 'lost':
      return eventsAfter(withResources, change('lost', '他社に決定'));
    case 'cancelled':
      return eventsAfter(withResources, change('cancelled', '予算凍結'));
  }
}

export const statusOf = (events: readonly ProjectEvent[]) => fold(projectDecider, events).status;
