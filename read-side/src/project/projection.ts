import type { RecordedEvent } from '@sss/contracts/ports/event-store';
import type { DocChange, DocReader, Projection } from '../projector/projection.ts';
import { copyChanges, PROJECT_COMPANIES, PROJECT_ORG_UNITS, PROJECT_PEOPLE } from './copies.ts';
import { projectDocChanges, PROJECTS } from './project-doc.ts';
import { estimateDocChanges, ESTIMATES } from './estimate-doc.ts';
import { orderDocChanges, ORDERS } from './order-doc.ts';
import { followRenames, PROJECT_REFS } from './follow-renames.ts';

/**
 * 案件一覧・案件詳細, 見積, 受注一覧 in one projection: the estimate and order documents carry the
 * project's names and the project carries their ids, so one projection keeps them consistent with
 * each other (one checkpoint) and read-your-writes needs to wait on one name only.
 */
export const projectProjection: Projection = {
  name: 'projects',
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
    [PROJECT_PEOPLE]: [{ keys: { name: 1 } }],
    [PROJECT_REFS]: [],
  },

  async project(event: RecordedEvent, docs: DocReader): Promise<readonly DocChange[]> {
    const copies = await copyChanges(event, docs);
    if (copies) {
      const orgNames = new Map(copies.flatMap((c) => (c.op === 'put' && c.collection === PROJECT_ORG_UNITS ? [[c.doc._id, String(c.doc.name)] as const] : [])));
      return [...copies, ...(await followRenames(event, docs, orgNames))];
    }
    if (event.streamName.startsWith('project-')) return projectDocChanges(event, docs);
    if (event.streamName.startsWith('estimate-')) return estimateDocChanges(event, docs);
    if (event.streamName.startsWith('order-')) return orderDocChanges(event, docs);
    return [];
  },
};
