import type { EventStore } from '@sss/contracts/ports/event-store';
import { DomainError, type FieldError } from '@sss/contracts/http/problem';
import type { OrganizationEvent } from '@sss/contracts/organization/events';
import { isActiveOn } from '@sss/contracts/organization/timeline';
import type { CompanyEvent } from '@sss/contracts/company/events';
import type { PartnerEvent } from '@sss/contracts/partner/events';
import type { AddResource, EditResource, ProjectBasics } from '@sss/contracts/project/schemas';
import { streams } from '@sss/contracts/streams/names';
import { fold } from '../kernel/decider.ts';
import { loadStream } from '../kernel/command-handler.ts';
import { companyDecider } from '../company/decider.ts';
import { organizationDecider } from '../organization/decider.ts';
import { partnerDecider } from '../partner/decider.ts';

/**
 * Checks the Project decider cannot make, because they read other aggregates: the customer, the
 * 主管部, the leader and the partner 要員 a 案件 names must exist and be active today. They read the
 * other contexts' streams (the source of truth, not a read model that may lag), so a project
 * registered a moment after its customer never fails for being too quick. Every problem names its
 * field, so the form can show them all at once; unknown or unusable references are bad input (400).
 */

async function companyProblems(events: EventStore, companyId: string, today: string, field: string, want: 'customer' | 'partner'): Promise<FieldError[]> {
  const { domain } = await loadStream<CompanyEvent>(events, streams.company(companyId));
  const state = fold(companyDecider, domain);
  const label = want === 'customer' ? '顧客会社' : '協力会社';
  if (!state.exists || !state.details) return [{ field, message: `${label}が見つかりません。会社一覧から選んでください。` }];
  if (want === 'customer' && !state.details.isCustomer) return [{ field, message: `「${state.details.name}」は顧客会社として登録されていません。` }];
  if (want === 'partner' && !state.details.isPartner) return [{ field, message: `「${state.details.name}」は協力会社として登録されていません。` }];
  if (state.abolishedOn && state.abolishedOn <= today) return [{ field, message: `「${state.details.name}」は${state.abolishedOn}に廃止されています。` }];
  return [];
}

async function orgUnitProblems(events: EventStore, unitId: string, today: string): Promise<FieldError[]> {
  const { domain } = await loadStream<OrganizationEvent>(events, streams.organization);
  const unit = fold(organizationDecider, domain).units.get(unitId);
  if (!unit) return [{ field: 'supervisingOrgUnitId', message: '主管部が見つかりません。組織から選んでください。' }];
  if (!isActiveOn(unit, today)) return [{ field: 'supervisingOrgUnitId', message: '主管部に選んだ組織は現在存在しません（解散済みまたは設立前）。' }];
  return [];
}

async function employeeProblems(events: EventStore, employeeId: string, field: string): Promise<FieldError[]> {
  const { events: stream } = await loadStream(events, streams.user(employeeId));
  return stream.length === 0 ? [{ field, message: '社員が見つかりません。社員一覧から選んでください。' }] : [];
}

async function partnerProblems(events: EventStore, partnerId: string, partnerCompanyId: string, today: string): Promise<FieldError[]> {
  const { domain } = await loadStream<PartnerEvent>(events, streams.partner(partnerId));
  const state = fold(partnerDecider, domain);
  if (!state.partnerId) return [{ field: 'partnerId', message: 'パートナー要員が見つかりません。' }];
  if (state.retiredOn && state.retiredOn <= today) return [{ field: 'partnerId', message: `「${state.name}」は${state.retiredOn}に廃止されています。` }];
  if (!state.companyIds.includes(partnerCompanyId)) return [{ field: 'partnerCompanyId', message: `「${state.name}」はこの協力会社に所属していません。` }];
  return companyProblems(events, partnerCompanyId, today, 'partnerCompanyId', 'partner');
}

const failWith = (errors: FieldError[]) => {
  if (errors.length) throw new DomainError('validation_failed', errors.map((e) => e.message).join(' '), errors);
};

/** 基本属性 (register, edit): customer, 主管部 and leader. */
export async function checkBasicsReferences(
  events: EventStore,
  basics: ProjectBasics,
  today: string,
  which: { customer: boolean; orgUnit: boolean; leader: boolean } = { customer: true, orgUnit: true, leader: true },
): Promise<void> {
  const none = Promise.resolve<FieldError[]>([]);
  const problems = await Promise.all([
    which.customer ? companyProblems(events, basics.customerCompanyId, today, 'customerCompanyId', 'customer') : none,
    which.orgUnit ? orgUnitProblems(events, basics.supervisingOrgUnitId, today) : none,
    which.leader ? employeeProblems(events, basics.leader.employeeId, 'leader.employeeId') : none,
  ]);
  failWith(problems.flat());
}

/** A 月毎明細 row: the employee exists; the partner exists, is active and belongs to the 協力会社. */
export async function checkResourceReferences(events: EventStore, resource: AddResource | EditResource, today: string): Promise<void> {
  if (resource.kind === 'employee') failWith(await employeeProblems(events, resource.employeeId, 'employeeId'));
  if (resource.kind === 'partner') failWith(await partnerProblems(events, resource.partnerId, resource.partnerCompanyId, today));
}
