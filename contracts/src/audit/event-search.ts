import { Type, type Static } from 'typebox';
import { PageQuery } from '../common.ts';
import { STREAM_CATEGORIES } from '../streams/names.ts';

/**
 * The 監査 event search (docs/audit.md): every recorded event by period, actor, entity and type, and
 * by free text in its names, numbers and data values; newest first, paged with a true total.
 */

/** `2026-03-31`, `2026-03-31T23:59` (Japanese time) or an ISO instant with its offset. */
const MOMENT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})?)?$';
const Moment = (title: string) => Type.String({ title, maxLength: 29, pattern: MOMENT_PATTERN, description: 'YYYY-MM-DD, YYYY-MM-DDTHH:mm (Asia/Tokyo) or an ISO date-time with offset' });

export const AUDIT_CATEGORIES = Object.values(STREAM_CATEGORIES);

export const AuditEventSearch = {
  from: Type.Optional(Moment('期間（から）')),
  to: Type.Optional(Moment('期間（まで）')),
  actor: Type.Optional(Type.String({ title: '操作者', maxLength: 100 })),
  category: Type.Optional(Type.Union(AUDIT_CATEGORIES.map((c) => Type.Literal(c)), { title: '対象の種類' })),
  entityId: Type.Optional(Type.String({ title: '対象ID', maxLength: 200 })),
  type: Type.Optional(Type.String({ title: 'イベント種別', maxLength: 80, pattern: '^[A-Za-z0-9]*$' })),
  q: Type.Optional(Type.String({ title: 'キーワード', maxLength: 100 })),
  /** The log as it stood then: an event position, or an ISO date-time with offset (the UI's as-of moment). */
  asOf: Type.Optional(Type.String({ title: '時点', maxLength: 35, pattern: '^(\\d{1,20}|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))$' })),
};
export const AuditEventQuery = Type.Object({ ...AuditEventSearch, ...PageQuery }, { additionalProperties: false });
export type AuditEventQuery = Static<typeof AuditEventQuery>;
export const AuditEventExportQuery = Type.Object(AuditEventSearch, { additionalProperties: false });

export const AuditEventRow = Type.Object({
  position: Type.String(),
  occurredAt: Type.String(),
  actor: Type.String(),
  actorName: Type.String(),
  streamName: Type.String(),
  category: Type.String(),
  entityId: Type.String(),
  /** The entity in words (案件番号 and 案件名, 会社名, …) as it is now; its id when no read model knows it. */
  entityLabel: Type.String(),
  revision: Type.String(),
  type: Type.String(),
  data: Type.Unknown(),
});
export type AuditEventRow = Static<typeof AuditEventRow>;
export const AuditEventPage = Type.Object({ items: Type.Array(AuditEventRow), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
