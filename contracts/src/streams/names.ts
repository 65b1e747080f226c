/**
 * Stream names: the one home of the `<category>-<id>` convention (docs/architecture.md §Write side).
 * Every writer builds a stream name here and every reader that needs an aggregate id from a stream
 * name asks `idOf` here, so a category is spelled once in the whole code base.
 *
 * A category never contains '-'; the id after the first '-' may (UUIDs do not, but hashes and
 * composite ids are free to).
 */
export const STREAM_CATEGORIES = {
  company: 'company',
  partner: 'partner',
  user: 'user',
  signIn: 'signin',
  organization: 'organization',
  project: 'project',
  estimate: 'estimate',
  order: 'order',
  monthlySales: 'monthlysales',
  ringi: 'ringi',
  projectNumber: 'projectnumber',
  invoiceNumber: 'invoicenumber',
  companyCopy: 'companycopy',
  partnerCopy: 'partnercopy',
  unique: 'unique',
  idempotency: 'idempotency',
  checkpoint: 'checkpoint',
  ledgerAudit: 'ledgeraudit',
  parked: 'parked',
  deposit: 'deposit',
  accountingPeriod: 'accountingperiod',
  customerFinance: 'customerfinance',
  lease: 'lease',
} as const;

export type StreamCategory = (typeof STREAM_CATEGORIES)[keyof typeof STREAM_CATEGORIES];

const name = (category: StreamCategory) => (id: string) => `${category}-${id}`;

export const streams = {
  company: name('company'),
  partner: name('partner'),
  user: name('user'),
  signIn: name('signin'),
  /** The whole organization is one stream: reorganizations are decided against the full tree. */
  organization: 'organization-main',
  project: name('project'),
  /** An estimate stream shares its project's id: 見積番号 (<案件番号>-<版>) needs no counter. */
  estimate: name('estimate'),
  order: name('order'),
  /** One stream per project and month: `monthlysales-<projectId>_<YYYY-MM>`. */
  monthlySales: (projectId: string, month: string) => `monthlysales-${projectId}_${month}`,
  ringi: name('ringi'),
  projectNumber: (year: number | string) => `projectnumber-${year}`,
  invoiceNumber: 'invoicenumber-counter',
  companyCopy: name('companycopy'),
  partnerCopy: name('partnercopy'),
  unique: (scope: string, digest: string) => `unique-${scope}-${digest}`,
  idempotency: name('idempotency'),
  checkpoint: (subscriber: string) => `checkpoint-${subscriber}`,
  /** Outcomes of whole-store verifications (LedgerVerified), one stream for the whole system. */
  ledgerAudit: 'ledgeraudit-verifications',
  /** A subscriber's dead-letter list (contracts/src/ops/parked-events.ts); subscriber names may contain ':'. */
  parked: name('parked'),
  /** A bank deposit (入金消込, docs/finance.md): the id is a digest of its record, so a re-import finds it. */
  deposit: name('deposit'),
  /** 月次締め, one stream per month (`accountingperiod-<YYYY-MM>`, docs/finance.md §Month-end close). */
  accountingPeriod: name('accountingperiod'),
  /** 経理's settings of one customer (the 振込手数料 tolerance), `customerfinance-<companyId>`. */
  customerFinance: name('customerfinance'),
  /** A subscriber's lease on EventStoreDB: only the stream's metadata is written, never an event (esdb-lease-store.ts). */
  lease: name('lease'),
} as const;

/** The category of a stream name (the part before the first '-'). */
export const categoryOf = (streamName: string): string => {
  const dash = streamName.indexOf('-');
  return dash < 0 ? streamName : streamName.slice(0, dash);
};

/** The id part of a stream name, or null when the stream is not of that category. */
export const idOf = (category: StreamCategory, streamName: string): string | null =>
  streamName.startsWith(`${category}-`) ? streamName.slice(category.length + 1) : null;
