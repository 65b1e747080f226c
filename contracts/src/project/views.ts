import { Type, type Static } from 'typebox';
import { Page, PageQuery } from '../common.ts';
import { ROLES, type Role } from '../http/auth.ts';
import { APPROVAL_KINDS, APPROVAL_OUTCOMES, BILLING_TYPES, CONTRACT_TYPES, EffortMap, RESOURCE_KINDS } from './fields.ts';
import { TAX_CATEGORIES } from './estimate-schemas.ts';
import { PROJECT_STATUSES } from './status.ts';
import type { Figures, MonthFigures, ProjectSummary, SummaryLine } from './summaries.ts';

/**
 * Read models of the project context as the query API serves them (and the UI types them).
 * Names are resolved by the read side (customer, 主管部, partner company) so a screen needs one call.
 * Money is integer yen; effort and 粗利率 are decimal strings.
 */

const Str = Type.String();
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Ref = Type.Object({ id: Str, name: Str });

// ---- summaries (shapes of `summarize`) --------------------------------------------------------

export const FiguresView = Type.Object({
  effort: Str,
  revenue: Type.Integer(),
  cost: Type.Integer(),
  employeeCost: Type.Integer(),
  partnerCost: Type.Integer(),
  expenseCost: Type.Integer(),
  grossProfit: Type.Integer(),
  grossMarginPercent: Nullable(Str),
});
export const MonthFiguresView = Type.Intersect([Type.Object({ month: Str }), FiguresView]);
export const SummaryLineView = Type.Object({
  key: Str,
  kind: Type.Enum(RESOURCE_KINDS),
  name: Str,
  resourceNos: Type.Array(Type.Integer()),
  months: Type.Array(MonthFiguresView),
  total: FiguresView,
});
export const ProjectSummaryView = Type.Object({
  months: Type.Array(Str),
  rows: Type.Array(SummaryLineView),
  byMonth: Type.Array(MonthFiguresView),
  total: FiguresView,
  employees: Type.Array(SummaryLineView),
  partners: Type.Array(SummaryLineView),
  expenses: Type.Array(SummaryLineView),
});

// Compile-time proof that the schemas and the pure functions' types are the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameFigures: Same<Static<typeof FiguresView>, Figures> = true;
const _sameMonth: Same<Static<typeof MonthFiguresView>, MonthFigures> = true;
const _sameLine: Same<Static<typeof SummaryLineView>, SummaryLine> = true;
const _sameSummary: Same<Static<typeof ProjectSummaryView>, ProjectSummary> = true;
void [_sameFigures, _sameMonth, _sameLine, _sameSummary];

// ---- 案件一覧 ----------------------------------------------------------------------------------

export const ProjectListRow = Type.Object({
  id: Str,
  revision: Str,
  projectNumber: Str,
  name: Str,
  customer: Ref,
  supervisingOrgUnit: Ref,
  accountingUnit: Str,
  leader: Type.Object({ employeeId: Str, name: Str }),
  contractType: Type.Enum(CONTRACT_TYPES),
  serviceType: Str,
  startDate: Str,
  endDate: Str,
  status: Type.Enum(PROJECT_STATUSES),
  statusLabel: Str,
  /** The 稟議 in flight, if any (kind and id) — shown as a badge in the list. */
  pendingApproval: Nullable(Type.Object({ ringiId: Str, kind: Type.Enum(APPROVAL_KINDS) })),
  revenue: Type.Integer(),
  cost: Type.Integer(),
  grossProfit: Type.Integer(),
  grossMarginPercent: Nullable(Str),
  orderRingiNumber: Nullable(Str),
  updatedAt: Str,
});
export type ProjectListRow = Static<typeof ProjectListRow>;

export const ProjectSortKeys = ['projectNumber', '-projectNumber', 'name', '-name', 'startDate', '-startDate', 'updatedAt', '-updatedAt'] as const;

