import type { EventTypeIn, RecordedOf } from '@sss/contracts/events/registry';
import type { Doc } from '@sss/contracts/ports/read-store';
import type { OrderView } from '@sss/contracts/project/views';
import type { DocChange, DocReader } from '../projector/projection.ts';
import { linkToProject, PROJECTS, type ProjectDoc } from './project-doc.ts';

/** 受注 / 受注一覧: one document per order, with the project's names as they were at registration. */

export const ORDERS = 'orders';

export type OrderDoc = Doc & OrderView & { customerCompanyId: string; supervisingOrgUnitId: string };

export async function orderDocChanges(event: RecordedOf<EventTypeIn<'order'>>, docs: DocReader): Promise<DocChange[]> {
  const e = event;
  const stamp = { revision: event.revision.toString(), updatedAt: event.metadata.occurredAt };
  const put = (doc: OrderDoc): DocChange => ({ op: 'put', collection: ORDERS, doc: { ...doc, ...stamp } });
  if (e.type === 'OrderRegistered') {
    const { orderId, projectId, projectNumber, ...terms } = e.data;
    const project = (await docs.get(PROJECTS, projectId)) as ProjectDoc | null;
    const doc: OrderDoc = {
      _id: orderId, id: orderId, revision: '', projectId, projectNumber, projectName: project?.name ?? '',
      customer: project?.customer ?? { id: '', name: '' }, customerCompanyId: project?.customerCompanyId ?? '',
      supervisingOrgUnit: project?.supervisingOrgUnit ?? { id: '', name: '' }, supervisingOrgUnitId: project?.supervisingOrgUnitId ?? '',
      contractType: project?.salesInfo.contractType ?? '準委任', serviceType: project?.salesInfo.serviceType ?? '', leader: project?.leader ?? { employeeId: '', name: '' },
      status: 'registered', ...terms, ringiNumber: null, approvedAt: null, salesPlan: [], differenceFromOrderAmount: null, updatedAt: '',
    };
    return [put(doc), ...(await linkToProject(docs, projectId, { orderId }))];
  }
  const doc = (await docs.get(ORDERS, e.data.orderId)) as OrderDoc | null;
  if (!doc) return [];
  switch (e.type) {
    case 'OrderEdited': {
      const { orderId: _o, changed: _c, ...terms } = e.data;
      return [put({ ...doc, ...terms })];
    }
    case 'OrderConfirmed':
      return [
        put({ ...doc, status: 'confirmed', ringiNumber: e.data.ringiNumber, approvedAt: e.data.approvedAt }),
        ...(await linkToProject(docs, doc.projectId, { orderRingiNumber: e.data.ringiNumber })),
      ];
    case 'SalesPlanDerived':
      return [put({ ...doc, salesPlan: e.data.months, differenceFromOrderAmount: e.data.differenceFromOrderAmount })];
    case 'OrderCancelled':
      return [put({ ...doc, status: 'cancelled' })];
  }
}
