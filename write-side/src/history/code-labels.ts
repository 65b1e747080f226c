import { ROLE_LABELS, type Role } from '@sss/contracts/http/auth';
import { PROJECT_STATUS_LABELS, type ProjectStatus } from '@sss/contracts/project/status';
import { APPROVAL_KIND_LABELS, APPROVAL_OUTCOME_LABELS, RESOURCE_KIND_LABELS, type ApprovalKind, type ApprovalOutcome, type ResourceKind } from '@sss/contracts/project/fields';
import { TAX_CATEGORY_LABELS, type TaxCategory } from '@sss/contracts/project/estimate-schemas';
import { MONTHLY_SALES_STATUS_LABELS, type MonthlySalesStatus } from '@sss/contracts/sales/status';
import type { RoundingMode } from '@sss/contracts/sales/tax';
import { RINGI_KIND_LABELS, type RingiKind, type RingiOutcome } from '@sss/contracts/ringi/events';
import type { ApproverStatus, WorkflowStatus } from '@sss/contracts/ports/workflow';
import { ACCOUNTING_CATEGORY_LABELS, ORG_LEVEL_LABELS, type AccountingCategory, type OrgLevel } from '@sss/contracts/organization/schemas';
import type { CompanyState } from '../company/decider.ts';
import type { PartnerState } from '../partner/decider.ts';
import type { UserState } from '../user/decider.ts';
import type { OrganizationState } from '../organization/decider.ts';
import type { ProjectState } from '../project/state.ts';
import type { EstimateState } from '../project/estimate-decider.ts';
import type { OrderState } from '../project/order-decider.ts';
import type { MonthlySalesState } from '../sales/decider.ts';
import type { RingiState } from '../ringi/ringi-decider.ts';
import type { CodeFields, CodesOf } from './state-fields.ts';
import type { Label } from './field-labels.ts';

/**
 * Words for the codes a state keeps (`awaiting_invoice` → 請求待ち / Awaiting invoice), per field and
 * aggregate. Each table is checked against its aggregate's state type: every field whose values are
 * a closed set of codes needs a table, and each table a word for every code, so a new status can
 * never reach an auditor raw. Japanese comes from the labels the screens already use.
 */
export type CodeTable = Readonly<Record<string, Readonly<Record<string, Label>>>>;

const codesOf =
  <S>() =>
  (table: { readonly [K in CodeFields<S>]: { readonly [C in CodesOf<S, K>]: Label } } & CodeTable): CodeTable =>
    table;

/** Japanese from a screen's label table, English alongside: a code missing from either does not compile. */
const words = <C extends string>(ja: Readonly<Record<C, string>>, en: Readonly<Record<C, string>>): Readonly<Record<C, Label>> =>
  Object.fromEntries(Object.entries<string>(ja).map(([code, label]) => [code, [label, en[code as C]] as const])) as Record<C, Label>;

