import type { CompanyState } from '../company/decider.ts';
import type { PartnerState } from '../partner/decider.ts';
import type { UserState } from '../user/decider.ts';
import type { OrganizationState } from '../organization/decider.ts';
import type { ProjectState } from '../project/state.ts';
import type { EstimateState } from '../project/estimate-decider.ts';
import type { OrderState } from '../project/order-decider.ts';
import type { MonthlySalesState } from '../sales/decider.ts';
import type { RingiState } from '../ringi/ringi-decider.ts';
import type { HistoryRefKind } from '@sss/contracts/common';
import type { FieldNames } from './state-fields.ts';

/**
 * Which fields of each aggregate's state hold a reference to another record, and to which kind, so
 * the history shows 「鈴木商事」 with a link where the state keeps `customerCompanyId`. Checked by the
 * compiler like the labels: every field named `…Id`/`…Ids` anywhere in a state needs an entry —
 * a kind, or `null` for an id that is not one of our records (a CollaboFlow document or route, a
 * draft change) — so a new reference field cannot reach an auditor as a raw id by being forgotten.
 * Fields that refer without the suffix (a 稟議's `requestedBy`) are listed too; extras are allowed.
 */
export type ReferenceTable = Readonly<Record<string, HistoryRefKind | null>>;

type IdFields<S> = Extract<FieldNames<S>, `${string}Id` | `${string}Ids`>;

const referencesOf =
  <S>() =>
  (table: { readonly [K in IdFields<S>]: HistoryRefKind | null } & ReferenceTable): ReferenceTable =>
    table;

export const REFERENCES = {
  company: referencesOf<CompanyState>()({ companyId: 'company' }),
  partner: referencesOf<PartnerState>()({ partnerId: 'partner', companyIds: 'company' }),
  user: referencesOf<UserState>()({ userId: 'user', orgUnitId: 'orgUnit' }),
  organization: referencesOf<OrganizationState>()({ parentId: 'orgUnit', unitId: 'orgUnit', changeId: null }),
  project: referencesOf<ProjectState>()({
    projectId: 'project',
    customerCompanyId: 'company',
    supervisingOrgUnitId: 'orgUnit',
    employeeId: 'user',
    partnerId: 'partner',
    partnerCompanyId: 'company',
    ringiId: 'ringi',
  }),
  estimate: referencesOf<EstimateState>()({ estimateId: 'estimate', projectId: 'project', ringiId: 'ringi' }),
  order: referencesOf<OrderState>()({ orderId: 'order', projectId: 'project', ringiId: 'ringi', estimateId: 'estimate' }),
  monthlysales: referencesOf<MonthlySalesState>()({ depositIds: 'deposit', matchIds: null, orderId: 'order' }),
  ringi: referencesOf<RingiState>()({ ringiId: 'ringi', projectId: 'project', documentId: null, routeId: null, approverId: null, requestedBy: 'user' }),
} as const;

/**
 * Records keyed by another record's id (`approvalOutcomes.<稟議 id>`, `units.<組織 id>`): the key
 * segment of the path is that record, named in the label instead of shown as an id.
 */
export const KEYED_BY: Readonly<Record<string, HistoryRefKind>> = { approvalOutcomes: 'ringi', units: 'orgUnit' };
