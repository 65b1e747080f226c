import type { EventTypeIn, RecordedOf } from '@sss/contracts/events/registry';
import type { Doc } from '@sss/contracts/ports/read-store';
import { approvedVersionLabel, type RecordedEstimateContent } from '@sss/contracts/project/estimate-events';
import { estimateAmounts } from '@sss/contracts/project/estimate-amounts';
import type { EstimateView } from '@sss/contracts/project/views';
import type { DocChange, DocReader } from '../projector/projection.ts';
import { linkToProject, PROJECTS } from './project-doc.ts';

/** 見積: one document per estimate, every version with its amounts (newest first). */

export const ESTIMATES = 'estimates';

export type EstimateDoc = Doc & EstimateView & { latestVersion: number; total: number };
type VersionView = EstimateView['versions'][number];

function versionOf(version: number, content: RecordedEstimateContent, revisionReason: string): VersionView {
  const amounts = estimateAmounts(content.lines);
  return {
    version, status: 'draft', estimateNumber: null, issuedOn: null, revisionReason, approval: null,
    subject: content.subject, addressee: content.addressee, periodStart: content.periodStart, periodEnd: content.periodEnd,
    deliveryPlace: content.deliveryPlace, paymentTerms: content.paymentTerms, validUntil: content.validUntil, conditions: content.conditions,
    lines: content.lines.map((l, i) => ({ ...l, amount: amounts.lines[i]!.amount })),
    byRate: amounts.byRate, subtotal: amounts.subtotal, tax: amounts.tax, total: amounts.total,
  };
}

export async function estimateDocChanges(event: RecordedOf<EventTypeIn<'estimate'>>, docs: DocReader): Promise<DocChange[]> {
  const e = event;
  const stamp = { revision: event.revision.toString(), updatedAt: event.metadata.occurredAt };
  const put = (doc: EstimateDoc): DocChange => {
    const latest = doc.versions[0]!;
    return { op: 'put', collection: ESTIMATES, doc: { ...doc, ...stamp, latestVersion: latest.version, total: latest.total } };
  };
  if (e.type === 'EstimateDrafted') {
    const d = e.data;
    const project = await docs.get(PROJECTS, d.projectId);
    const doc: EstimateDoc = {
      _id: d.estimateId, id: d.estimateId, revision: '', projectId: d.projectId, projectNumber: d.projectNumber, projectName: (project?.name as string | undefined) ?? '',
      versions: [versionOf(d.version, d.content, '')], updatedAt: '', latestVersion: d.version, total: 0,
    };
    return [put(doc), ...(await linkToProject(docs, d.projectId, { estimateId: d.estimateId }))];
  }
  const doc = (await docs.get(ESTIMATES, e.data.estimateId)) as EstimateDoc | null;
  if (!doc) return [];
  switch (e.type) {
    case 'EstimateDraftEdited':
      return [put({ ...doc, versions: doc.versions.map((v) => (v.version === e.data.version ? versionOf(v.version, e.data.content, v.revisionReason) : v)) })];
    case 'EstimateIssued': {
      const d = e.data;
      // The amounts frozen at issue are what the customer holds.
      const issue = (v: VersionView): VersionView => ({ ...v, status: 'issued', estimateNumber: d.estimateNumber, issuedOn: d.issuedOn, subtotal: d.subtotal, tax: d.tax, total: d.total });
      return [put({ ...doc, versions: doc.versions.map((v) => (v.version === d.version ? issue(v) : v)) })];
    }
    case 'EstimateVersionApproved': {
      const d = e.data;
      const approval = { ringiId: d.ringiId, ringiNumber: d.ringiNumber, label: approvedVersionLabel(d.version, d) };
      return [put({ ...doc, versions: doc.versions.map((v) => (v.version === d.version ? { ...v, approval } : v)) })];
    }
    case 'EstimateRevised':
      return [put({ ...doc, versions: [versionOf(e.data.version, e.data.content, e.data.reason), ...doc.versions] })];
  }
}
