import type { EventStore } from '@sss/contracts/ports/event-store';
import type { MessageBus, RunningConsumer } from '@sss/contracts/ports/message-bus';
import { PARTNER_EVENT_SCHEMAS, PARTNER_TOPIC } from '@sss/contracts/integration/partner-v1';
import { PARTNER_AFFILIATIONS_COPIED } from '@sss/contracts/company/partner-count-events';
import { streams } from '@sss/contracts/streams/names';
import { applyToCopy, PoisonMessage, type CopyHandler, type Outcome } from '../integration/applied-copy.ts';

/**
 * How the company context learns partner counts: from topic `sss.partner.v1` only. Per partner it
 * records (stream `partnercopy-<partnerId>`) which companies that partner currently counts for, with
 * the previous set; the company projection adds the difference to each company's `partnerCount`.
 *
 * Why events in the company context's own streams rather than the consumer writing the read model:
 * the read model must stay a pure projection of the event store (rebuildable from zero, and
 * written by exactly one projector, so a consumer's patch can never race the projector's whole-document
 * write), and a count that needs no Kafka to rebuild survives topic retention. Why not events on the
 * company stream itself: a count moving would bump the company's revision and turn every open
 * company form into a spurious 409, and the company's audit history is about the company.
 */

export const PARTNER_COUNT_GROUP = 'sss.company.partner-counts';
export const partnerCopyStream = streams.partnerCopy;

type Counted = { counted: string[] };

export const partnerCountHandler: CopyHandler<Counted, typeof PARTNER_EVENT_SCHEMAS, typeof PARTNER_AFFILIATIONS_COPIED> = {
  streamOf: partnerCopyStream,
  schemas: PARTNER_EVENT_SCHEMAS,
  eventType: PARTNER_AFFILIATIONS_COPIED,
  actor: 'system:company-partner-counts',
  current: (last) => (last ? { counted: last.data.counted } : null),
  apply(envelope, copy, key) {
    const { payload } = envelope;
    if (payload.partnerId !== key) throw new PoisonMessage(`key ${key} does not match payload partnerId ${payload.partnerId}`);
    const previouslyCounted = copy?.counted ?? [];
    let counted: string[];
    switch (envelope.type) {
      case 'PartnerRegistered':
      case 'PartnerAffiliationsSet':
        counted = [...new Set(envelope.payload.companyIds)];
        break;
      case 'PartnerRetired':
        counted = [];
        break;
      default:
        return null;
    }
    if (counted.length === previouslyCounted.length && counted.every((id) => previouslyCounted.includes(id))) return null;
    return { partnerId: key, counted, previouslyCounted };
  },
};

export interface PartnerCountConsumerOptions {
  readonly events: EventStore;
  readonly bus: MessageBus;
  readonly groupId?: string;
  readonly onHandled?: (key: string, outcome: Outcome) => void;
}

export function startPartnerCountConsumer(options: PartnerCountConsumerOptions): Promise<RunningConsumer> {
  return options.bus.consume({
    groupId: options.groupId ?? PARTNER_COUNT_GROUP,
    topics: [PARTNER_TOPIC],
    fromBeginning: true,
    handle: async (message) => {
      const outcome = await applyToCopy(options.events, message, partnerCountHandler);
      options.onHandled?.(message.key, outcome);
    },
  });
}
