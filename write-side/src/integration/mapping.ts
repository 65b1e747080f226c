import type { RecordedEvent } from '@sss/contracts/ports/event-store';
import type { OutgoingMessage } from '@sss/contracts/ports/message-bus';
import type { CompanyEvent } from '@sss/contracts/company/events';
import type { PartnerEvent } from '@sss/contracts/partner/events';
import { eventTypesIn, isEventOf } from '@sss/contracts/events/registry';
import { idOf } from '@sss/contracts/streams/names';
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

const COMPANY_TYPES = eventTypesIn('company');
const PARTNER_TYPES = eventTypesIn('partner');

export const INTEGRATION_TOPICS = [COMPANY_TOPIC, PARTNER_TOPIC];

/** Topic, key (the aggregate id) and body of the message an event is published as, if any. */
function published(event: RecordedEvent): { topic: string; key: string; body: Body<CompanyIntegrationEvent> | Body<PartnerIntegrationEvent> } | null {
  if (isEventOf(event, COMPANY_TYPES)) {
    const body = companyBody(event);
    return body && { topic: COMPANY_TOPIC, key: idOf('company', event.streamName) ?? event.data.companyId, body };
  }
  if (isEventOf(event, PARTNER_TYPES)) {
    const body = partnerBody(event);
    return body && { topic: PARTNER_TOPIC, key: idOf('partner', event.streamName) ?? event.data.partnerId, body };
  }
  return null;
}

export function toIntegrationMessage(event: RecordedEvent): OutgoingMessage | null {
  const message = published(event);
  if (!message) return null;
  const { topic, key, body } = message;
  const value = {
    messageId: event.metadata.eventId,
    type: body.type,
    version: 1,
    occurredAt: event.metadata.occurredAt,
    source: { stream: event.streamName, revision: event.revision.toString() },
    payload: body.payload,
  };
  return { topic, key, value, headers: { [INTEGRATION_HEADERS.messageId]: value.messageId, [INTEGRATION_HEADERS.type]: body.type, [INTEGRATION_HEADERS.version]: '1' } };
}
