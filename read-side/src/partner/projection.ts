import { COMPANY_COPY_UPDATED } from '@sss/contracts/partner/events';
import { eventTypesIn } from '@sss/contracts/events/registry';
import { searchKeyOf } from '@sss/contracts/domain/search-key';
import { SEARCH_KEY } from '../http/query-helpers.ts';
import { defineProjection, type DocChange, type Projection } from '../projector/projection.ts';

/**
 * パートナー一覧 / 詳細. Partners keep only the ids of their companies; the company side of the
 * view comes from the partner context's copy of each company (`partner_companies`, fed by the
 * `companycopy-*` streams), joined when a query answers. So a renamed or abolished company shows
 * on every partner the moment its copy changes, without rewriting each partner document.
 */

export const PARTNERS = 'partners';
export const PARTNER_COMPANIES = 'partner_companies';

export const partnerProjection: Projection = defineProjection({
  name: 'partners',
  // 2: partners and company copies carry the folded search key; a partner is found by its company's name too
  version: 2,
  collections: {
    [PARTNERS]: [{ keys: { [SEARCH_KEY]: 1 } }, { keys: { kana: 1 } }, { keys: { name: 1 } }, { keys: { registeredOn: 1 } }, { keys: { companyIds: 1, kana: 1 } }],
    [PARTNER_COMPANIES]: [{ keys: { isPartner: 1, kana: 1 } }, { keys: { [SEARCH_KEY]: 1 } }],
  },

  canHandle: [COMPANY_COPY_UPDATED, ...eventTypesIn('partner')],

  async project(event, docs): Promise<DocChange[]> {
    if (event.type === COMPANY_COPY_UPDATED) {
      const { companyId, code, name, formalName, kana, isPartner, abolishedOn } = event.data;
      return [{ op: 'put', collection: PARTNER_COMPANIES, doc: { _id: companyId, code, name, formalName, isPartner, abolishedOn, [SEARCH_KEY]: searchKeyOf(name, formalName, code, kana), updatedAt: event.metadata.occurredAt } }];
    }
    const e = event;
    const id = e.data.partnerId;
    const common = { revision: event.revision.toString(), updatedAt: event.metadata.occurredAt };
    const current = await docs.get(PARTNERS, id);
    const put = (doc: Record<string, unknown>): DocChange[] => [{ op: 'put', collection: PARTNERS, doc: { _id: id, ...doc, [SEARCH_KEY]: searchKeyOf(doc.name as string, doc.kana as string) } }];
    switch (e.type) {
      case 'PartnerRegistered': {
        const { partnerId, name, kana, registeredOn, companyIds } = e.data;
        return put({ id: partnerId, name, kana, registeredOn, retiredOn: null, companyIds, ...common });
      }
      case 'PartnerEdited': {
        const { name, kana, registeredOn } = e.data;
        return current ? put({ ...current, name, kana, registeredOn, ...common }) : [];
      }
      case 'PartnerAffiliationsSet':
        return current ? put({ ...current, companyIds: e.data.companyIds, ...common }) : [];
      case 'PartnerRetired':
        return current ? put({ ...current, retiredOn: e.data.retiredOn, ...common }) : [];
      default:
        return [];
    }
  },
});
