import type { CompanyState } from '../company/decider.ts';
import type { PartnerState } from '../partner/decider.ts';
import type { UserState } from '../user/decider.ts';
import type { OrganizationState } from '../organization/decider.ts';
import type { ProjectState } from '../project/state.ts';
import type { EstimateState } from '../project/estimate-decider.ts';
import type { OrderState } from '../project/order-decider.ts';
import type { MonthlySalesState } from '../sales/decider.ts';
import type { RingiState } from '../ringi/ringi-decider.ts';
import type { FieldNames } from './state-fields.ts';

/**
 * Field labels of each aggregate's state, Japanese and English: one table per aggregate, over the
 * common words most of them share. A history change is labelled segment by segment
 * (`resources.#3.effort.2026-04` → 明細 #3 工数 2026-04). Each table is checked against its
 * aggregate's state type: a field anywhere in the state without a label does not compile, so an
 * auditor never reads a raw key such as `revenueRecognition`.
 */
export type Label = readonly [ja: string, en: string];
export type LabelTable = Readonly<Record<string, Label>>;

/** The table must name every field of `S` (bookkeeping aside); extra words are allowed. */
const labelsOf =
  <S>() =>
  (table: { readonly [K in Exclude<FieldNames<S>, 'exists'>]: Label } & LabelTable): LabelTable =>
    table;

const COMMON = {
  name: ['名称', 'Name'],
  kana: ['カナ', 'Kana'],
  code: ['コード', 'Code'],
  status: ['ステータス', 'Status'],
  notes: ['備考', 'Notes'],
  note: ['メモ', 'Note'],
  comment: ['コメント', 'Comment'],
  reason: ['理由', 'Reason'],
  registeredOn: ['登録日', 'Registered on'],
  startDate: ['開始日', 'Start date'],
  endDate: ['終了日', 'End date'],
  periodStart: ['期間（開始）', 'Period start'],
  periodEnd: ['期間（終了）', 'Period end'],
  projectId: ['案件', 'Project'],
  projectNumber: ['案件番号', 'Project number'],
  ringiId: ['稟議', 'Ringi'],
  ringiNumber: ['稟議番号', 'Ringi number'],
  lines: ['明細', 'Lines'],
  amount: ['金額', 'Amount'],
  unitPrice: ['単価', 'Unit price'],
  quantity: ['数量', 'Quantity'],
  unit: ['単位', 'Unit'],
  description: ['摘要', 'Description'],
  subject: ['件名', 'Subject'],
  paymentTerms: ['支払条件', 'Payment terms'],
  cost: ['原価', 'Cost'],
  total: ['合計', 'Total'],
  net: ['税抜', 'Net'],
  tax: ['消費税', 'Tax'],
  gross: ['税込', 'Gross'],
  email: ['メールアドレス', 'Email'],
  from: ['適用開始日', 'From'],
  to: ['適用終了日', 'To'],
} satisfies LabelTable;

const COMPANY = {
  details: ['会社情報', 'Details'],
  formalName: ['正式名称', 'Formal name'],
  shortName: ['略称', 'Short name'],
  isCustomer: ['顧客会社', 'Customer'],
  isPartner: ['協力会社', 'Partner company'],
  ndaSignedOn: ['NDA締結日', 'NDA signed on'],
  masterAgreementSignedOn: ['基本契約締結日', 'Master agreement signed on'],
  url: ['URL', 'URL'],
  sansanUrl: ['Sansan URL', 'Sansan URL'],
  invoiceRegistrationNumber: ['適格請求書発行事業者登録番号', 'Invoice registration number'],
  partner: ['協力会社情報', 'Partner details'],
  creditLimit: ['与信限度額', 'Credit limit'],
  abolishedOn: ['廃止日', 'Abolished on'],
  billing: ['請求情報', 'Billing'],
  postalCode: ['郵便番号', 'Postal code'],
  address: ['住所', 'Address'],
  phone: ['電話番号', 'Phone'],
  closingDay: ['締日', 'Closing day'],
  paymentMonths: ['支払サイト（月）', 'Payment month'],
  paymentDay: ['支払日', 'Payment day'],
  recipientDepartment: ['請求書送付先（部署）', 'Invoice to (department)'],
  recipientPerson: ['請求書送付先（担当者）', 'Invoice to (person)'],
  companyId: ['会社ID', 'Company id'],
  salesRepName: ['営業担当者', 'Sales rep'],
  salesRepKana: ['営業担当者カナ', 'Sales rep kana'],
  salesRepEmail: ['営業担当者メール', 'Sales rep email'],
  capital: ['資本金', 'Capital'],
  specialties: ['得意分野', 'Specialties'],
} satisfies LabelTable;