const PROJECT_STATUS = words<ProjectStatus>(PROJECT_STATUS_LABELS, {
  proposing: 'Proposing',
  proposal_in_ringi: 'Proposal in approval',
  estimate_in_ringi: 'Estimate in approval',
  estimate_approved: 'Estimate approved',
  early_start_in_ringi: 'Early start in approval',
  early_started: 'Started early',
  order_in_ringi: 'Order in approval',
  ordered: 'Ordered',
  sales_actual_in_progress: 'Sales actuals in progress',
  completed: 'Completed',
  lost: 'Lost',
  cancelled: 'Cancelled',
});
const APPROVAL_KIND = words<ApprovalKind>(APPROVAL_KIND_LABELS, { proposal: 'Proposal approval', estimate: 'Estimate approval', order: 'Order approval', early_start: 'Early start approval' });
const APPROVAL_OUTCOME = words<ApprovalOutcome>(APPROVAL_OUTCOME_LABELS, { approved: 'Approved', rejected: 'Rejected', sent_back: 'Sent back', withdrawn: 'Withdrawn' });
const RESOURCE_KIND = words<ResourceKind>(RESOURCE_KIND_LABELS, { employee: 'Employee', partner: 'Partner', expense: 'Expense' });
const TAX_CATEGORY = words<TaxCategory>(TAX_CATEGORY_LABELS, { standard_10: '10%', reduced_8: 'Reduced 8%', exempt: 'Exempt' });
const MONTHLY_SALES_STATUS = words<MonthlySalesStatus>(MONTHLY_SALES_STATUS_LABELS, {
  unconfirmed: 'Unconfirmed',
  checking: 'Checking',
  awaiting_invoice: 'Awaiting invoice',
  invoiced: 'Invoiced',
  closed_without_billing: 'Nothing to bill',
});
const ROUNDING: Readonly<Record<RoundingMode, Label>> = { floor: ['切り捨て', 'Round down'], ceil: ['切り上げ', 'Round up'], half_up: ['四捨五入', 'Round half up'] };
const TAX_BASIS: Readonly<Record<'excluded' | 'included', Label>> = { excluded: ['外税', 'Tax excluded'], included: ['内税', 'Tax included'] };
const ORDER_STATUS: Readonly<Record<OrderState['status'], Label>> = { registered: ['登録済（稟議前）', 'Registered'], confirmed: ['確定', 'Confirmed'], cancelled: ['取消', 'Cancelled'] };
const RINGI_KIND = words<RingiKind>(RINGI_KIND_LABELS, { proposal: 'Proposal', estimate: 'Estimate', order: 'Order', early_start: 'Early start', sales_check: 'Sales check' });
const RINGI_OUTCOME: Readonly<Record<RingiOutcome, Label>> = { approved: ['承認', 'Approved'], rejected: ['却下', 'Rejected'], sent_back: ['差し戻し', 'Sent back'], withdrawn: ['取り下げ', 'Withdrawn'] };
const WORKFLOW_STATUS: Readonly<Record<WorkflowStatus, Label>> = {
  draft: ['下書き', 'Draft'],
  flow: ['承認待ち', 'In approval'],
  decision: ['決裁', 'Decided'],
  reject: ['却下', 'Rejected'],
  remand: ['差し戻し', 'Sent back'],
  takeback: ['取り下げ', 'Withdrawn'],
};
const APPROVER_STATUS: Readonly<Record<ApproverStatus, Label>> = {
  waiting: ['判断待ち', 'Waiting'],
  scheduled: ['未到達', 'Scheduled'],
  accept: ['承認', 'Accepted'],
  reject: ['却下', 'Rejected'],
  remand: ['差し戻し', 'Sent back'],
  skip: ['スキップ', 'Skipped'],
  saved: ['一時保存', 'Saved'],
  confirm: ['確認', 'Confirmed'],
  unconfirm: ['未確認', 'Unconfirmed'],
  deny: ['否決', 'Denied'],
};
const ROLE = words<Role>(ROLE_LABELS, { sales: 'Sales', sales_admin: 'Sales admin', division_head: 'Division head', finance: 'Finance', auditor: 'Auditor', admin: 'Administrator' });
const ORG_LEVEL = words<OrgLevel>(ORG_LEVEL_LABELS, { headquarters: 'Headquarters', division: 'Division', department: 'Department', group: 'Group' });
const ACCOUNTING = words<AccountingCategory>(ACCOUNTING_CATEGORY_LABELS, { cost_of_sales: 'Cost of sales', sga: 'SG&A' });
// Codes that are Japanese words already (契約形態, 請求種別, 月末) still need their English.
const CONTRACT_TYPE = { 請負: ['請負', 'Fixed-price contract'], 準委任: ['準委任', 'Quasi-mandate contract'], 派遣: ['派遣', 'Staffing'] } as const satisfies Readonly<Record<string, Label>>;
const BILLING_TYPE = { 毎月請求: ['毎月請求', 'Monthly'], 一括請求: ['一括請求', 'Lump sum'], 分割請求: ['分割請求', 'Installments'] } as const satisfies Readonly<Record<string, Label>>;
const MONTH_END = { 月末: ['月末', 'Month end'] } as const satisfies Readonly<Record<string, Label>>;
const DAY_END = { end: ['末日', 'Last day'] } as const satisfies Readonly<Record<string, Label>>;
const ACCOUNT_TYPE = { 普通: ['普通', 'Ordinary'], 当座: ['当座', 'Current'] } as const satisfies Readonly<Record<string, Label>>;
const ORG_CHANGE_KIND = { create: ['新設', 'Create'], rename: ['名称変更', 'Rename'], move: ['移動', 'Move'], dissolve: ['廃止', 'Dissolve'] } as const satisfies Readonly<Record<string, Label>>;

export const CODE_LABELS = {
  company: codesOf<CompanyState>()({ closingDay: DAY_END, paymentDay: DAY_END }),
  partner: codesOf<PartnerState>()({}),
  user: codesOf<UserState>()({ roles: ROLE }),
  organization: codesOf<OrganizationState>()({ kind: ORG_CHANGE_KIND, level: ORG_LEVEL, accountingCategory: ACCOUNTING }),
  project: codesOf<ProjectState>()({
    status: PROJECT_STATUS, requestedFrom: PROJECT_STATUS, kind: { ...RESOURCE_KIND, ...APPROVAL_KIND }, approvalOutcomes: APPROVAL_OUTCOME,
    contractType: CONTRACT_TYPE,
    billingType: BILLING_TYPE,
    closingDay: MONTH_END,
    paymentDay: MONTH_END,
  }),
  estimate: codesOf<EstimateState>()({ taxCategory: TAX_CATEGORY }),
  order: codesOf<OrderState>()({ status: ORDER_STATUS }),
  monthlysales: codesOf<MonthlySalesState>()({ status: MONTHLY_SALES_STATUS, roundingMode: ROUNDING, basis: TAX_BASIS, type: ACCOUNT_TYPE }),
  ringi: codesOf<RingiState>()({ kind: RINGI_KIND, confirmedStatus: WORKFLOW_STATUS, status: APPROVER_STATUS, outcome: RINGI_OUTCOME }),
} as const;
