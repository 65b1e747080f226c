import type { Doc } from '@sss/contracts/ports/read-store';
import { eventTypesIn } from '@sss/contracts/events/registry';
import { applyOrgChanges, type OrgUnitTimeline } from '@sss/contracts/organization/timeline';
import { defineProjection, type DocChange, type DocReader, type Projection } from '../projector/projection.ts';

/**
 * 組織: each unit's whole timeline in one document (as-of questions are answered from it), the
 * shared draft with who staged each change, and the list of confirmed reorganizations. Staff names
 * come from this projection's own copy, so it never waits on another projection.
 */

export const ORG_UNITS = 'org_units';
export const ORG_DRAFT = 'org_draft';
export const ORG_REORGANIZATIONS = 'org_reorganizations';
const PEOPLE = 'org_people';
export const DRAFT_ID = 'main';

const nameOf = async (docs: DocReader, userId: string) => ((await docs.get(PEOPLE, userId))?.name as string | undefined) ?? userId;

export const organizationProjection: Projection = defineProjection({
  name: 'organization',
  version: 1,
  collections: { [ORG_UNITS]: [], [ORG_DRAFT]: [], [ORG_REORGANIZATIONS]: [{ keys: { effectiveDate: -1 } }], [PEOPLE]: [] },

  canHandle: ['UserRegistered', ...eventTypesIn('organization')],

  async project(event, docs): Promise<DocChange[]> {
    if (event.type === 'UserRegistered') {
      const { userId, name } = event.data;
      return [{ op: 'put', collection: PEOPLE, doc: { _id: userId, name } }];
    }
    const e = event;
    const draft = (await docs.get(ORG_DRAFT, DRAFT_ID)) ?? { _id: DRAFT_ID, changes: [], lastEffectiveDate: null };
    const changes = draft.changes as Array<{ changeId: string }>;
    const putDraft = (patch: Record<string, unknown>): DocChange => ({ op: 'put', collection: ORG_DRAFT, doc: { ...draft, ...patch, revision: event.revision.toString() } as Doc });
    switch (e.type) {
      case 'OrgChangeStaged': {
        const staged = { ...e.data, stagedBy: event.metadata.actor, stagedByName: await nameOf(docs, event.metadata.actor), stagedAt: event.metadata.occurredAt };
        return [putDraft({ changes: [...changes, staged] })];
      }
      case 'OrgChangeWithdrawn':
        return [putDraft({ changes: changes.filter((c) => c.changeId !== e.data.changeId) })];
      case 'OrgDraftDiscarded':
        return [putDraft({ changes: [] })];
      case 'OrgChangesConfirmed': {
        const { changes: confirmed, effectiveDate, reorganizationId, note } = e.data;
        const before = new Map<string, OrgUnitTimeline>();
        for (const id of new Set(confirmed.map((c) => c.unitId))) {
          const doc = await docs.get(ORG_UNITS, id);
          if (doc) before.set(id, doc.timeline as OrgUnitTimeline);
        }
        const after = applyOrgChanges(before, confirmed, effectiveDate);
        const units: DocChange[] = [...after.values()].map((timeline) => ({ op: 'put', collection: ORG_UNITS, doc: { _id: timeline.unitId, timeline } }));
        const reorganization: DocChange = {
          op: 'put',
          collection: ORG_REORGANIZATIONS,
          doc: { _id: reorganizationId, reorganizationId, effectiveDate, note, changeCount: confirmed.length, confirmedBy: await nameOf(docs, event.metadata.actor), confirmedAt: event.metadata.occurredAt },
        };
        return [...units, reorganization, putDraft({ changes: [], lastEffectiveDate: effectiveDate })];
      }
      default:
        return [];
    }
  },
});
