import { Type, type Static } from 'typebox';

/**
 * Atoms of the project context (docs/domain.md §案件 (Project)) shared by commands, events and views.
 * Effort is an exact decimal string, never a float: 0.1 + 0.2 人月 must be 0.3 人月 on every screen.
 */

export const EFFORT_PATTERN = '^\\d{1,3}(\\.\\d{1,2})?$';
export const MONTH_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$';

export const Effort = (title: string) => Type.String({ title, maxLength: 6, pattern: EFFORT_PATTERN, description: '0〜999.99（小数2桁まで）' });
export const Month = (title: string) => Type.String({ title, maxLength: 7, pattern: MONTH_PATTERN, description: 'YYYY-MM' });

/** 工数マップ: month → 人月 (or quantity for 諸経費). Months without effort are simply absent. */
export const EffortMap = Type.Record(Type.String({ maxLength: 7, pattern: MONTH_PATTERN }), Effort('工数'), { title: '工数マップ', additionalProperties: false, maxProperties: 240 });
export type EffortMap = Static<typeof EffortMap>;

export const Id = (title: string) => Type.String({ title, minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

/** Yen that may not be negative; cost and price are tax-excluded (原価・提示単価は税抜). */
export const UnitYen = (title: string) => Type.Integer({ title, minimum: 0, maximum: 999_999_999 });

export const CONTRACT_TYPES = ['請負', '準委任', '派遣'] as const;
export const ContractTypeSchema = Type.Enum(CONTRACT_TYPES, { title: '契約形態' });

/** 請求種別. 毎月請求 is the common case for 準委任; 一括 and 分割 fit 請負 milestones. */
export const BILLING_TYPES = ['毎月請求', '一括請求', '分割請求'] as const;
export const BillingTypeSchema = Type.Enum(BILLING_TYPES, { title: '請求種別' });

export const RESOURCE_KINDS = ['employee', 'partner', 'expense'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const RESOURCE_KIND_LABELS: Readonly<Record<ResourceKind, string>> = { employee: '社員', partner: 'パートナー', expense: '諸経費' };

/** The kinds of 稟議 a project raises (docs/domain.md §稟議 (approvals): 提案・見積 under project, 受注・先行着手 under quotation). */
export const APPROVAL_KINDS = ['proposal', 'estimate', 'order', 'early_start'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];
export const APPROVAL_KIND_LABELS: Readonly<Record<ApprovalKind, string>> = {
  proposal: '提案稟議',
  estimate: '見積稟議',
  order: '受注稟議',
  early_start: '先行着手稟議',
};
export const ApprovalKindSchema = Type.Enum(APPROVAL_KINDS, { title: '稟議種別' });

export const APPROVAL_OUTCOMES = ['approved', 'rejected', 'sent_back', 'withdrawn'] as const;
export type ApprovalOutcome = (typeof APPROVAL_OUTCOMES)[number];
export const APPROVAL_OUTCOME_LABELS: Readonly<Record<ApprovalOutcome, string>> = {
  approved: '承認',
  rejected: '却下',
  sent_back: '差し戻し',
  withdrawn: '取り下げ',
};

/** 事業セグメント: three levels of sales classification, kept as the ids and names chosen at the time. */
export const BusinessSegment = Type.Object(
  {
    first: Type.String({ title: '第一セグメント', minLength: 1, maxLength: 100 }),
    second: Type.String({ title: '第二セグメント', maxLength: 100 }),
    third: Type.String({ title: '第三セグメント', maxLength: 100 }),
  },
  { title: '事業セグメント', additionalProperties: false },
);
export type BusinessSegment = Static<typeof BusinessSegment>;

/** 売上情報. The lists depend on each other on screen; the master data says which combinations exist. */
export const SalesInfo = Type.Object(
  {
    serviceType: Type.String({ title: 'サービス種別', minLength: 1, maxLength: 100 }),
    contractType: ContractTypeSchema,
    revenueRecognition: Type.String({ title: '売上計上基準', minLength: 1, maxLength: 100, description: '例: 検収基準、役務完了基準' }),
  },
  { title: '売上情報', additionalProperties: false },
);
export type SalesInfo = Static<typeof SalesInfo>;

export const Leader = Type.Object(
  { employeeId: Id('社員ID'), name: Type.String({ title: '氏名', minLength: 1, maxLength: 100 }) },
  { title: 'プロジェクトリーダー', additionalProperties: false },
);
export type Leader = Static<typeof Leader>;
