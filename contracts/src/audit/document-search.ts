import { Type, type Static } from 'typebox';
import { DateString } from '../common.ts';

/**
 * 電子帳簿保存法 search over the issued documents other than invoices (invoices have theirs,
 * `GET /api/invoices`): 見積書 by 発行日 and its 税込合計, 売上連絡票 by 請求日 and 売上実績（税込）, each
 * by 取引年月日 range, 金額 range and 取引先 combined (docs/audit.md §電子帳簿保存法 search).
 */
const Kind = (title?: string) => Type.Union([Type.Literal('estimate'), Type.Literal('sales_report')], title ? { title } : {});

export const IssuedDocumentQuery = Type.Object(
  {
    kind: Type.Optional(Kind('書類')),
    from: Type.Optional(DateString('取引年月日（から）')),
    to: Type.Optional(DateString('取引年月日（まで）')),
    minAmount: Type.Optional(Type.Integer({ title: '金額（以上）', minimum: 0, maximum: 999_999_999_999 })),
    maxAmount: Type.Optional(Type.Integer({ title: '金額（以下）', minimum: 0, maximum: 999_999_999_999 })),
    customerId: Type.Optional(Type.String({ title: '取引先（顧客）', maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })),
  },
  { additionalProperties: false },
);
export type IssuedDocumentQuery = Static<typeof IssuedDocumentQuery>;

export const IssuedDocument = Type.Object({
  kind: Kind(),
  /** 見積番号, or `<案件番号> <YYYY-MM> 第<n>版` for a 売上連絡票. */
  number: Type.String(),
  /** 取引年月日: a 見積書's 発行日, a 売上連絡票's 請求日. */
  date: Type.String(),
  amount: Type.Integer(),
  customerId: Type.String(),
  customerName: Type.String(),
  projectId: Type.String(),
  projectNumber: Type.String(),
  projectName: Type.String(),
  /** The 見積 version (見積書 only): its PDF is that version as issued. */
  version: Type.Optional(Type.Integer()),
  /** The sales month (売上連絡票 only). */
  month: Type.Optional(Type.String()),
  /** The issue (売上連絡票 only): its PDF is that issue as printed. */
  issueNo: Type.Optional(Type.Integer()),
});
export type IssuedDocument = Static<typeof IssuedDocument>;

export const IssuedDocumentResults = Type.Object({ items: Type.Array(IssuedDocument), total: Type.Integer() });