const PARTNER = {
  partnerId: ['パートナー要員', 'Partner'],
  name: ['氏名', 'Name'],
  companyIds: ['所属会社', 'Companies'],
  retiredOn: ['廃止日', 'Retired on'],
} satisfies LabelTable;

const USER = {
  userId: ['ユーザー', 'User'],
  email: ['メールアドレス', 'Email'],
  name: ['氏名', 'Name'],
  roles: ['ロール', 'Roles'],
  orgUnitId: ['所属組織', 'Org unit'],
  workflowLogin: ['ワークフローログイン', 'Workflow login'],
  employeeNo: ['社員番号', 'Employee number'],
  classRank: ['クラスランク', 'Class rank'],
  monthlyCost: ['原価単価（月額）', 'Monthly cost'],
  passwordHash: ['パスワード', 'Password'],
  active: ['有効', 'Active'],
} satisfies LabelTable;

const ORGANIZATION = {
  units: ['組織', 'Units'],
  lastEffectiveDate: ['最終適用日', 'Last effective date'],
  draft: ['下書き', 'Draft'],
  versions: ['版', 'Versions'],
  parentId: ['上位組織', 'Parent'],
  level: ['階層', 'Level'],
  effectiveFrom: ['適用開始日', 'Effective from'],
  dissolvedOn: ['廃止日', 'Dissolved on'],
  unitId: ['組織', 'Unit'],
  changeId: ['変更ID', 'Change id'],
  change: ['変更内容', 'Change'],
  kind: ['変更種別', 'Change kind'],
  accountingCategory: ['会計部門区分', 'Accounting category'],
  sortOrder: ['表示順', 'Sort order'],
  establishedOn: ['設置日', 'Established on'],
} satisfies LabelTable;

const PROJECT = {
  basics: ['基本情報', 'Basics'],
  name: ['名称', 'Name'],
  'basics.name': ['案件名', 'Project name'],
  'leader.name': ['氏名', 'Name'],
  customerCompanyId: ['顧客会社', 'Customer'],
  supervisingOrgUnitId: ['主管部', 'Supervising unit'],
  accountingUnit: ['会計区分', 'Accounting unit'],
  workSummary: ['業務内容概要', 'Work summary'],
  resources: ['明細', 'Line'],
  kind: ['種別', 'Kind'],
  effort: ['工数', 'Effort'],
  quotedUnitPrice: ['提示単価', 'Quoted unit price'],
  employeeId: ['社員', 'Employee'],
  classRank: ['クラスランク', 'Class rank'],
  expenseType: ['経費種別', 'Expense type'],
  resale: ['仕入販売', 'Resale'],
  title: ['肩書', 'Title'],
  lastResourceNo: ['最終明細番号', 'Last line no.'],
  billingSchedule: ['請求予定', 'Billing schedule'],
  billingDate: ['請求予定日', 'Billing date'],
  paymentDate: ['入金予定日', 'Payment date'],
  closingDay: ['締め日', 'Closing day'],
  paymentDay: ['支払日', 'Payment day'],
  paymentSiteMonths: ['支払サイト（月）', 'Payment site (months)'],
  pendingApproval: ['申請中の稟議', 'Pending approval'],
  requestedFrom: ['申請時ステータス', 'Requested from'],
  requestedAt: ['申請日時', 'Requested at'],
  approvalOutcomes: ['稟議結果', 'Approval outcomes'],
  openSalesMonths: ['売上処理中の月', 'Months in sales processing'],
  leader: ['案件リーダー', 'Leader'],
  businessSegment: ['事業セグメント', 'Business segment'],
  first: ['第一', 'First'],
  second: ['第二', 'Second'],
  third: ['第三', 'Third'],
  salesInfo: ['売上情報', 'Sales info'],
  serviceType: ['サービス種別', 'Service type'],
  contractType: ['契約形態', 'Contract type'],
  revenueRecognition: ['収益認識基準', 'Revenue recognition'],
  billingType: ['請求種別', 'Billing type'],
  employeeNo: ['社員番号', 'Employee no.'],
  partnerId: ['パートナー要員', 'Partner'],
  partnerCompanyId: ['協力会社', 'Partner company'],
  deliveryDate: ['納品日', 'Delivery date'],
  acceptanceDate: ['検収日', 'Acceptance date'],
  resourceNo: ['明細番号', 'Line no.'],
} satisfies LabelTable;

