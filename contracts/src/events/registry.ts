import type { RecordedEvent } from '../ports/event-store.ts';
import { categoryOf, type StreamCategory } from '../streams/names.ts';
import type { CompanyEvent } from '../company/events.ts';
import type { PartnerAffiliationsCopied } from '../company/partner-count-events.ts';
import type { CompanyCopyUpdated, PartnerEvent } from '../partner/events.ts';
import type { SignInEvent, UserEvent } from '../user/events.ts';
import type { OrganizationEvent } from '../organization/events.ts';
import type { ProjectEvent, ProjectNumberEvent } from '../project/events.ts';
import type { EstimateEvent } from '../project/estimate-events.ts';
import type { OrderEvent } from '../project/order-events.ts';
import type { InvoiceNumberEvent, MonthlySalesEvent } from '../sales/events.ts';
import type { RingiEvent } from '../ringi/events.ts';
import type { CheckpointEvent, IdempotencyEvent, UniqueKeyEvent } from './bookkeeping.ts';
import type { LedgerAuditEvent } from '../audit/ledger.ts';
import type { ParkedEventEvent } from '../ops/parked-events.ts';
import type { DepositEvent } from '../finance/events.ts';
import type { AccountingPeriodEvent } from '../finance/period-events.ts';
import type { CustomerFinanceEvent } from '../finance/fee-tolerance-events.ts';

/**
 * Every event the system records, and the stream category each event type lives in. A subscriber
 * names the types it handles and gets them typed (`isEventOf`); the category check is what makes
 * that narrowing safe: a `CompanyRegistered` appended anywhere but a `company-*` stream is not a
 * company event, whatever its type says. A new event type must be added here, or nothing can
 * subscribe to it (the compiler lists what is missing).
 */
export type SssEvent =
  | CompanyEvent
  | PartnerAffiliationsCopied
  | PartnerEvent
  | CompanyCopyUpdated
  | UserEvent
  | SignInEvent
  | OrganizationEvent
  | ProjectEvent
  | ProjectNumberEvent
  | EstimateEvent
  | OrderEvent
  | MonthlySalesEvent
  | InvoiceNumberEvent
  | RingiEvent
  | UniqueKeyEvent
  | IdempotencyEvent
  | CheckpointEvent
  | LedgerAuditEvent
  | ParkedEventEvent
  | DepositEvent
  | AccountingPeriodEvent
  | CustomerFinanceEvent;

export type SssEventType = SssEvent['type'];

/** The event (type and data) of one or more event types. */
export type EventOfType<T extends SssEventType> = Extract<SssEvent, { type: T }>;

/** A recorded event whose type and data are those of one of the events in `E` (distributes over the union). */
export type Recorded<E extends { type: string; data: unknown }> = E extends unknown ? RecordedEvent<E['data']> & { readonly type: E['type'] } : never;

/** A recorded event of one of the types `T`, narrowed by `switch (event.type)`. */
export type RecordedOf<T extends SssEventType> = Recorded<EventOfType<T>>;

