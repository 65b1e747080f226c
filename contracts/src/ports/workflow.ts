/**
 * The workflow port: how SSS files a 稟議 in the company's workflow product and learns what became
 * of it. Names are ours; the only adapter that knows the vendor's words is the CollaboFlow client
 * (`write-side/src/ringi/collaboflow-client.ts`).
 *
 * Every call acts as a person (`actAs` = that person's workflow login id): the workflow product
 * checks permissions per user, and a 稟議 must show the real applicant, not a service account.
 */

/** Lifecycle of a filed document. `remand` = sent back to the applicant; the rest as named. */
export type WorkflowStatus = 'draft' | 'flow' | 'decision' | 'reject' | 'remand' | 'takeback';

/**
 * Where one approver stands. `waiting` = it is their turn now; `scheduled` = a later phase;
 * `saved` = they saved without deciding; `confirm`/`unconfirm` = circulation (回覧) steps;
 * `deny` = a "no" on a voting (議決) step.
 */
export type ApproverStatus =
  | 'waiting'
  | 'scheduled'
  | 'accept'
  | 'reject'
  | 'remand'
  | 'skip'
  | 'saved'
  | 'confirm'
  | 'unconfirm'
  | 'deny';

/** A cell of a form: text, number/money, date as `yyyy-MM-dd`, time as `HH:mm`, option values. */
export type FormScalar = string | number;
/** One row of a form table (明細), keyed by part id. */
export type FormRow = Readonly<Record<string, FormScalar>>;
/** Form values keyed by part id; a table is keyed by its table title and holds rows. */
export type FormValues = Readonly<Record<string, FormScalar | readonly FormRow[]>>;

export interface FileToUpload {
  readonly fileName: string;
  readonly contentType: string;
  readonly data: Uint8Array;
}

/** A file already uploaded (see `uploadFile`) placed into an attachment part of the form. */
export interface AttachmentRef {
  readonly partId: string;
  readonly fileId: string;
}

export interface DraftRequest {
  /** Login id of the applicant. */
  readonly actAs: string;
  /** The approval route (経路) to file on: it fixes the form and the approvers. */
  readonly routeId: number;
  readonly title: string;
  readonly values: FormValues;
  readonly attachments?: readonly AttachmentRef[];
  /**
   * Our key for this filing (e.g. the Ringi aggregate id). Stored in the document so that a retry
   * after an ambiguous failure finds the draft it already created instead of filing twice.
   */
  readonly correlationKey: string;
  /** Applying department code; absent = the product picks the applicant's default. */
  readonly groupCode?: string;
}

export interface FiledDocument {
  readonly documentId: number;
  /** e.g. `RINGI2026-000123`. Empty while the document is a draft: numbers are issued on request. */
  readonly documentNumber: string;
  /** Where a person opens the document in the workflow product. */
  readonly link: string;
}

export interface DocumentSummary extends FiledDocument {
  readonly routeId: number;
  readonly title: string;
  readonly status: WorkflowStatus;
  /** The workflow product's code of the applicant (not the login id). */
  readonly applicantId: string;
  readonly applicantName: string;
  /** ISO-8601 UTC, or null while not requested. */
  readonly requestedAt: string | null;
  /** ISO-8601 UTC, or null while not final. */
  readonly endedAt: string | null;
}

export interface ApprovalStep {
  /** 1..n; phase 0 is the applicant. */
  readonly phase: number;
  readonly phaseTitle: string;
  /** The workflow product's code of the approver (not the login id). */
  readonly approverId: string;
  readonly approverName: string;
  readonly status: ApproverStatus;
  readonly comment: string;
  /** ISO-8601 UTC, or null while undecided. */
  readonly decidedAt: string | null;
  /** True when this phase is the one awaiting a decision now. */
  readonly current: boolean;
}

export interface PageRequest {
  readonly offset?: number;
  readonly limit?: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly offset: number;
  readonly limit: number;
  readonly total: number;
}

export interface DraftListItem {
  readonly documentId: number;
  readonly title: string;
  readonly modifiedAt: string;
}

export interface RequestListItem {
  readonly documentId: number;
  readonly documentNumber: string;
  readonly title: string;
  readonly status: WorkflowStatus;
  readonly requestedAt: string | null;
  readonly link: string;
}

/** What the workflow product did, in its notification's words mapped to ours. */
export type WorkflowAction = 'request' | 'accept' | 'reject' | 'remand' | 'takeback' | 'end' | 'other';

/**
 * A notification pushed by the workflow product (a route webhook). Unauthenticated and possibly
 * duplicated, dropped or out of order: deduplicate on `notificationId` and confirm with
 * `getSummary` before acting on it.
 */
export interface WorkflowNotification {
  readonly notificationId: string;
  readonly action: WorkflowAction;
  /** The document's status as the notification reports it. */
  readonly status: WorkflowStatus;
  readonly routeId: number;
  readonly documentId: number;
  readonly documentNumber: string;
  readonly title: string;
  /** Our correlation key when the document carries one, else null. */
  readonly correlationKey: string | null;
  readonly requestedAt: string | null;
  readonly endedAt: string | null;
}

export interface WorkflowPort {
  /** Save a draft: nothing is circulated yet, so a failed submission never leaves a half-filed 稟議. */
  createDraft(request: DraftRequest): Promise<FiledDocument>;
  /** Submit a saved draft into its route. Safe to repeat: a draft already submitted counts as done. */
  request(actAs: string, documentId: number): Promise<void>;
  /**
   * Draft then request, recovering from ambiguous failures so one call files exactly one document.
   * Calling it again with the same correlation key reuses a draft an earlier call left behind. Once
   * a document was requested it is no longer a draft: a caller that may crash between the two
   * steps records the document id from `createDraft` and then calls `request` itself.
   */
  submit(request: DraftRequest): Promise<FiledDocument>;
  /** The applicant withdraws (取り下げ) a document in flow or sent back. */
  withdraw(actAs: string, documentId: number, comment: string): Promise<void>;
  getSummary(actAs: string, documentId: number): Promise<DocumentSummary>;
  getApprovals(actAs: string, documentId: number): Promise<readonly ApprovalStep[]>;
  /** Returns the file id to use in an `AttachmentRef`. */
  uploadFile(actAs: string, file: FileToUpload): Promise<string>;
  listMyDrafts(actAs: string, page?: PageRequest): Promise<Page<DraftListItem>>;
  listMyRequests(actAs: string, page?: PageRequest): Promise<Page<RequestListItem>>;
  /** The caller's draft on this route carrying this correlation key, if any. */
  findDraftByCorrelationKey(actAs: string, routeId: number, correlationKey: string): Promise<DraftListItem | null>;
}

export type WorkflowErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'invalid'
  | 'unavailable'
  | 'timeout'
  | 'protocol';

/**
 * A failure talking to the workflow product. `retryable` says whether trying again later can help
 * (outage, timeout) or not (validation, permission); `vendorMessages` are the product's own words,
 * kept verbatim because they are what an operator can act on.
 */
export class WorkflowError extends Error {
  override readonly name = 'WorkflowError';
  readonly code: WorkflowErrorCode;
  readonly retryable: boolean;
  readonly httpStatus: number | null;
  readonly vendorMessages: readonly string[];

  constructor(
    code: WorkflowErrorCode,
    message: string,
    options: { retryable: boolean; httpStatus?: number | null; vendorMessages?: readonly string[]; cause?: unknown },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable;
    this.httpStatus = options.httpStatus ?? null;
    this.vendorMessages = options.vendorMessages ?? [];
  }
}
