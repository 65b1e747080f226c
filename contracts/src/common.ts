import { Type, type Static, type TSchema } from 'typebox';
import { TEXT_KEYWORD } from './http/text-keyword.ts';

/** Building blocks shared by every context's schemas. Titles are the Japanese labels people see. */

/** A real calendar day (`format: date` is checked with `isCalendarDate` at the edge): 2026-02-30 is refused. */
export const DateString = (title: string) => Type.String({ title, format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10, description: 'YYYY-MM-DD' });
export const OptionalDate = (title: string) => Type.Union([DateString(title), Type.Null()], { title });
export const Text = (title: string, maxLength: number, minLength = 0) => Type.String({ title, maxLength, minLength });
/** Text a person writes in a textarea: newlines and tabs allowed (`contracts/src/domain/text-policy.ts`). */
export const MultilineText = (title: string, maxLength: number, minLength = 0) => Type.String({ title, maxLength, minLength, [TEXT_KEYWORD]: 'multiline' });
export const Yen = (title: string) => Type.Integer({ title, minimum: 0, maximum: 999_999_999_999 });

/** What every command answers: the aggregate, its new revision and the read-your-writes position. */
export const CommandAccepted = Type.Object({
  id: Type.String(),
  revision: Type.String({ description: 'Stream revision after the command; send it back in If-Match.' }),
  position: Type.String({ description: 'Global position of the last event; pass it as X-SSS-Min-Position.' }),
});
export type CommandAccepted = Static<typeof CommandAccepted>;

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1, title: 'ページ' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20, title: '件数' })),
};

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });

/** Text in both languages the UI offers; the server words it once so every screen says the same. */
export const Words = Type.Object({ ja: Type.String(), en: Type.String() });
export type Words = Static<typeof Words>;

/** The kinds of record a history field can point at (`write-side/src/history/references.ts`). */
export const HistoryRefKind = Type.Union([
  Type.Literal('company'), Type.Literal('orgUnit'), Type.Literal('user'), Type.Literal('partner'), Type.Literal('project'),
  Type.Literal('estimate'), Type.Literal('order'), Type.Literal('ringi'), Type.Literal('deposit'),
]);
export type HistoryRefKind = Static<typeof HistoryRefKind>;

/**
 * A record a field points at, named as it is now: the UI links to it and shows the id only as a
 * secondary detail. `projectId` is the project an order belongs to (its screen is the project's).
 */
export const HistoryRef = Type.Object({ kind: HistoryRefKind, id: Type.String(), name: Words, projectId: Type.Optional(Type.String()) });
export type HistoryRef = Static<typeof HistoryRef>;

/** A field's before → after in words: `before`/`after` in Japanese, `beforeEn`/`afterEn` in English (codes such as statuses differ by language). */
export const HistoryChange = Type.Object({
  field: Type.String(),
  label: Words,
  before: Type.Union([Type.String(), Type.Null()]),
  after: Type.Union([Type.String(), Type.Null()]),
  beforeEn: Type.Union([Type.String(), Type.Null()]),
  afterEn: Type.Union([Type.String(), Type.Null()]),
  /** The records a reference field pointed at before and after (its values above are their names). */
  beforeRefs: Type.Optional(Type.Array(HistoryRef)),
  afterRefs: Type.Optional(Type.Array(HistoryRef)),
});
export type HistoryChange = Static<typeof HistoryChange>;

/** Another record an event is tied to: the 稟議 that caused it, or an event of the same correlation. */
export const HistoryLink = Type.Object({
  kind: Type.Union([Type.Literal('ringi'), Type.Literal('event')]),
  /** The 稟議 id (kind ringi) or the stream name (kind event). */
  id: Type.String(),
  revision: Type.Optional(Type.String()),
  label: Words,
});
export type HistoryLink = Static<typeof HistoryLink>;

/**
 * How far an event is proven untouched: `verified` — its stream chain verifies and the last
 * whole-store verification covered it up to a signed checkpoint; `broken` — a chain breaks at or
 * before it; `unanchored` — its stream chain verifies but no signed checkpoint covers it yet.
 */
export const HistoryVerification = Type.Object({
  state: Type.Union([Type.Literal('verified'), Type.Literal('broken'), Type.Literal('unanchored')]),
  detail: Words,
});
export type HistoryVerification = Static<typeof HistoryVerification>;

export const HistoryEntry = Type.Object({
  position: Type.String(),
  revision: Type.String(),
  type: Type.String(),
  typeLabel: Words,
  occurredAt: Type.String(),
  actor: Type.String(),
  /** The actor in words: a user's name, or what a system component does (e.g. 稟議連携). */
  actorName: Type.String(),
  actorNameEn: Type.String(),
  /** The event in words, e.g. 「受注金額を 1,000,000円 → 1,100,000円 に変更」. */
  summary: Words,
  /** Field-level before → after, from folding the aggregate's state before and after the event. */
  changes: Type.Array(HistoryChange),
  reason: Type.Union([Type.String(), Type.Null()]),
  correlationId: Type.String(),
  causationId: Type.Union([Type.String(), Type.Null()]),
  links: Type.Array(HistoryLink),
  verification: HistoryVerification,
  data: Type.Unknown(),
  hash: Type.String(),
});
export type HistoryEntry = Static<typeof HistoryEntry>;

export const History = Type.Object({
  streamName: Type.String(),
  chainValid: Type.Boolean(),
  brokenAt: Type.Optional(Type.String()),
  /**
   * Set when the store records more events for the stream than can be read: its last event(s)
   * were deleted. The per-stream chain cannot show that; the stream's recorded end can.
   */
  missingFrom: Type.Optional(Type.String()),
  events: Type.Array(HistoryEntry),
});
export type History = Static<typeof History>;