const ESTIMATE = {
  estimateId: ['見積', 'Estimate'],
  versions: ['版', 'Version'],
  version: ['版', 'Version'],
  content: ['内容', 'Content'],
  issued: ['発行', 'Issued'],
  estimateNumber: ['見積番号', 'Estimate number'],
  issuedOn: ['発行日', 'Issued on'],
  addressee: ['宛先', 'Addressee'],
  conditions: ['前提条件', 'Conditions'],
  deliveryPlace: ['納品場所', 'Delivery place'],
  validUntil: ['有効期限', 'Valid until'],
  workItem: ['作業項目', 'Work item'],
  taxCategory: ['税区分', 'Tax category'],
  approval: ['承認', 'Approval'],
} satisfies LabelTable;

const ORDER = {
  orderId: ['受注', 'Order'],
  terms: ['受注内容', 'Terms'],
  orderAmount: ['受注金額', 'Order amount'],
  labourAmount: ['うち人件費', 'Labour amount'],
  orderDate: ['受注日', 'Order date'],
  customerPoNumber: ['注文No', 'Customer PO number'],
  periodStart: ['契約期間（開始）', 'Contract start'],
  periodEnd: ['契約期間（終了）', 'Contract end'],
  estimateId: ['見積', 'Estimate'],
  estimateVersion: ['見積版', 'Estimate version'],
} satisfies LabelTable;

const MONTHLY_SALES = {
  recipientAddress: ['請求書送付先', 'Invoice address'],
  postalCode: ['郵便番号', 'Postal code'],
  department: ['部署', 'Department'],
  person: ['担当者', 'Person'],
  planSources: ['売上予定の出所', 'Plan sources'],
  orderId: ['受注', 'Order'],
  planRevenue: ['売上計画', 'Planned revenue'],
  planCost: ['原価計画', 'Planned cost'],
  salesReport: ['売上連絡票', 'Sales report'],
  issueNo: ['発行番号', 'Issue no.'],
  contentHash: ['内容のハッシュ', 'Content hash'],
  totals: ['売上', 'Sales'],
  draft: ['請求書案', 'Invoice draft'],
  invoice: ['請求書', 'Invoice'],
  paid: ['入金済額', 'Paid'],
  invoiceNumber: ['請求番号', 'Invoice number'],
  invoiceDate: ['請求日', 'Invoice date'],
  dueDate: ['支払期日', 'Due date'],
  recipientName: ['請求先', 'Recipient'],
  poNumber: ['注文No', 'PO number'],
  labourSales: ['売上実績（人件費）', 'Labour sales'],
  expenses: ['実費', 'Expenses'],
  taxIncluded: ['内税', 'Tax included'],
  contact: ['問い合わせ先', 'Contact'],
  registrationNumber: ['登録番号', 'Registration number'],
  issuer: ['発行者', 'Issuer'],
  requested: ['確認依頼時の金額', 'Amounts sent for checking'],
  approved: ['承認された金額', 'Approved amounts'],
  byRate: ['税率別', 'By rate'],
  taxRate: ['税率', 'Tax rate'],
  basis: ['税の扱い', 'Tax basis'],
  issuedOn: ['発行日', 'Issued on'],
  roundingMode: ['端数処理', 'Rounding'],
  replaces: ['訂正前の請求番号', 'Replaces'],
  correctionReason: ['訂正理由', 'Correction reason'],
  address: ['住所', 'Address'],
  phone: ['電話番号', 'Phone'],
  bankAccount: ['振込先', 'Bank account'],
  bank: ['銀行', 'Bank'],
  branch: ['支店', 'Branch'],
  type: ['口座種別', 'Account type'],
  number: ['口座番号', 'Account number'],
  holderKana: ['口座名義', 'Account holder'],
  depositIds: ['充当済みの入金', 'Deposits applied'],
  matchIds: ['充当済みの消込', 'Matches applied'],
} satisfies LabelTable;

