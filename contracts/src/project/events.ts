import type { ApprovalKind, EffortMap } from './fields.ts';
import type { BillingSchedule, BillingScheduleLine, EditResource, ProjectBasics } from './schemas.ts';
import type { ProjectStatus } from './status.ts';

/**
 * Domain events of the Project stream (`project-<id>`). Schema version 1.
 * Optional body fields are stored filled in ('' / null), so a projection never guesses defaults.
 * Events that make the status history carry `by` / `at` themselves (not only in metadata): the
 * history is a business record shown to users and auditors, and the decider sets them from the command.
 */

/** A 月毎明細 row as recorded. `resourceNo` is allocated by the project, never reused within it. */
export type ProjectResource = Required<EditResource> & { resourceNo: number; effort: EffortMap };

export type RecordedBillingSchedule = Omit<Required<BillingSchedule>, 'lines'> & { lines: Required<BillingScheduleLine>[] };

export interface ApprovalDecisionData {
  projectId: string;
  ringiId: string;
  kind: ApprovalKind;
  /** Number the workflow product issued (e.g. 受注稟議番号); '' when none. */
  ringiNumber: string;
  comment: string;
  decidedBy: string;
  decidedAt: string;
}

export type ProjectEvent =
  | {
      type: 'ProjectRegistered';
      data: { projectId: string; projectNumber: string; status: 'proposing'; copiedFrom: { projectId: string; projectNumber: string } | null; by: string; at: string } & ProjectBasics;
    }
  | { type: 'ProjectBasicsEdited'; data: { projectId: string; changed: (keyof ProjectBasics)[] } & ProjectBasics }
  | { type: 'ResourceAdded'; data: { projectId: string; resource: ProjectResource } }
  | { type: 'ResourceEdited'; data: { projectId: string; resource: ProjectResource; changed: string[] } }
  | { type: 'ResourceRemoved'; data: { projectId: string; resourceNo: number; name: string } }
  /** Only the months that changed; "0" means the month was cleared. Values are canonical decimals ("0.5", not "0.50"). */
  | { type: 'MonthlyEffortSet'; data: { projectId: string; resourceNo: number; efforts: EffortMap } }
  | { type: 'EmployeeCostsRefreshed'; data: { projectId: string; changes: { resourceNo: number; classRank: string; previousCost: number; cost: number }[] } }
  | { type: 'BillingScheduleSet'; data: { projectId: string; schedule: RecordedBillingSchedule } }
  | {
      type: 'ProjectApprovalRequested';
      data: {
        projectId: string;
        ringiId: string;
        kind: ApprovalKind;
        requestedFrom: ProjectStatus;
        comment: string;
        estimateId: string | null;
        estimateVersion: number | null;
        by: string;
        at: string;
      };
    }
  | { type: 'ProjectApprovalGranted'; data: ApprovalDecisionData }
  | { type: 'ProjectApprovalRejected'; data: ApprovalDecisionData }
  | { type: 'ProjectApprovalSentBack'; data: ApprovalDecisionData }
  | { type: 'ProjectApprovalWithdrawn'; data: ApprovalDecisionData }
  /** One entry of the status history. `ringiId` is set when a 稟議 caused the change. */
  | { type: 'ProjectStatusChanged'; data: { projectId: string; from: ProjectStatus; to: ProjectStatus; reason: string; ringiId: string | null; by: string; at: string } }
  | { type: 'SalesActualProcessingStarted'; data: { projectId: string; month: string; ringiId: string | null } }
  | { type: 'SalesActualProcessingFinished'; data: { projectId: string; month: string; ringiId: string | null } };


/** Stream of the per-year number counter (`projectnumber-<year>`). */
export type ProjectNumberEvent = { type: 'ProjectNumberAllocated'; data: { year: number; serial: number; projectNumber: string; projectId: string } };
