import type { EventStore } from '@sss/contracts/ports/event-store';
import type { MessageBus, RunningConsumer } from '@sss/contracts/ports/message-bus';
import { COMPANY_EVENT_SCHEMAS, COMPANY_TOPIC } from '@sss/contracts/integration/company-v1';
import { COMPANY_COPY_UPDATED, type CompanyCopy } from '@sss/contracts/partner/events';
import { applyToCopy, PoisonMessage, type CopyHandler, type Outcome } from '../integration/applied-copy.ts';
import { companyCopyStream } from './company-copy.ts';

/**
 * Feeds the partner context's copy of each company from topic `sss.company.v1` — the only way the
 * partner context learns about companies, so it never reads the company context's streams. Keeps
 * what partners need: names (a rename shows on every partner), whether it is a partner company
 * (the affiliation rule) and its abolition (flags affiliations).
 */

export const COMPANY_COPY_GROUP = 'sss.partner.company-copy';

export const companyCopyHandler: CopyHandler<CompanyCopy, typeof COMPANY_EVENT_SCHEMAS, typeof COMPANY_COPY_UPDATED> = {
  streamOf: companyCopyStream,
  schemas: COMPANY_EVENT_SCHEMAS,
  eventType: COMPANY_COPY_UPDATED,
  actor: 'system:partner-company-copy',
  current: (last) => (last ? last.data : null),
  apply(envelope, copy, key) {
    const sourceType = envelope.type;
    if (envelope.type === 'CompanyAbolished') {
      const { payload } = envelope;
      if (!copy) throw new PoisonMessage(`CompanyAbolished for company ${key} that this context never saw registered`);
      return { ...pick(copy), abolishedOn: payload.abolishedOn, sourceType };
    }
    const { payload } = envelope;
    if (payload.companyId !== key) throw new PoisonMessage(`key ${key} does not match payload companyId ${payload.companyId}`);
    return { companyId: payload.companyId, code: payload.code, name: payload.name, formalName: payload.formalName, kana: payload.kana, isPartner: payload.isPartner, abolishedOn: copy?.abolishedOn ?? null, sourceType };
  },
};

const pick = ({ companyId, code, name, formalName, kana, isPartner, abolishedOn }: CompanyCopy): CompanyCopy => ({ companyId, code, name, formalName, ...(kana === undefined ? {} : { kana }), isPartner, abolishedOn });

export interface CompanyCopyConsumerOptions {
  readonly events: EventStore;
  readonly bus: MessageBus;
  readonly groupId?: string;
  /** Observes each handled message (tests and the benchmark count on it). */
  readonly onHandled?: (key: string, outcome: Outcome) => void;
}

export function startCompanyCopyConsumer(options: CompanyCopyConsumerOptions): Promise<RunningConsumer> {
  return options.bus.consume({
    groupId: options.groupId ?? COMPANY_COPY_GROUP,
    topics: [COMPANY_TOPIC],
    fromBeginning: true,
    handle: async (message) => {
      const outcome = await applyToCopy(options.events, message, companyCopyHandler);
      options.onHandled?.(message.key, outcome);
    },
  });
}
