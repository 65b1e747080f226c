import { eventTypesIn, isEventOf } from '@sss/contracts/events/registry';
import { defineProjection, type DocChange, type Projection } from '../projector/projection.ts';
import { COPIED_TYPES, copyChanges, PROJECT_COMPANIES, PROJECT_ORG_UNITS, PROJECT_PEOPLE } from './copies.ts';
import { SEARCH_KEY } from '../http/query-helpers.ts';
import { projectDocChanges, PROJECTS } from './project-doc.ts';
import { estimateDocChanges, ESTIMATES } from './estimate-doc.ts';
import { orderDocChanges, ORDERS } from './order-doc.ts';
import { followRenames } from './follow-renames.ts';
import { PROJECT_REFS } from './project-refs.ts';

/**
 * 案件一覧・案件詳細, 見積, 受注一覧 in one projection: the estimate and order documents carry the
 * project's names and the project carries their ids, so one projection keeps them consistent with
 * each other (one checkpoint) and read-your-writes needs to wait on one name only.
 */
const PROJECT_TYPES = eventTypesIn('project');
const ESTIMATE_TYPES = eventTypesIn('estimate');

export const projectProjection: Projection = defineProjection({
  name: 'projects',
  // 2: staff copies carry roles, active and the folded search key (the employee picker)
  version: 2,
  collections: {
    [PROJECTS]: [
      { keys: { projectNumber: 1 } },
      { keys: { name: 1 } },
      { keys: { startDate: 1 } },
      { keys: { updatedAt: 1 } },
      { keys: { status: 1, projectNumber: 1 } },
      { keys: { customerCompanyId: 1, projectNumber: 1 } },
      { keys: { supervisingOrgUnitId: 1, projectNumber: 1 } },
      { keys: { leaderEmployeeId: 1, projectNumber: 1 } },
    ],
    [ESTIMATES]: [{ keys: { projectId: 1 } }, { keys: { updatedAt: -1 } }],
    [ORDERS]: [{ keys: { orderDate: -1 } }, { keys: { projectNumber: 1 } }, { keys: { orderAmount: 1 } }, { keys: { status: 1, orderDate: -1 } }, { keys: { customerCompanyId: 1, orderDate: -1 } }],
    [PROJECT_COMPANIES]: [],
    [PROJECT_ORG_UNITS]: [],
    [PROJECT_PEOPLE]: [{ keys: { name: 1 } }, { keys: { [SEARCH_KEY]: 1 } }],
    [PROJECT_REFS]: [],
  },

  canHandle: [...COPIED_TYPES, ...PROJECT_TYPES, ...ESTIMATE_TYPES, ...eventTypesIn('order')],

  async project(event, docs): Promise<readonly DocChange[]> {
    if (isEventOf(event, COPIED_TYPES)) {
      const copies = await copyChanges(event, docs);
      const orgNames = new Map(copies.flatMap((c) => (c.op === 'put' && c.collection === PROJECT_ORG_UNITS ? [[c.doc._id, String(c.doc.name)] as const] : [])));
      return [...copies, ...(await followRenames(event, docs, orgNames))];
    }
    if (isEventOf(event, PROJECT_TYPES)) return projectDocChanges(event, docs);
    if (isEventOf(event, ESTIMATE_TYPES)) return estimateDocChanges(event, docs);
    return orderDocChanges(event, docs);
  },
});
