import type { RingiEvent, RingiKind, RingiOutcome, RingiSubject } from '@sss/contracts/ringi/events';
import type { ApprovalStep, FormValues, WorkflowStatus } from '@sss/contracts/ports/workflow';
import { DomainError } from '@sss/contracts/http/problem';
import { streams } from '@sss/contracts/streams/names';
import type { Decider } from '../kernel/decider.ts';

/**
 * The 稟議 process manager's memory of one 稟議 (stream `ringi-<id>`). Its commands only record
 * what the manager saw or did; `decide` keeps that record free of repeats (a second draft, the same
 * webhook twice, an outcome applied twice), which is what makes every step safe to retry.
 */

type EventData<T extends RingiEvent['type']> = Extract<RingiEvent, { type: T }>['data'];

export type RingiCommand =
  | { type: 'StartRingi'; data: EventData<'RingiRequested'> }
  | { type: 'RecordDraft'; data: EventData<'RingiDraftFiled'> }
  | { type: 'RecordSubmitted'; data: EventData<'RingiSubmitted'> }
  | { type: 'RecordWebhook'; documentId: number; data: EventData<'RingiWebhookReceived'> }
  | { type: 'RecordConfirmed'; data: EventData<'RingiStatusConfirmed'> }
  | { type: 'RecordPoll'; data: EventData<'RingiPolled'> }
  | { type: 'RecordOutcome'; data: EventData<'RingiOutcomeApplied'> }
  | { type: 'RecordFailure'; data: EventData<'RingiAttemptFailed'> }
  | { type: 'RecordReminder'; data: EventData<'RingiReminderSent'> }
  | { type: 'MarkStuck'; data: EventData<'RingiStuck'> }
  | { type: 'RequestRetry'; data: EventData<'RingiRetryRequested'> };

export interface RingiState {
  readonly exists: boolean;
  readonly ringiId: string;
  readonly kind: RingiKind;
  readonly subject: RingiSubject | null;
  readonly requestedBy: string;
  readonly actAs: string;
  readonly routeId: number;
  readonly title: string;
  readonly values: FormValues;
  readonly requestedAt: string;
  readonly documentId: number | null;
  readonly documentNumber: string;
  readonly link: string;
  readonly submitted: boolean;
  /** Last status read from the workflow product itself (never from a webhook alone). */
  readonly confirmedStatus: WorkflowStatus | null;
  readonly approvals: readonly ApprovalStep[];
  readonly seenNotifications: readonly string[];
  /** A webhook arrived after the last confirmation: read the document now, not at the next poll. */
  readonly wakeRequested: boolean;
  readonly polls: number;
  readonly nextPollAt: string | null;
  /** Consecutive failures of the current step; reset by any progress. */
  readonly failures: number;
  readonly nextAttemptAt: string | null;
  readonly reminded: boolean;
  readonly stuck: string | null;
  /** A non-retryable failure: only a person can help, so the manager stops trying. */
  readonly halted: boolean;
  readonly outcome: RingiOutcome | null;
}

export const initialRingiState: RingiState = {
  exists: false,
  ringiId: '',
  kind: 'estimate',
  subject: null,
  requestedBy: '',
  actAs: '',
  routeId: 0,
  title: '',
  values: {},
  requestedAt: '',
  documentId: null,
  documentNumber: '',
  link: '',
  submitted: false,
  confirmedStatus: null,
  approvals: [],
  seenNotifications: [],
  wakeRequested: false,
  polls: 0,
  nextPollAt: null,
  failures: 0,
  nextAttemptAt: null,
  reminded: false,
  stuck: null,
  halted: false,
  outcome: null,
};

/** Approvals compared by what a person would see change (status, comment, who is due). */
const approvalsKey = (steps: readonly ApprovalStep[]) => JSON.stringify(steps.map((s) => [s.phase, s.approverId, s.status, s.comment, s.decidedAt, s.current]));

