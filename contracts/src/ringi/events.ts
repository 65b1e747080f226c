import type { ApprovalStep, FormValues, WorkflowStatus } from '../ports/workflow.ts';

/**
 * The 稟議 process manager's own stream, `ringi-<ringiId>`: its inbox (what was asked of it, what
 * CollaboFlow told it) and its outbox (what it did about it). Everything a restart needs is here —
 * the filed document, the due times of its timers — so a new process picks up where the old one
 * stopped. Schema version 1.
 */

export const RINGI_KINDS = ['proposal', 'estimate', 'order', 'early_start', 'sales_check'] as const;
export type RingiKind = (typeof RINGI_KINDS)[number];
export const RINGI_KIND_LABELS: Readonly<Record<RingiKind, string>> = {
  proposal: '提案稟議',
  estimate: '見積稟議',
  order: '受注稟議',
  early_start: '先行着手稟議',
  sales_check: '売上実績・請求チェック',
};

export const RINGI_OUTCOMES = ['approved', 'rejected', 'sent_back', 'withdrawn'] as const;
export type RingiOutcome = (typeof RINGI_OUTCOMES)[number];

/** What the 稟議 is about: a project (4 kinds) or one project month (売上実績・請求チェック). */
export interface RingiSubject {
  readonly projectId: string;
  readonly projectNumber: string;
  readonly projectName: string;
  /** `YYYY-MM` for sales_check, else null. */
  readonly month: string | null;
}

/** Where the 稟議 stands, derived from its stream (the read model shows the same words). */
export const RINGI_STATUSES = ['filing', 'in_flow', 'approved', 'rejected', 'sent_back', 'withdrawn'] as const;
export type RingiStatus = (typeof RINGI_STATUSES)[number];
export const RINGI_STATUS_LABELS: Readonly<Record<RingiStatus, string>> = {
  filing: '起票中',
  in_flow: '承認待ち',
  approved: '決裁',
  rejected: '却下',
  sent_back: '差し戻し',
  withdrawn: '取り下げ',
};

export type RingiEvent =
  | {
      type: 'RingiRequested';
      data: {
        ringiId: string;
        kind: RingiKind;
        subject: RingiSubject;
        /** SSS user id of the applicant, and the workflow login that files as them. */
        requestedBy: string;
        actAs: string;
        routeId: number;
        title: string;
        /** The form as filed: built once, so every retry files the same content. */
        values: FormValues;
        comment: string;
        /** The business event this 稟議 answers (ProjectApprovalRequested / SalesCheckRequested). */
        sourceStream: string;
        sourceEventId: string;
        at: string;
      };
    }
  | { type: 'RingiDraftFiled'; data: { ringiId: string; documentId: number; link: string; at: string } }
  | { type: 'RingiSubmitted'; data: { ringiId: string; documentId: number; documentNumber: string; link: string; at: string } }
  | { type: 'RingiWebhookReceived'; data: { ringiId: string; notificationId: string; action: string; reportedStatus: WorkflowStatus; at: string } }
  | {
      type: 'RingiStatusConfirmed';
      /** `basedOnWebhooks`: how many notifications had arrived when the read began; later ones still call for a look. */
      data: { ringiId: string; status: WorkflowStatus; documentNumber: string; approvals: readonly ApprovalStep[]; basedOnWebhooks: number; at: string };
    }
  | { type: 'RingiPolled'; data: { ringiId: string; polls: number; nextPollAt: string; at: string } }
  | {
      type: 'RingiOutcomeApplied';
      data: { ringiId: string; outcome: RingiOutcome; documentNumber: string; decidedBy: string; comment: string; decidedAt: string; at: string };
    }
  | {
      type: 'RingiAttemptFailed';
      data: { ringiId: string; step: 'draft' | 'submit' | 'confirm' | 'apply'; message: string; retryable: boolean; failures: number; nextAttemptAt: string | null; at: string };
    }
  | { type: 'RingiReminderSent'; data: { ringiId: string; waitingFor: readonly string[]; at: string } }
  | { type: 'RingiStuck'; data: { ringiId: string; reason: string; at: string } }
  /** A person (営業管理・管理者) asked to try again after fixing what stopped it (e.g. a CollaboFlow account). */
  | { type: 'RingiRetryRequested'; data: { ringiId: string; by: string; at: string } };

