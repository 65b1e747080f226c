import { Type, type Static } from 'typebox';
import { DateString, MultilineText, Text } from '../common.ts';
import { EFFORT_PATTERN, Id } from './fields.ts';

/** 見積 (Estimate): the priced offer behind a 見積書. One estimate per offer; revisions are versions. */

/** 税区分. IT services are normally all 10 %, but a line keeps its own rate (qualified-invoice rules). */
export const TAX_CATEGORIES = ['standard_10', 'reduced_8', 'exempt'] as const;
export type TaxCategory = (typeof TAX_CATEGORIES)[number];
export const TAX_CATEGORY_LABELS: Readonly<Record<TaxCategory, string>> = { standard_10: '10%', reduced_8: '軽減8%', exempt: '非課税' };
/** Rate in percent, as an integer, per category. */
export const TAX_RATE_PERCENT: Readonly<Record<TaxCategory, number>> = { standard_10: 10, reduced_8: 8, exempt: 0 };

export const EstimateLine = Type.Object(
  {
    workItem: Text('作業項目', 200, 1),
    quantity: Type.String({ title: '数量', maxLength: 6, pattern: EFFORT_PATTERN, description: '0〜999.99（人月なら小数可）' }),
    unit: Text('単位', 10, 1),
    /** Negative for a discount line (出精値引き). */
    unitPrice: Type.Integer({ title: '単価', minimum: -999_999_999, maximum: 999_999_999 }),
    taxCategory: Type.Enum(TAX_CATEGORIES, { title: '税区分' }),
  },
  { additionalProperties: false },
);
export type EstimateLine = Static<typeof EstimateLine>;

/** What a 見積書 says. Dates are the customer-facing ones. */
export const EstimateContent = Type.Object(
  {
    subject: Text('件名', 200, 1),
    addressee: Text('宛先', 200, 1),
    periodStart: DateString('作業期間（開始）'),
    periodEnd: DateString('作業期間（終了）'),
    deliveryPlace: Type.Optional(Text('納品場所', 200)),
    paymentTerms: Text('支払条件', 200, 1),
    validUntil: DateString('有効期限'),
    conditions: Type.Optional(MultilineText('前提条件', 2000)),
    lines: Type.Array(EstimateLine, { title: '明細', minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type EstimateContent = Static<typeof EstimateContent>;

/** Start an estimate for a project: version 1, as a draft. */
export const DraftEstimate = Type.Object({ projectId: Id('案件'), content: EstimateContent }, { additionalProperties: false });
export type DraftEstimate = Static<typeof DraftEstimate>;

export const EditEstimateDraft = EstimateContent;
export type EditEstimateDraft = EstimateContent;

/** 発行: freezes the current draft and gives it its 見積番号. */
export const IssueEstimate = Type.Object({ issuedOn: DateString('発行日') }, { additionalProperties: false });
export type IssueEstimate = Static<typeof IssueEstimate>;

/** 改訂: a new draft version, starting from the last issued one. */
export const ReviseEstimate = Type.Object({ reason: MultilineText('改訂理由', 500, 1) }, { additionalProperties: false });
export type ReviseEstimate = Static<typeof ReviseEstimate>;
