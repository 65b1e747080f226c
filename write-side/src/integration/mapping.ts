import type { RecordedEvent } from '@sss/contracts/ports/event-store';
import type { OutgoingMessage } from '@sss/contracts/ports/message-bus';
import type { CompanyEvent } from '@sss/contracts/company/events';
import type { PartnerEvent } from '@sss/contracts/partner/events';
import { COMPANY_TOPIC, type CompanyIntegrationEvent, type CompanyProfileV1 } from '@sss/contracts/integration/company-v1';
import { PARTNER_TOPIC, type PartnerIntegrationEvent } from '@sss/contracts/integration/partner-v1';
import { INTEGRATION_HEADERS } from '@sss/contracts/integration/envelope';

/**
 * Domain event → integration event. The mapping is the compatibility boundary: domain events may
 * change shape freely, the published contract only by the rules in contracts/src/integration/README.md.
 * Anything not mapped here (credit limits, anti-social checks, every other context) is not published.
 */

type Body<T extends { type: string; payload: unknown }> = Pick<T, 'type' | 'payload'>;

function companyBody(event: CompanyEvent): Body<CompanyIntegrationEvent> | null {
  const profile = (d: Extract<CompanyEvent, { type: 'CompanyRegistered' }>['data']): CompanyProfileV1 => ({
    companyId: d.companyId, code: d.code, name: d.name, kana: d.kana, formalName: d.formalName, shortName: d.shortName,
    isCustomer: d.isCustomer, isPartner: d.isPartner, registeredOn: d.registeredOn,
  });
  switch (event.type) {
    case 'CompanyRegistered':
      return { type: 'CompanyRegistered', payload: profile(event.data) };
    case 'CompanyEdited':
      return { type: 'CompanyUpdated', payload: { ...profile(event.data), changed: event.data.changed } };
    case 'CompanyAbolished':
      return { type: 'CompanyAbolished', payload: { companyId: event.data.companyId, abolishedOn: event.data.abolishedOn, reason: event.data.reason } };
    default:
      return null;
  }
}

function partnerBody(event: PartnerEvent): Body<PartnerIntegrationEvent> | null {
  const d = event.data;
  switch (event.type) {
    case 'PartnerRegistered':
      return { type: 'PartnerRegistered', payload: { partnerId: d.partnerId, name: event.data.name, kana: event.data.kana, registeredOn: event.data.registeredOn, companyIds: event.data.companyIds } };
    case 'PartnerEdited':
      return { type: 'PartnerUpdated', payload: { partnerId: d.partnerId, name: event.data.name, kana: event.data.kana, registeredOn: event.data.registeredOn } };
    case 'PartnerAffiliationsSet':
      return { type: 'PartnerAffiliationsSet', payload: { partnerId: d.partnerId, companyIds: event.data.companyIds } };
    case 'PartnerRetired':
      return { type: 'PartnerRetired', payload: { partnerId: d.partnerId, retiredOn: event.data.retiredOn, companyIds: event.data.companyIds } };
    default:
      return null;
  }
}

const SOURCES = [
  { prefix: 'company-', topic: COMPANY_TOPIC, body: (e: RecordedEvent) => companyBody({ type: e.type, data: e.data } as CompanyEvent) },
  { prefix: 'partner-', topic: PARTNER_TOPIC, body: (e: RecordedEvent) => partnerBody({ type: e.type, data: e.data } as PartnerEvent) },
] as const;

export const INTEGRATION_TOPICS = SOURCES.map((s) => s.topic);

export function toIntegrationMessage(event: RecordedEvent): OutgoingMessage | null {
  const source = SOURCES.find((s) => event.streamName.startsWith(s.prefix));
  const body = source?.body(event);
  if (!source || !body) return null;
  const key = event.streamName.slice(source.prefix.length);
  const value = {
    messageId: event.metadata.eventId,
    type: body.type,
    version: 1,
    occurredAt: event.metadata.occurredAt,
    source: { stream: event.streamName, revision: event.revision.toString() },
    payload: body.payload,
  };
  return { topic: source.topic, key, value, headers: { [INTEGRATION_HEADERS.messageId]: value.messageId, [INTEGRATION_HEADERS.type]: body.type, [INTEGRATION_HEADERS.version]: '1' } };
}