export const ProjectListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ title: '検索語', maxLength: 100, description: '案件番号・案件名・顧客名' })),
    status: Type.Optional(Type.Enum(PROJECT_STATUSES, { title: 'ステータス' })),
    customerCompanyId: Type.Optional(Type.String({ title: '顧客会社', maxLength: 64 })),
    supervisingOrgUnitId: Type.Optional(Type.String({ title: '主管部', maxLength: 64 })),
    activeOn: Type.Optional(Type.String({ title: '期間に含む日', format: 'date', maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    leaderEmployeeId: Type.Optional(Type.String({ title: 'プロジェクトリーダー', maxLength: 64 })),
    /** 期間の重なり: projects whose [startDate, endDate] overlaps [periodFrom, periodTo] (either end may be open). */
    periodFrom: Type.Optional(Type.String({ title: '期間（から）', format: 'date', maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    periodTo: Type.Optional(Type.String({ title: '期間（まで）', format: 'date', maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    sort: Type.Optional(Type.Enum(ProjectSortKeys, { title: '並び順' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ProjectListQuery = Static<typeof ProjectListQuery>;

export const ProjectPage = Page(ProjectListRow);

// ---- 案件詳細 ----------------------------------------------------------------------------------

/** A 月毎明細 row with the names a screen shows and its own totals. */
export const ResourceView = Type.Object({
  resourceNo: Type.Integer(),
  kind: Type.Enum(RESOURCE_KINDS),
  kindLabel: Str,
  name: Str,
  title: Str,
  workSummary: Str,
  /** employee: 社員ID・社員番号・クラスランク; partner: パートナーID・協力会社; expense: 経費種別. Empty when not of the kind. */
  employeeId: Nullable(Str),
  employeeNo: Nullable(Str),
  email: Nullable(Str),
  classRank: Nullable(Str),
  partnerId: Nullable(Str),
  partnerCompany: Nullable(Ref),
  expenseType: Nullable(Str),
  cost: Type.Integer(),
  quotedUnitPrice: Type.Integer(),
  effort: EffortMap,
});
export type ResourceView = Static<typeof ResourceView>;

export const StatusHistoryEntry = Type.Object({
  from: Nullable(Type.Enum(PROJECT_STATUSES)),
  to: Type.Enum(PROJECT_STATUSES),
  toLabel: Str,
  reason: Str,
  ringiId: Nullable(Str),
  by: Str,
  byName: Str,
  at: Str,
});

export const ApprovalView = Type.Object({
  ringiId: Str,
  kind: Type.Enum(APPROVAL_KINDS),
  kindLabel: Str,
  requestedBy: Str,
  requestedAt: Str,
  comment: Str,
  estimateId: Nullable(Str),
  estimateVersion: Nullable(Type.Integer()),
  /** null while in flight. */
  outcome: Nullable(Type.Enum(APPROVAL_OUTCOMES)),
  ringiNumber: Str,
  decidedBy: Nullable(Str),
  decidedAt: Nullable(Str),
  decisionComment: Str,
});

export const BillingScheduleView = Type.Object({
  closingDay: Type.Union([Type.Integer(), Type.Literal('月末')]),
  paymentSiteMonths: Type.Integer(),
  paymentDay: Type.Union([Type.Integer(), Type.Literal('月末')]),
  notes: Str,
  lines: Type.Array(
    Type.Object({
      description: Str,
      deliveryDate: Nullable(Str),
      acceptanceDate: Nullable(Str),
      billingDate: Str,
      paymentDate: Str,
      amount: Type.Integer(),
    }),
  ),
  total: Type.Integer(),
});

export const ProjectDetail = Type.Object({
  id: Str,
  revision: Str,
  projectNumber: Str,
  name: Str,
  customer: Ref,
  supervisingOrgUnit: Ref,
  accountingUnit: Str,
  leader: Type.Object({ employeeId: Str, name: Str }),
  businessSegment: Type.Object({ first: Str, second: Str, third: Str }),
  salesInfo: Type.Object({ serviceType: Str, contractType: Type.Enum(CONTRACT_TYPES), revenueRecognition: Str }),
  startDate: Str,
  endDate: Str,
  resale: Type.Boolean(),
  billingType: Type.Enum(BILLING_TYPES),
  status: Type.Enum(PROJECT_STATUSES),
  statusLabel: Str,
  copiedFrom: Nullable(Type.Object({ projectId: Str, projectNumber: Str })),
  /** 月毎明細 rows in display order. */
  resources: Type.Array(ResourceView),
  /** プロジェクトサマリー・社員別・パートナー別・諸経費 (from `summarize` over the project period). */
  summary: ProjectSummaryView,
  billingSchedule: Nullable(BillingScheduleView),
  statusHistory: Type.Array(StatusHistoryEntry),
  approvals: Type.Array(ApprovalView),
  openSalesMonths: Type.Array(Str),
  estimateId: Nullable(Str),
  orderId: Nullable(Str),
  registeredBy: Str,
  registeredAt: Str,
  updatedAt: Str,
});
export type ProjectDetail = Static<typeof ProjectDetail>;

// ---- 見積 --------------------------------------------------------------------------------------

export const EstimateVersionView = Type.Object({
  version: Type.Integer(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('issued')]),
  estimateNumber: Nullable(Str),
  issuedOn: Nullable(Str),
  revisionReason: Str,
  /** The 見積稟議 that approved this version, with the line the 見積書 prints; null (or absent in older documents) until approved. */
  approval: Type.Optional(Nullable(Type.Object({ ringiId: Str, ringiNumber: Str, label: Str }))),
  subject: Str,
  addressee: Str,
  periodStart: Str,
  periodEnd: Str,
  deliveryPlace: Str,
  paymentTerms: Str,
  validUntil: Str,
  conditions: Str,
  lines: Type.Array(
    Type.Object({ workItem: Str, quantity: Str, unit: Str, unitPrice: Type.Integer(), taxCategory: Type.Enum(TAX_CATEGORIES), amount: Type.Integer() }),
  ),
  byRate: Type.Array(Type.Object({ taxCategory: Type.Enum(TAX_CATEGORIES), ratePercent: Type.Integer(), subtotal: Type.Integer(), tax: Type.Integer() })),
  subtotal: Type.Integer(),
  tax: Type.Integer(),
  total: Type.Integer(),
});

export const EstimateView = Type.Object({
  id: Str,
  revision: Str,
  projectId: Str,
  projectNumber: Str,
  projectName: Str,
  /** Newest first. */
  versions: Type.Array(EstimateVersionView),
  updatedAt: Str,
});
export type EstimateView = Static<typeof EstimateView>;

// ---- 受注 / 受注一覧 --------------------------------------------------------------------------

export const OrderView = Type.Object({
  id: Str,
  revision: Str,
  projectId: Str,
  projectNumber: Str,
  projectName: Str,
  customer: Ref,
  supervisingOrgUnit: Ref,
  contractType: Type.Enum(CONTRACT_TYPES),
  serviceType: Str,
  leader: Type.Object({ employeeId: Str, name: Str }),
  status: Type.Union([Type.Literal('registered'), Type.Literal('confirmed'), Type.Literal('cancelled')]),
  customerPoNumber: Str,
  orderDate: Str,
  orderAmount: Type.Integer(),
  labourAmount: Type.Integer(),
  periodStart: Str,
  periodEnd: Str,
  notes: Str,
  ringiNumber: Nullable(Str),
  approvedAt: Nullable(Str),
  /** The budget derived at confirmation (月別の売上・原価計画). Empty until confirmed. */
  salesPlan: Type.Array(
    Type.Object({
      month: Str,
      revenue: Type.Integer(),
      cost: Type.Integer(),
      employeeCost: Type.Integer(),
      partnerCost: Type.Integer(),
      expenseCost: Type.Integer(),
      grossProfit: Type.Integer(),
    }),
  ),
  differenceFromOrderAmount: Nullable(Type.Integer()),
  updatedAt: Str,
});
export type OrderView = Static<typeof OrderView>;

/** 受注一覧 with its totals row: 件数 and 受注金額 over every order the filter matches, not only the page shown. */
export const OrderPage = Type.Object({ ...Page(OrderView).properties, totals: Type.Object({ count: Type.Integer(), orderAmount: Type.Integer() }) });
export type OrderPage = Static<typeof OrderPage>;

export const OrderSortKeys = ['-orderDate', 'orderDate', 'projectNumber', '-projectNumber', '-orderAmount', 'orderAmount'] as const;

/** 受注一覧: the report's filters (受注日 range, status, customer, 主管部). The same query drives the CSV and Excel export. */
export const OrderListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ title: '検索語', maxLength: 100, description: '案件番号・案件名・注文No' })),
    status: Type.Optional(Type.Union([Type.Literal('registered'), Type.Literal('confirmed'), Type.Literal('cancelled')], { title: '受注状態' })),
    customerCompanyId: Type.Optional(Type.String({ title: '顧客会社', maxLength: 64 })),
    supervisingOrgUnitId: Type.Optional(Type.String({ title: '主管部', maxLength: 64 })),
    orderDateFrom: Type.Optional(Type.String({ title: '受注日（から）', format: 'date', maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    orderDateTo: Type.Optional(Type.String({ title: '受注日（まで）', format: 'date', maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    sort: Type.Optional(Type.Enum(OrderSortKeys, { title: '並び順' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type OrderListQuery = Static<typeof OrderListQuery>;

/** 見積一覧: one row per estimate (its newest version). */
export const EstimateListRow = Type.Object({
  id: Str,
  projectId: Str,
  projectNumber: Str,
  projectName: Str,
  latestVersion: Type.Integer(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('issued')]),
  estimateNumber: Nullable(Str),
  subject: Str,
  addressee: Str,
  total: Type.Integer(),
  updatedAt: Str,
});
export type EstimateListRow = Static<typeof EstimateListRow>;
export const EstimateListQuery = Type.Object(
  { projectId: Type.Optional(Type.String({ title: '案件', maxLength: 64 })), q: Type.Optional(Type.String({ title: '検索語', maxLength: 100 })), ...PageQuery },
  { additionalProperties: false },
);
export type EstimateListQuery = Static<typeof EstimateListQuery>;
export const EstimatePage = Page(EstimateListRow);

// ---- 社員の選択肢 (leader and employee rows) --------------------------------------------------------

/** Staff a project may name as leader or 社員 row (ids are user ids). All staff may read it, unlike /api/users. */
/** Who may be a 案件's leader or 社員 row: anyone with a working role; admins and auditors (only) are not staff. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'admin' && role !== 'auditor');
/** 社員マスタ fields are absent for a person without a profile: the row's 社員番号, rank and cost are then typed. */
export const ProjectStaffMember = Type.Object({ id: Str, name: Str, email: Str, employeeNo: Type.Optional(Str), classRank: Type.Optional(Str), monthlyCost: Type.Optional(Type.Integer()) });
export type ProjectStaffMember = Static<typeof ProjectStaffMember>;
export const ProjectStaffQuery = Type.Object({ q: Type.Optional(Type.String({ title: '検索語', maxLength: 100 })), ...PageQuery }, { additionalProperties: false });
/** A page of active staff (never admins or auditors only); `total` says how many match, so no list stops silently. */
export const ProjectStaffList = Type.Object({ items: Type.Array(ProjectStaffMember), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export type ProjectStaffList = Static<typeof ProjectStaffList>;
