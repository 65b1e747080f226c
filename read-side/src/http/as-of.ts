import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type TObject, type TProperties } from 'typebox';
import type { AsOfView, Moment, ReadStore } from '@sss/contracts/ports/read-store';
import { isCalendarDate, todayInJapan } from '@sss/contracts/domain/dates';
import { DomainError } from '@sss/contracts/http/problem';
import type { ReadModels } from '../projector/runtime.ts';

/**
 * `asOf` on every GET route of the read side (docs/as-of.md): an event position (digits) or an ISO
 * 8601 date-time with offset. The route then answers what it would have answered at that moment,
 * from the store's versions, and says which moment in the `sss-as-of` (date-time) and
 * `sss-as-of-position` headers. Routes take their store per request (`storeFor`), so their queries
 * stay the same; the parameter is declared here once for all of them (`declareAsOf`).
 */

export const AS_OF_HEADERS = { time: 'sss-as-of', position: 'sss-as-of-position' } as const;

const MOMENT = '\\d{1,20}|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const AS_OF_HINT = 'イベントの position（数字）または 2026-03-31T23:59:00+09:00 の形式の日時';

export const AsOfParam = Type.String({ maxLength: 40, pattern: `^(${MOMENT})$`, title: '時点', description: AS_OF_HINT });
/** Routes whose `asOf` already was a 基準日 (YYYY-MM-DD) keep that meaning and take a moment too. */
const AsOfOrDateParam = Type.String({ maxLength: 40, pattern: `^(\\d{4}-\\d{2}-\\d{2}|${MOMENT})$`, title: '時点', description: `${AS_OF_HINT}、または基準日（YYYY-MM-DD）` });

const views = new WeakMap<FastifyRequest, AsOfView>();

const rawAsOf = (request: FastifyRequest): string | undefined => {
  const value = (request.query as Record<string, unknown> | undefined)?.asOf;
  return typeof value === 'string' ? value : undefined;
};

/** The store a request reads: the live one, or the one as of the moment it asked for. */
export function storeFor(readModels: ReadModels, request: FastifyRequest): ReadStore {
  return views.get(request)?.store ?? readModels.store;
}

/**
 * The business date a route works with (`today` for aging, active flags, the org tree): a 基準日
 * given as `asOf`, else the date in Japan of the moment asked for, else today.
 */
export function businessDateOf(request: FastifyRequest, clock: () => Date): string {
  const raw = rawAsOf(request);
  if (raw !== undefined && DATE_ONLY.test(raw)) return raw;
  const time = views.get(request)?.time;
  return todayInJapan(time ? new Date(time) : clock());
}

const invalid = (message: string) => DomainError.field('validation_failed', 'querystring.asOf', message);

function momentOf(raw: string): Moment {
  if (/^\d+$/.test(raw)) return { position: BigInt(raw) };
  const time = new Date(raw);
  if (Number.isNaN(time.getTime()) || !isCalendarDate(raw.slice(0, 10))) throw invalid(`時点（asOf）の日時 ${raw} は実在しません。`);
  return { time: time.toISOString() };
}

/** Declare `asOf` on every GET route registered after this, and answer it before each handler. */
export function declareAsOf(app: FastifyInstance, readModels: ReadModels): void {
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (!methods.includes('GET') && !methods.includes('HEAD')) return;
    const schema = (route.schema ??= {});
    const query = schema.querystring as TObject | undefined;
    const properties: TProperties = query?.properties ?? {};
    schema.querystring = Type.Object({ ...properties, asOf: Type.Optional('asOf' in properties ? AsOfOrDateParam : AsOfParam) }, { additionalProperties: false });
  });

  app.addHook('preHandler', async (request, reply) => {
    const raw = rawAsOf(request);
    if (raw === undefined) return;
    if (DATE_ONLY.test(raw)) {
      if (!isCalendarDate(raw)) throw invalid(`時点（asOf）の基準日 ${raw} は実在しません。`);
      return;
    }
    const view = await readModels.store.asOf(momentOf(raw));
    if (view.position < view.historyFrom) {
      throw DomainError.field(
        'not_found',
        'querystring.asOf',
        `position ${view.historyFrom} より前の時点は表示できません（この画面用データの履歴はそこから記録されています）。全期間を表示するには画面用データを再構築してください。`,
      );
    }
    views.set(request, view);
    if (view.time) reply.header(AS_OF_HEADERS.time, view.time);
    reply.header(AS_OF_HEADERS.position, view.position.toString());
  });
}
