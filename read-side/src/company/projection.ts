import type { Doc } from '@sss/contracts/ports/read-store';
import { eventTypesIn } from '@sss/contracts/events/registry';
import { defineProjection, type DocChange, type DocReader, type Projection } from '../projector/projection.ts';
import { PARTNER_AFFILIATIONS_COPIED } from '@sss/contracts/company/partner-count-events';
import { partnerCountChanges } from './partner-counts.ts';
import { searchKeyOf } from '@sss/contracts/domain/search-key';
import { SEARCH_KEY } from '../http/query-helpers.ts';

/**
 * 会社一覧 / 会社詳細: one document per company serves both the list and the form. Names of the
 * people who checked or changed things are resolved here, from this projection's own copy of
 * user names, so the projection never depends on another projection's progress.
 */

export const COMPANIES = 'companies';
const PEOPLE = 'company_people';

const nameOf = async (docs: DocReader, userId: string) => ((await docs.get(PEOPLE, userId))?.name as string | undefined) ?? userId;

/** What 会社一覧 and the pickers search a company by. */
const companySearchKey = (doc: Doc) => searchKeyOf(...(['name', 'kana', 'code', 'formalName', 'shortName'] as const).map((field) => doc[field] as string | undefined));

export const companyProjection: Projection = defineProjection({
  name: 'companies',
  // 2: documents carry the folded search key (kana, hiragana and half-width kana match alike)
  version: 2,
  collections: {
    [COMPANIES]: [{ keys: { [SEARCH_KEY]: 1 } }, { keys: { kana: 1 } }, { keys: { code: 1 } }, { keys: { name: 1 } }, { keys: { registeredOn: 1 } }, { keys: { isCustomer: 1, kana: 1 } }, { keys: { isPartner: 1, kana: 1 } }],
    [PEOPLE]: [],
  },

  canHandle: ['UserRegistered', PARTNER_AFFILIATIONS_COPIED, ...eventTypesIn('company')],

  async project(event, docs): Promise<DocChange[]> {
    if (event.type === 'UserRegistered') {
      const { userId, name } = event.data;
      return [{ op: 'put', collection: PEOPLE, doc: { _id: userId, name } }];
    }
    if (event.type === PARTNER_AFFILIATIONS_COPIED) return partnerCountChanges(event, docs);
    const e = event;
    const id = e.data.companyId;
    const common = { revision: event.revision.toString(), updatedAt: event.metadata.occurredAt };
    const current = await docs.get(COMPANIES, id);
    const put = (doc: Doc): DocChange[] => [{ op: 'put', collection: COMPANIES, doc: { ...doc, [SEARCH_KEY]: companySearchKey(doc) } }];
    switch (e.type) {
      case 'CompanyRegistered': {
        const { companyId, ...fields } = e.data;
        return put({ _id: companyId, id: companyId, ...fields, abolishedOn: null, antiSocialCheck: null, credit: null, partnerCount: 0, ...common });
      }
      case 'CompanyEdited': {
        const { companyId: _id, changed: _changed, ...fields } = e.data;
        return current ? put({ ...current, ...fields, ...common }) : [];
      }
      case 'AntiSocialCheckRecorded': {
        const { checkedOn, result, checkedBy } = e.data;
        return current ? put({ ...current, antiSocialCheck: { checkedOn, result, checkedBy, checkedByName: await nameOf(docs, checkedBy) }, ...common }) : [];
      }
      case 'CreditLimitChanged': {
        const { creditLimit, reviewedOn, changedBy } = e.data;
        return current ? put({ ...current, credit: { creditLimit, reviewedOn, updatedBy: changedBy, updatedByName: await nameOf(docs, changedBy) }, ...common }) : [];
      }
      case 'CompanyAbolished':
        return current ? put({ ...current, abolishedOn: e.data.abolishedOn, ...common }) : [];
      default:
        return [];
    }
  },
});
