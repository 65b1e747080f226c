import { Type, type Static } from 'typebox';
import { DateString, OptionalDate, Page, PageQuery, MultilineText, Text, Yen } from '../common.ts';
import { CompanyBillingFields, CompanyBillingView } from './billing.ts';

/** 会社 (Company): one registry of customers and partner companies (docs/domain.md §Companies and partners). */

const KANA = '^[\\u30A0-\\u30FF\\u3000 ・ー０-９0-9A-Za-zＡ-Ｚａ-ｚ&＆()（）.．,，\\-－]+$';

export const CompanyPartnerPart = Type.Object({
  salesRepName: Type.Optional(Text('担当営業氏名', 100)),
  salesRepKana: Type.Optional(Text('担当営業氏名（カナ）', 100)),
  salesRepEmail: Type.Optional(Type.String({ title: '担当営業メール', maxLength: 254, pattern: '^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', description: 'name@example.co.jp' })),
  phone: Type.Optional(Type.String({ title: '電話番号', maxLength: 20, pattern: '^$|^[0-9+()\\- ]+$', description: '03-1234-5678' })),
  capital: Type.Optional(Type.Union([Yen('資本金'), Type.Null()], { title: '資本金' })),
  specialties: Type.Optional(MultilineText('得意領域', 500)),
}, { additionalProperties: false });

/** The fields a person edits on the company form (register and edit take the same body). */
export const CompanyFields = Type.Object(
  {
    code: Type.String({ title: '会社コード', minLength: 1, maxLength: 50, pattern: '^[A-Za-z0-9_-]+$', description: '半角英数字・-・_' }),
    name: Text('名称', 100, 1),
    kana: Type.String({ title: '読み（カナ）', minLength: 1, maxLength: 100, pattern: KANA, description: '全角カタカナ' }),
    formalName: Text('正式名称', 200, 1),
    shortName: Type.String({ title: '略称（英字）', minLength: 1, maxLength: 50, pattern: "^[A-Za-z0-9 .,&()'-]+$", description: '半角英字' }),
    isCustomer: Type.Boolean({ title: '顧客会社' }),
    isPartner: Type.Boolean({ title: '協力会社' }),
    ndaSignedOn: Type.Optional(OptionalDate('NDA締結日')),
    masterAgreementSignedOn: Type.Optional(OptionalDate('基本契約締結日')),
    url: Type.Optional(Type.String({ title: 'URL', maxLength: 500, pattern: '^$|^https?://\\S+$', description: 'https://…' })),
    sansanUrl: Type.Optional(Type.String({ title: 'Sansan URL', maxLength: 500, pattern: '^$|^https?://\\S+$', description: 'https://…' })),
    invoiceRegistrationNumber: Type.Optional(
      Type.Union([Type.String({ title: '適格請求書発行事業者登録番号', maxLength: 14, pattern: '^T\\d{13}$', description: 'T + 13桁の数字' }), Type.Null()], { title: '適格請求書発行事業者登録番号' }),
    ),
    partner: Type.Optional(CompanyPartnerPart),
    /** 請求のための項目 (docs/billing.md); absent = every field 未設定. */
    billing: Type.Optional(CompanyBillingFields),
    notes: Type.Optional(MultilineText('備考', 500)),
    registeredOn: Type.Optional(DateString('登録日')),
  },
  { additionalProperties: false },
);
export type CompanyFields = Static<typeof CompanyFields>;

export const RecordAntiSocialCheck = Type.Object(
  {
    checkedOn: DateString('反社チェック日'),
    result: Type.Union([Type.Literal('clear'), Type.Literal('concern')], { title: 'チェック結果' }),
    note: Type.Optional(MultilineText('メモ', 500)),
  },
  { additionalProperties: false },
);
export type RecordAntiSocialCheck = Static<typeof RecordAntiSocialCheck>;

export const ChangeCreditLimit = Type.Object(
  { creditLimit: Yen('与信限度額'), reviewedOn: DateString('与信審査日') },
  { additionalProperties: false },
);
export type ChangeCreditLimit = Static<typeof ChangeCreditLimit>;

export const AbolishCompany = Type.Object(
  { abolishedOn: DateString('廃止日'), reason: Type.Optional(MultilineText('廃止理由', 500)) },
  { additionalProperties: false },
);
export type AbolishCompany = Static<typeof AbolishCompany>;

/** The read model: list rows and the detail form are the same document. */
export const CompanyView = Type.Object({
  id: Type.String(),
  revision: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kana: Type.String(),
  formalName: Type.String(),
  shortName: Type.String(),
  isCustomer: Type.Boolean(),
  isPartner: Type.Boolean(),
  ndaSignedOn: Type.Union([Type.String(), Type.Null()]),
  masterAgreementSignedOn: Type.Union([Type.String(), Type.Null()]),
  url: Type.String(),
  sansanUrl: Type.String(),
  invoiceRegistrationNumber: Type.Union([Type.String(), Type.Null()]),
  partner: CompanyPartnerPart,
  billing: CompanyBillingView,
  notes: Type.String(),
  registeredOn: Type.String(),
  abolishedOn: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  antiSocialCheck: Type.Union([
    Type.Object({ checkedOn: Type.String(), result: Type.String(), checkedBy: Type.String(), checkedByName: Type.String() }),
    Type.Null(),
  ]),
  credit: Type.Union([
    Type.Object({ creditLimit: Type.Integer(), reviewedOn: Type.String(), updatedBy: Type.String(), updatedByName: Type.String() }),
    Type.Null(),
  ]),
  partnerCount: Type.Integer(),
  updatedAt: Type.String(),
});
export type CompanyView = Static<typeof CompanyView>;

export const CompanySortKeys = ['code', '-code', 'name', '-name', 'kana', '-kana', 'registeredOn', '-registeredOn'] as const;

export const CompanyListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ title: '検索語', maxLength: 100 })),
    customer: Type.Optional(Type.Boolean({ title: '顧客会社' })),
    partner: Type.Optional(Type.Boolean({ title: '協力会社' })),
    active: Type.Optional(Type.Boolean({ title: '有効のみ' })),
    sort: Type.Optional(Type.Enum(CompanySortKeys, { title: '並び順' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type CompanyListQuery = Static<typeof CompanyListQuery>;
/** 会社一覧 as CSV: the list's filters and order, every matching company (no paging). */
export const CompanyExportQuery = Type.Omit(CompanyListQuery, ['page', 'pageSize'], { additionalProperties: false });
export type CompanyExportQuery = Static<typeof CompanyExportQuery>;

export const CompanyPage = Page(CompanyView);
