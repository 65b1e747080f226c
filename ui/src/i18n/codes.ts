import { ROLE_LABELS, type Role } from '@sss/contracts/http/auth';
import { APPROVAL_KIND_LABELS, APPROVAL_OUTCOME_LABELS, BILLING_TYPES, CONTRACT_TYPES, RESOURCE_KIND_LABELS, type ApprovalKind, type ApprovalOutcome, type ResourceKind } from '@sss/contracts/project/fields';
import { TAX_CATEGORY_LABELS, type TaxCategory } from '@sss/contracts/project/estimate-schemas';
import { PROJECT_STATUS_LABELS, type ProjectStatus } from '@sss/contracts/project/status';
import { AGING_LABELS, type AgingBucket } from '@sss/contracts/sales/views';
import { defineDictionary } from './labels.ts';

/**
 * English twins of the contract's label tables (the Japanese stays where the codes are defined).
 * Each is a `Record<Code, string>`, so a code added to the contract does not compile until it has
 * its English name. Contract types and billing types are Japanese codes themselves (stored so in
 * events): their Japanese label is the code.
 */
const ROLE_EN: Record<Role, string> = { sales: 'Sales', sales_admin: 'Sales admin', division_head: 'Division head', finance: 'Finance', auditor: 'Auditor', admin: 'Administrator' };

const PROJECT_STATUS_EN: Record<ProjectStatus, string> = {
  proposing: 'Proposing',
  proposal_in_ringi: 'Proposal in ringi',
  estimate_in_ringi: 'Estimate in ringi',
  estimate_approved: 'Estimate approved',
  early_start_in_ringi: 'Early start in ringi',
  early_started: 'Started early',
  order_in_ringi: 'Order in ringi',
  ordered: 'Ordered',
  sales_actual_in_progress: 'Sales actuals in progress',
  completed: 'Completed',
  lost: 'Lost',
  cancelled: 'Cancelled',
};

const APPROVAL_KIND_EN: Record<ApprovalKind, string> = { proposal: 'Proposal ringi', estimate: 'Estimate ringi', order: 'Order ringi', early_start: 'Early start ringi' };
const APPROVAL_OUTCOME_EN: Record<ApprovalOutcome, string> = { approved: 'Approved', rejected: 'Rejected', sent_back: 'Sent back', withdrawn: 'Withdrawn' };
const RESOURCE_KIND_EN: Record<ResourceKind, string> = { employee: 'Employee', partner: 'Partner', expense: 'Expense' };
const TAX_CATEGORY_EN: Record<TaxCategory, string> = { standard_10: '10%', reduced_8: 'Reduced 8%', exempt: 'Tax exempt' };

type ContractType = (typeof CONTRACT_TYPES)[number];
type BillingType = (typeof BILLING_TYPES)[number];
const asLabels = <C extends string>(codes: readonly C[]) => Object.fromEntries(codes.map((code) => [code, code])) as Record<C, C>;
const CONTRACT_TYPE_EN: Record<ContractType, string> = { 請負: 'Fixed-price contract', 準委任: 'Time and materials', 派遣: 'Staffing' };
const BILLING_TYPE_EN: Record<BillingType, string> = { 毎月請求: 'Monthly', 一括請求: 'Lump sum', 分割請求: 'Instalments' };

const AGING_EN: Record<AgingBucket, string> = { current: 'Not yet due', d1_30: '1–30 days overdue', d31_60: '31–60 days overdue', d61_90: '61–90 days overdue', d90_plus: 'Over 90 days overdue' };

export const roleNames = defineDictionary(ROLE_LABELS, ROLE_EN);
export const projectStatusLabels = defineDictionary(PROJECT_STATUS_LABELS, PROJECT_STATUS_EN);
export const approvalKindLabels = defineDictionary(APPROVAL_KIND_LABELS, APPROVAL_KIND_EN);
export const approvalOutcomeLabels = defineDictionary(APPROVAL_OUTCOME_LABELS, APPROVAL_OUTCOME_EN);
export const resourceKindLabels = defineDictionary(RESOURCE_KIND_LABELS, RESOURCE_KIND_EN);
export const taxCategoryLabels = defineDictionary(TAX_CATEGORY_LABELS, TAX_CATEGORY_EN);
export const contractTypeLabels = defineDictionary(asLabels(CONTRACT_TYPES), CONTRACT_TYPE_EN);
export const billingTypeLabels = defineDictionary(asLabels(BILLING_TYPES), BILLING_TYPE_EN);
export const agingLabels = defineDictionary(AGING_LABELS, AGING_EN);
