import { Type, type Static } from 'typebox';
import { envelopeOf } from './envelope.ts';

/**
 * Topic `sss.company.v1`, keyed by company id. What other contexts may know of a company: its
 * identity, names, kinds and whether it is abolished. Credit limits and anti-social checks stay
 * inside the company context and are not published.
 */
export const COMPANY_TOPIC = 'sss.company.v1';

const NullableDate = Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Null()]);

/** The company as published: the whole public picture, so a consumer never needs earlier messages to use one. */
export const CompanyProfileV1 = Type.Object({
  companyId: Type.String({ minLength: 1 }),
  code: Type.String(),
  name: Type.String({ description: '名称' }),
  kana: Type.String({ description: '読み（カナ）' }),
  formalName: Type.String({ description: '正式名称' }),
  shortName: Type.String({ description: '略称（英字）' }),
  isCustomer: Type.Boolean({ description: '顧客会社' }),
  isPartner: Type.Boolean({ description: '協力会社' }),
  registeredOn: Type.String({ description: '登録日' }),
});
export type CompanyProfileV1 = Static<typeof CompanyProfileV1>;

export const CompanyRegisteredV1 = envelopeOf('CompanyRegistered', CompanyProfileV1);
export const CompanyUpdatedV1 = envelopeOf('CompanyUpdated', Type.Intersect([CompanyProfileV1, Type.Object({ changed: Type.Array(Type.String()) })]));
export const CompanyAbolishedV1 = envelopeOf('CompanyAbolished', Type.Object({ companyId: Type.String({ minLength: 1 }), abolishedOn: NullableDate, reason: Type.String() }));

export type CompanyRegisteredV1 = Static<typeof CompanyRegisteredV1>;
export type CompanyUpdatedV1 = Static<typeof CompanyUpdatedV1>;
export type CompanyAbolishedV1 = Static<typeof CompanyAbolishedV1>;
export type CompanyIntegrationEvent = CompanyRegisteredV1 | CompanyUpdatedV1 | CompanyAbolishedV1;

export const COMPANY_EVENT_SCHEMAS = { CompanyRegistered: CompanyRegisteredV1, CompanyUpdated: CompanyUpdatedV1, CompanyAbolished: CompanyAbolishedV1 } as const;