export const ringiDecider: Decider<RingiCommand, RingiEvent, RingiState> = {
  initialState: initialRingiState,

  decide(command, state) {
    if (command.type === 'StartRingi') return state.exists ? [] : [{ type: 'RingiRequested', data: command.data }];
    if (command.type === 'RequestRetry') {
      if (!state.exists) return new DomainError('not_found', '稟議が見つかりません。');
      if (state.outcome !== null) return DomainError.field('illegal_transition', 'status', 'この稟議は結果が反映済みのため、再試行できません。');
      return [{ type: 'RingiRetryRequested', data: command.data }];
    }
    // Nothing but the request may start a stream; after the outcome the record is closed.
    if (!state.exists || state.outcome !== null) return [];
    switch (command.type) {
      case 'RecordDraft':
        return state.documentId === null ? [{ type: 'RingiDraftFiled', data: command.data }] : [];
      case 'RecordSubmitted':
        return state.submitted ? [] : [{ type: 'RingiSubmitted', data: command.data }];
      case 'RecordWebhook':
        // Unknown documents and repeats are dropped: a webhook is a hint to look, never a fact.
        if (state.documentId !== command.documentId || state.seenNotifications.includes(command.data.notificationId)) return [];
        return [{ type: 'RingiWebhookReceived', data: command.data }];
      case 'RecordConfirmed': {
        const same = state.confirmedStatus === command.data.status && state.documentNumber === command.data.documentNumber && approvalsKey(state.approvals) === approvalsKey(command.data.approvals);
        return same && !state.wakeRequested ? [] : [{ type: 'RingiStatusConfirmed', data: command.data }];
      }
      case 'RecordPoll':
        return [{ type: 'RingiPolled', data: command.data }];
      case 'RecordOutcome':
        return [{ type: 'RingiOutcomeApplied', data: command.data }];
      case 'RecordFailure':
        return [{ type: 'RingiAttemptFailed', data: command.data }];
      case 'RecordReminder':
        return state.reminded ? [] : [{ type: 'RingiReminderSent', data: command.data }];
      case 'MarkStuck':
        return state.stuck === command.data.reason ? [] : [{ type: 'RingiStuck', data: command.data }];
      default:
        return [];
    }
  },

  evolve(state, event) {
    const progress = { failures: 0, nextAttemptAt: null, stuck: null, halted: false } as const;
    switch (event.type) {
      case 'RingiRequested': {
        const d = event.data;
        return { ...initialRingiState, exists: true, ringiId: d.ringiId, kind: d.kind, subject: d.subject, requestedBy: d.requestedBy, actAs: d.actAs, routeId: d.routeId, title: d.title, values: d.values, requestedAt: d.at };
      }
      case 'RingiDraftFiled':
        return { ...state, ...progress, documentId: event.data.documentId, link: event.data.link };
      case 'RingiSubmitted':
        return { ...state, ...progress, submitted: true, documentId: event.data.documentId, documentNumber: event.data.documentNumber, link: event.data.link, confirmedStatus: 'flow' };
      case 'RingiWebhookReceived':
        return { ...state, seenNotifications: [...state.seenNotifications, event.data.notificationId], wakeRequested: true };
      case 'RingiStatusConfirmed':
        return {
          ...state,
          ...progress,
          confirmedStatus: event.data.status,
          documentNumber: event.data.documentNumber || state.documentNumber,
          approvals: event.data.approvals,
          // A webhook that arrived while the document was being read may announce a later change.
          wakeRequested: state.seenNotifications.length > (event.data.basedOnWebhooks ?? state.seenNotifications.length),
          polls: 0,
        };
      case 'RingiPolled':
        return { ...state, ...progress, polls: event.data.polls, nextPollAt: event.data.nextPollAt };
      case 'RingiOutcomeApplied':
        return { ...state, ...progress, outcome: event.data.outcome, documentNumber: event.data.documentNumber || state.documentNumber, nextPollAt: null };
      case 'RingiAttemptFailed':
        return { ...state, failures: event.data.failures, nextAttemptAt: event.data.nextAttemptAt, halted: !event.data.retryable };
      case 'RingiReminderSent':
        return { ...state, reminded: true };
      case 'RingiStuck':
        return { ...state, stuck: event.data.reason };
      case 'RingiRetryRequested':
        return { ...state, ...progress, wakeRequested: true };
    }
  },
};

export const ringiStream = streams.ringi;
