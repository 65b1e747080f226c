import { Type, type Static } from 'typebox';
import { DateString, Page, PageQuery, MultilineText, Text } from '../common.ts';

/** パートナー要員 (Partner): people from partner companies who work on projects (docs/domain.md §Companies and partners). */

const KANA = '^[\\u30A0-\\u30FF\\u3000 ・ー]+$';
const CompanyId = Type.String({ title: '所属会社', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

export const PartnerFields = Type.Object(
  {
    name: Text('氏名', 100, 1),
    kana: Type.String({ title: '読み（カナ）', minLength: 1, maxLength: 100, pattern: KANA, description: '全角カタカナ' }),
    registeredOn: Type.Optional(DateString('登録日')),
  },
  { additionalProperties: false },
);
export type PartnerFields = Static<typeof PartnerFields>;

export const CompanyIds = Type.Array(CompanyId, { title: '所属会社', maxItems: 20, uniqueItems: true });

export const RegisterPartner = Type.Object(
  {
    name: PartnerFields.properties.name,
    kana: PartnerFields.properties.kana,
    registeredOn: PartnerFields.properties.registeredOn,
    companyIds: Type.Optional(CompanyIds),
  },
  { additionalProperties: false },
);
export type RegisterPartner = Static<typeof RegisterPartner>;

export const SetPartnerAffiliations = Type.Object({ companyIds: CompanyIds }, { additionalProperties: false });
export type SetPartnerAffiliations = Static<typeof SetPartnerAffiliations>;

export const RetirePartner = Type.Object(
  { retiredOn: DateString('廃止日'), reason: Type.Optional(MultilineText('廃止理由', 500)) },
  { additionalProperties: false },
);
export type RetirePartner = Static<typeof RetirePartner>;

/** One affiliation as the partner context sees it, names from its own copy of the company. */
export const PartnerAffiliationView = Type.Object({
  companyId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  formalName: Type.String(),
  /** The company was abolished after the affiliation was set: the affiliation needs a look. */
  companyAbolished: Type.Boolean(),
});
export type PartnerAffiliationView = Static<typeof PartnerAffiliationView>;

export const PartnerView = Type.Object({
  id: Type.String(),
  revision: Type.String(),
  name: Type.String(),
  kana: Type.String(),
  registeredOn: Type.String(),
  retiredOn: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  affiliations: Type.Array(PartnerAffiliationView),
  updatedAt: Type.String(),
});
export type PartnerView = Static<typeof PartnerView>;

export const PartnerSortKeys = ['kana', '-kana', 'name', '-name', 'registeredOn', '-registeredOn'] as const;

export const PartnerListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ title: '検索語', maxLength: 100 })),
    companyId: Type.Optional(CompanyId),
    active: Type.Optional(Type.Boolean({ title: '有効のみ' })),
    sort: Type.Optional(Type.Union(PartnerSortKeys.map((k) => Type.Literal(k)), { title: '並び順' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type PartnerListQuery = Static<typeof PartnerListQuery>;

export const PartnerPage = Page(PartnerView);

/** The company picker: partner companies as the partner context knows them. */
export const PartnerCompanyOption = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), formalName: Type.String(), abolished: Type.Boolean() });
export const PartnerCompanyOptions = Type.Object({ items: Type.Array(PartnerCompanyOption) });
/** Narrows the candidates by a typed query (name, formal name, code; kana and width fold alike). */
export const PartnerCompanyQuery = Type.Object({ q: Type.Optional(Type.String({ title: '検索語', maxLength: 100 })) }, { additionalProperties: false });
export type PartnerCompanyOption = Static<typeof PartnerCompanyOption>;
