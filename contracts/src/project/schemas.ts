import { Type, type Static } from 'typebox';
import { DateString, MultilineText, Text, Yen } from '../common.ts';
import {
  APPROVAL_OUTCOMES,
  ApprovalKindSchema,
  BillingTypeSchema,
  BusinessSegment,
  EffortMap,
  Id,
  Leader,
  Month,
  SalesInfo,
  UnitYen,
} from './fields.ts';
import { MANUAL_TARGET_STATUSES } from './status.ts';

/** Bodies a person sends to the project (案件) API. Register and edit take the same basics. */

export const ProjectBasics = Type.Object(
  {
    name: Text('案件名', 200, 1),
    customerCompanyId: Id('顧客会社'),
    supervisingOrgUnitId: Id('主管部'),
    accountingUnit: Text('会計区分', 50, 1),
    leader: Leader,
    businessSegment: BusinessSegment,
    salesInfo: SalesInfo,
    startDate: DateString('開始日'),
    endDate: DateString('終了日'),
    resale: Type.Boolean({ title: '仕入販売' }),
    billingType: BillingTypeSchema,
  },
  { additionalProperties: false },
);
export type ProjectBasics = Static<typeof ProjectBasics>;

export const RegisterProject = ProjectBasics;
export type RegisterProject = ProjectBasics;
export const EditProjectBasics = ProjectBasics;
export type EditProjectBasics = ProjectBasics;

/** コピー: a new project from an existing one; the name defaults to 「元の案件名（コピー）」. */
export const CopyProject = Type.Object({ name: Type.Optional(Text('案件名', 200, 1)) }, { additionalProperties: false });
export type CopyProject = Static<typeof CopyProject>;

const common = {
  name: Text('名称', 100, 1),
  cost: UnitYen('原価'),
  quotedUnitPrice: UnitYen('提示単価'),
  title: Type.Optional(Text('肩書', 100)),
  workSummary: Type.Optional(Text('業務内容概要', 500)),
};

/** プロパー (own employee). Cost is the class rank's standard cost at the time it was set. */
const employeeFields = {
  kind: Type.Literal('employee', { title: 'リソース種別' }),
  employeeId: Id('社員ID'),
  employeeNo: Text('社員番号', 20, 1),
  email: Type.Optional(Text('メールアドレス', 254)),
  classRank: Text('クラスランク', 20, 1),
  ...common,
};

/** パートナー要員 of a 協力会社. */
const partnerFields = { kind: Type.Literal('partner', { title: 'リソース種別' }), partnerId: Id('パートナー'), partnerCompanyId: Id('協力会社'), ...common };

/** 諸経費: the effort map holds quantities (e.g. 1 PC in July); price 0 when not charged to the customer. */
const expenseFields = {
  kind: Type.Literal('expense', { title: 'リソース種別' }),
  expenseType: Text('経費種別', 50, 1),
  name: Text('名称', 100, 1),
  cost: UnitYen('原価'),
  quotedUnitPrice: UnitYen('提示単価'),
  workSummary: Type.Optional(Text('内容', 500)),
};

const closed = { additionalProperties: false } as const;

/** Edit a row's attributes; the kind cannot change (remove and add instead), effort has its own command. */
export const EditResource = Type.Union(
  [Type.Object(employeeFields, closed), Type.Object(partnerFields, closed), Type.Object(expenseFields, closed)],
  { title: 'リソース' },
);
export type EditResource = Static<typeof EditResource>;

/** Add a row to the 月毎明細, optionally with its first effort map. */
const withEffort = { effort: Type.Optional(EffortMap) };
export const AddResource = Type.Union(
  [
    Type.Object({ ...employeeFields, ...withEffort }, closed),
    Type.Object({ ...partnerFields, ...withEffort }, closed),
    Type.Object({ ...expenseFields, ...withEffort }, closed),
  ],
  { title: 'リソース' },
);
export type AddResource = Static<typeof AddResource>;

