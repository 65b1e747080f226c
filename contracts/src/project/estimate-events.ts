import type { EstimateContent, EstimateLine } from './estimate-schemas.ts';

/** Domain events of the Estimate stream (`estimate-<id>`). Schema version 1. */

export type RecordedEstimateContent = Required<Omit<EstimateContent, 'lines'>> & { lines: EstimateLine[] };

export type EstimateEvent =
  | { type: 'EstimateDrafted'; data: { estimateId: string; projectId: string; projectNumber: string; version: number; content: RecordedEstimateContent } }
  | { type: 'EstimateDraftEdited'; data: { estimateId: string; version: number; content: RecordedEstimateContent } }
  /** Amounts are frozen at issue: the 見積書 the customer holds never changes if rules change later. */
  | {
      type: 'EstimateIssued';
      data: { estimateId: string; projectId: string; version: number; estimateNumber: string; issuedOn: string; subtotal: number; tax: number; total: number; by: string };
    }
  | { type: 'EstimateRevised'; data: { estimateId: string; version: number; basedOnVersion: number; reason: string; content: RecordedEstimateContent } };

