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

export const HistoryEntry = Type.Object({
  revision: Type.String(),
  type: Type.String(),
  occurredAt: Type.String(),
  actor: Type.String(),
  actorName: Type.String(),
  data: Type.Unknown(),
  hash: Type.String(),
});
export const History = Type.Object({ streamName: Type.String(), chainValid: Type.Boolean(), brokenAt: Type.Optional(Type.String()), events: Type.Array(HistoryEntry) });
export type History = Static<typeof History>;
