import type { EstimateContent, EstimateLine } from './estimate-schemas.ts';

/** Domain events of the Estimate stream (`estimate-<id>`). Schema version 1; fields added later are optional. */

/** The 見積稟議 that approved a version: a version is issued only with one (docs/domain.md §見積 and 受注). */
export interface EstimateApproval {
  readonly ringiId: string;
  /** CollaboFlow's document number; empty when the outcome was recorded without one. */
  readonly ringiNumber: string;
}

/** How documents and screens name an approved version: 「第2版（稟議 R-0042 承認済）」. */
export function approvedVersionLabel(version: number, approval: EstimateApproval): string {
  return `第${version}版（${approval.ringiNumber ? `稟議 ${approval.ringiNumber}` : '見積稟議'} 承認済）`;
}

export type RecordedEstimateContent = Required<Omit<EstimateContent, 'lines'>> & { lines: EstimateLine[] };

export type EstimateEvent =
  | { type: 'EstimateDrafted'; data: { estimateId: string; projectId: string; projectNumber: string; version: number; content: RecordedEstimateContent } }
  | { type: 'EstimateDraftEdited'; data: { estimateId: string; version: number; content: RecordedEstimateContent } }
  /** Amounts are frozen at issue: the 見積書 the customer holds never changes if rules change later. */
  | {
      type: 'EstimateIssued';
      /** `approval`: the 見積稟議 that approved this version; absent on versions issued before issue required one. */
      data: { estimateId: string; projectId: string; version: number; estimateNumber: string; issuedOn: string; subtotal: number; tax: number; total: number; by: string; approval?: EstimateApproval };
    }
  /** A 見積稟議 approved this version: from now on it is locked, an edit makes the next version. */
  | { type: 'EstimateVersionApproved'; data: { estimateId: string; version: number; approvedAt: string } & EstimateApproval }
  | { type: 'EstimateRevised'; data: { estimateId: string; version: number; basedOnVersion: number; reason: string; content: RecordedEstimateContent } };

