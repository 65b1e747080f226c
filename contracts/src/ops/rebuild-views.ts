import { Type, type Static } from 'typebox';

/**
 * Projection versions and blue/green rebuilds (docs/rebuilds.md): what `GET /api/admin/rebuilds`
 * answers and what `POST /api/admin/rebuilds` takes. Positions are decimal strings (bigint on the wire).
 */

const REBUILD_STATES = ['running', 'switching', 'failed'] as const;

export const RebuildProgressView = Type.Object({
  version: Type.Integer(),
  /** Suffix of its physical collections (`companies@v2`). */
  tag: Type.String(),
  state: Type.Enum(REBUILD_STATES),
  startedAt: Type.String(),
  position: Type.String(),
  head: Type.String(),
  eventsDone: Type.Integer(),
  /** Estimated from the positions seen so far (exact on the embedded event store, whose positions count events). */
  eventsTotal: Type.Integer(),
  eventsPerSecond: Type.Number(),
  etaSeconds: Type.Union([Type.Number(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
});
export type RebuildProgressView = Static<typeof RebuildProgressView>;

const FinishedRebuildView = Type.Object({
  version: Type.Integer(),
  tag: Type.String(),
  finishedAt: Type.String(),
  seconds: Type.Number(),
  events: Type.Integer(),
});

export const ProjectionVersionView = Type.Object({
  name: Type.String(),
  /** The version serving queries now. */
  version: Type.Integer(),
  /** The version the running code declares; a difference is being rebuilt. */
  declared: Type.Integer(),
  collections: Type.Array(Type.String()),
  rebuild: Type.Union([RebuildProgressView, Type.Null()]),
  lastRebuild: Type.Union([FinishedRebuildView, Type.Null()]),
});
export type ProjectionVersionView = Static<typeof ProjectionVersionView>;

export const RebuildsView = Type.Object({ projections: Type.Array(ProjectionVersionView) });
export type RebuildsView = Static<typeof RebuildsView>;

/** `all`, or one projection's name. */
export const StartRebuildBody = Type.Object(
  { projection: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z][a-z0-9_-]*$', title: 'プロジェクション' }) },
  { additionalProperties: false },
);
export type StartRebuildBody = Static<typeof StartRebuildBody>;