const RINGI = {
  kind: ['稟議種別', 'Kind'],
  subject: ['対象', 'Subject'],
  requestedBy: ['申請者', 'Requested by'],
  actAs: ['代理申請', 'Acting as'],
  routeId: ['承認経路', 'Route'],
  title: ['件名', 'Title'],
  values: ['申請内容', 'Form values'],
  requestedAt: ['依頼日時', 'Requested at'],
  documentId: ['文書ID', 'Document id'],
  documentNumber: ['文書番号', 'Document number'],
  link: ['リンク', 'Link'],
  submitted: ['提出済み', 'Submitted'],
  confirmedStatus: ['確認済み状態', 'Confirmed status'],
  approvals: ['承認', 'Approvals'],
  seenNotifications: ['受信済み通知', 'Seen notifications'],
  wakeRequested: ['再照会要求', 'Wake requested'],
  polls: ['照会回数', 'Polls'],
  nextPollAt: ['次回照会', 'Next poll'],
  failures: ['失敗回数', 'Failures'],
  nextAttemptAt: ['次回試行', 'Next attempt'],
  reminded: ['督促済み', 'Reminded'],
  stuck: ['停滞', 'Stuck'],
  halted: ['停止', 'Halted'],
  outcome: ['結果', 'Outcome'],
  projectName: ['案件名', 'Project name'],
  month: ['対象月', 'Month'],
  phase: ['段階', 'Phase'],
  phaseTitle: ['段階名', 'Phase title'],
  approverId: ['承認者ID', 'Approver id'],
  approverName: ['承認者', 'Approver'],
  decidedAt: ['判断日時', 'Decided at'],
  current: ['現在の段階', 'Current'],
} satisfies LabelTable;

export const FIELD_LABELS = {
  company: labelsOf<CompanyState>()({ ...COMMON, ...COMPANY }),
  partner: labelsOf<PartnerState>()({ ...COMMON, ...PARTNER }),
  user: labelsOf<UserState>()({ ...COMMON, ...USER }),
  organization: labelsOf<OrganizationState>()({ ...COMMON, ...ORGANIZATION }),
  project: labelsOf<ProjectState>()({ ...COMMON, ...PROJECT }),
  estimate: labelsOf<EstimateState>()({ ...COMMON, ...ESTIMATE }),
  order: labelsOf<OrderState>()({ ...COMMON, ...ORDER }),
  monthlysales: labelsOf<MonthlySalesState>()({ ...COMMON, ...MONTHLY_SALES }),
  ringi: labelsOf<RingiState>()({ ...COMMON, ...RINGI }),
} as const;

/** Fields whose values are yen amounts (formatted ¥1,000,000 in the history). */
export const YEN_FIELDS: ReadonlySet<string> = new Set([
  'amount', 'unitPrice', 'quotedUnitPrice', 'cost', 'total', 'net', 'tax', 'gross', 'creditLimit', 'orderAmount', 'labourAmount', 'paid', 'labourSales', 'expenses', 'price', 'monthlyCost', 'planRevenue', 'planCost',
]);

/** Fields never shown, only said to have changed: secrets stay secret in an audit view too. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(['passwordHash']);

/** Bookkeeping of the deciders that says nothing to a person. */
// planSources: the ids of the SalesPlanDerived events a month applied (its replay guard); the month's orderId names the order instead.
export const HIDDEN_FIELDS: ReadonlySet<string> = new Set(['exists', 'planSources']);