export const EVENT_CATEGORIES = {
  LedgerVerified: 'ledgeraudit',
  CompanyRegistered: 'company',
  CompanyEdited: 'company',
  AntiSocialCheckRecorded: 'company',
  CreditLimitChanged: 'company',
  CompanyAbolished: 'company',
  PartnerAffiliationsCopied: 'partnercopy',
  PartnerRegistered: 'partner',
  PartnerEdited: 'partner',
  PartnerAffiliationsSet: 'partner',
  PartnerRetired: 'partner',
  CompanyCopyUpdated: 'companycopy',
  UserRegistered: 'user',
  UserPasswordChanged: 'user',
  UserRolesChanged: 'user',
  UserOrgUnitChanged: 'user',
  UserDeactivated: 'user',
  UserReactivated: 'user',
  UserWorkflowLoginChanged: 'user',
  UserSignedIn: 'signin',
  SessionEnded: 'signin',
  OrgChangeStaged: 'organization',
  OrgChangeWithdrawn: 'organization',
  OrgDraftDiscarded: 'organization',
  OrgChangesConfirmed: 'organization',
  ProjectRegistered: 'project',
  ProjectBasicsEdited: 'project',
  ResourceAdded: 'project',
  ResourceEdited: 'project',
  ResourceRemoved: 'project',
  MonthlyEffortSet: 'project',
  EmployeeCostsRefreshed: 'project',
  BillingScheduleSet: 'project',
  ProjectApprovalRequested: 'project',
  ProjectApprovalGranted: 'project',
  ProjectApprovalRejected: 'project',
  ProjectApprovalSentBack: 'project',
  ProjectApprovalWithdrawn: 'project',
  ProjectStatusChanged: 'project',
  SalesActualProcessingStarted: 'project',
  SalesActualProcessingFinished: 'project',
  ProjectNumberAllocated: 'projectnumber',
  EstimateDrafted: 'estimate',
  EstimateDraftEdited: 'estimate',
  EstimateIssued: 'estimate',
  EstimateRevised: 'estimate',
  EstimateVersionApproved: 'estimate',
  OrderRegistered: 'order',
  OrderEdited: 'order',
  OrderConfirmed: 'order',
  SalesPlanDerived: 'order',
  OrderCancelled: 'order',
  MonthlyPlanSet: 'monthlysales',
  SalesActualRecorded: 'monthlysales',
  SalesCheckRequested: 'monthlysales',
  MonthClosedWithoutBilling: 'monthlysales',
  SalesCheckApproved: 'monthlysales',
  SalesCheckReturned: 'monthlysales',
  InvoiceIssued: 'monthlysales',
  PaymentRecorded: 'monthlysales',
  InvoiceNumberAllocated: 'invoicenumber',
  RingiRequested: 'ringi',
  RingiDraftFiled: 'ringi',
  RingiSubmitted: 'ringi',
  RingiWebhookReceived: 'ringi',
  RingiStatusConfirmed: 'ringi',
  RingiPolled: 'ringi',
  RingiOutcomeApplied: 'ringi',
  RingiAttemptFailed: 'ringi',
  RingiReminderSent: 'ringi',
  RingiStuck: 'ringi',
  RingiRetryRequested: 'ringi',
  UniqueKeyReserved: 'unique',
  UniqueKeyReleased: 'unique',
  IdempotencyKeyReserved: 'idempotency',
  IdempotentOutcomeRecorded: 'idempotency',
  IdempotencyKeyReleased: 'idempotency',
  ForwarderCheckpointMoved: 'checkpoint',
  RingiCheckpointMoved: 'checkpoint',
  SubscriberCheckpointMoved: 'checkpoint',
  SubscriberEventParked: 'parked',
  ParkedEventRetried: 'parked',
  ParkedEventSkipped: 'parked',
  DepositImported: 'deposit',
  DepositMatched: 'deposit',
  DepositRefunded: 'deposit',
  InvoiceDifferenceSettled: 'monthlysales',
  // Recorded in the voided owner's stream (company-…, user-…), not in a unique-… stream: its category
  // names the mechanism, and `isVoidedOwner` (write-side unique-key.ts) is the one reader.
  UniqueKeyOwnerVoided: 'unique',
  MonthClosed: 'accountingperiod',
  MonthReopened: 'accountingperiod',
  FeeToleranceSet: 'customerfinance',
  EmployeeProfileSet: 'user',
  SalesReportIssued: 'monthlysales',
} as const satisfies { readonly [T in SssEventType]: StreamCategory };

type Categories = typeof EVENT_CATEGORIES;

/** The event types recorded in streams of one category, e.g. `EventTypeIn<'company'>`. */
export type EventTypeIn<C extends StreamCategory> = { [T in SssEventType]: Categories[T] extends C ? T : never }[SssEventType];

const ALL_TYPES = Object.keys(EVENT_CATEGORIES) as SssEventType[];

/** Every event type of one stream category (a projection that follows a whole aggregate lists these). */
export const eventTypesIn = <C extends StreamCategory>(category: C): readonly EventTypeIn<C>[] =>
  ALL_TYPES.filter((type): type is EventTypeIn<C> => EVENT_CATEGORIES[type] === category);

const isKnownType = (type: string): type is SssEventType => Object.hasOwn(EVENT_CATEGORIES, type);

/** Whether a recorded event is one of `types`, recorded in the stream category its type belongs to. */
export function isEventOf<T extends SssEventType>(event: RecordedEvent, types: readonly T[]): event is RecordedOf<T> {
  return isKnownType(event.type) && (types as readonly string[]).includes(event.type) && categoryOf(event.streamName) === EVENT_CATEGORIES[event.type];
}

/** The same test as a reusable predicate (for `filter`, `find`, `ofType`). */
export const eventOf =
  <T extends SssEventType>(types: readonly T[]) =>
  (event: RecordedEvent): event is RecordedOf<T> =>
    isEventOf(event, types);
