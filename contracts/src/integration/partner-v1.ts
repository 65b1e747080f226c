import { Type, type Static } from 'typebox';
import { envelopeOf } from './envelope.ts';

/**
 * Topic `sss.partner.v1`, keyed by partner id. Each affiliation-bearing message carries the
 * partner's whole current list of companies, so a consumer replaces rather than patches and a
 * message is meaningful on its own.
 */
export const PARTNER_TOPIC = 'sss.partner.v1';

const Id = Type.String({ minLength: 1 });

export const PartnerRegisteredV1 = envelopeOf('PartnerRegistered', Type.Object({ partnerId: Id, name: Type.String(), kana: Type.String(), registeredOn: Type.String(), companyIds: Type.Array(Id) }));
export const PartnerUpdatedV1 = envelopeOf('PartnerUpdated', Type.Object({ partnerId: Id, name: Type.String(), kana: Type.String(), registeredOn: Type.String() }));
export const PartnerAffiliationsSetV1 = envelopeOf('PartnerAffiliationsSet', Type.Object({ partnerId: Id, companyIds: Type.Array(Id) }));
export const PartnerRetiredV1 = envelopeOf('PartnerRetired', Type.Object({ partnerId: Id, retiredOn: Type.String(), companyIds: Type.Array(Id) }));

export type PartnerRegisteredV1 = Static<typeof PartnerRegisteredV1>;
export type PartnerUpdatedV1 = Static<typeof PartnerUpdatedV1>;
export type PartnerAffiliationsSetV1 = Static<typeof PartnerAffiliationsSetV1>;
export type PartnerRetiredV1 = Static<typeof PartnerRetiredV1>;
export type PartnerIntegrationEvent = PartnerRegisteredV1 | PartnerUpdatedV1 | PartnerAffiliationsSetV1 | PartnerRetiredV1;

export const PARTNER_EVENT_SCHEMAS = { PartnerRegistered: PartnerRegisteredV1, PartnerUpdated: PartnerUpdatedV1, PartnerAffiliationsSet: PartnerAffiliationsSetV1, PartnerRetired: PartnerRetiredV1 } as const;