/** Set several months of one row at once, as the grid saves. "0" clears a month. */
export const SetMonthlyEffort = Type.Object({ efforts: EffortMap }, { additionalProperties: false });
export type SetMonthlyEffort = Static<typeof SetMonthlyEffort>;

/** プロパー原価表: class rank → standard monthly cost. Supplied by the master data, not typed by a person. */
export const StandardCostTable = Type.Record(Type.String({ minLength: 1, maxLength: 20 }), UnitYen('標準原価'), { title: 'プロパー原価表', maxProperties: 50 });
export type StandardCostTable = Static<typeof StandardCostTable>;

const DayOfMonth = (title: string) => Type.Union([Type.Integer({ title, minimum: 1, maximum: 28 }), Type.Literal('月末')], { title, description: '1〜28 または 月末' });

export const BillingScheduleLine = Type.Object(
  {
    description: Type.Optional(Text('摘要', 200)),
    deliveryDate: Type.Optional(Type.Union([DateString('納品予定日'), Type.Null()], { title: '納品予定日' })),
    acceptanceDate: Type.Optional(Type.Union([DateString('検収予定日'), Type.Null()], { title: '検収予定日' })),
    billingDate: DateString('請求予定日'),
    paymentDate: DateString('入金予定日'),
    amount: Yen('請求金額'),
  },
  { additionalProperties: false },
);
export type BillingScheduleLine = Static<typeof BillingScheduleLine>;

/** 請求予定: e.g. 月末締め翌月末払い = closingDay 月末, paymentSiteMonths 1, paymentDay 月末. */
export const BillingSchedule = Type.Object(
  {
    closingDay: DayOfMonth('締め日'),
    paymentSiteMonths: Type.Integer({ title: '支払サイト（月）', minimum: 0, maximum: 12 }),
    paymentDay: DayOfMonth('支払日'),
    notes: Type.Optional(MultilineText('詳細', 500)),
    lines: Type.Array(BillingScheduleLine, { title: '請求予定詳細', maxItems: 120 }),
  },
  { additionalProperties: false },
);
export type BillingSchedule = Static<typeof BillingSchedule>;

/** 失注・中止・完了: the only statuses a person picks directly; the reason goes into the history. */
export const ChangeProjectStatus = Type.Object(
  {
    to: Type.Enum(MANUAL_TARGET_STATUSES, { title: '変更後ステータス' }),
    reason: MultilineText('理由', 500, 1),
  },
  { additionalProperties: false },
);
export type ChangeProjectStatus = Static<typeof ChangeProjectStatus>;

/** 稟議申請: what a person asks for. The handler allocates the ringi id and files it in the workflow. */
export const RequestApproval = Type.Object(
  {
    kind: ApprovalKindSchema,
    comment: Type.Optional(MultilineText('申請コメント', 1000)),
    estimateId: Type.Optional(Id('見積')),
    estimateVersion: Type.Optional(Type.Integer({ title: '見積版', minimum: 1 })),
  },
  { additionalProperties: false },
);
export type RequestApproval = Static<typeof RequestApproval>;

/** An outcome learnt from the workflow product (by the 稟議 process manager, not typed by a person). */
export const RecordApprovalOutcome = Type.Object(
  {
    ringiId: Id('稟議ID'),
    outcome: Type.Enum(APPROVAL_OUTCOMES, { title: '結果' }),
    ringiNumber: Type.Optional(Text('稟議番号', 50)),
    comment: Type.Optional(MultilineText('コメント', 1000)),
    decidedBy: Text('決裁者', 100),
    decidedAt: Type.String({ title: '決裁日時', maxLength: 35, description: 'ISO-8601' }),
  },
  { additionalProperties: false },
);
export type RecordApprovalOutcome = Static<typeof RecordApprovalOutcome>;

/** The monthly 売上実績・請求確認 flow opened or closed for one month (from the sales context). */
export const SalesActualProcessing = Type.Object({ month: Month('売上月'), ringiId: Type.Optional(Id('稟議ID')) }, { additionalProperties: false });
export type SalesActualProcessing = Static<typeof SalesActualProcessing>;
