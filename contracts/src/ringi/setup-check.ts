import { Type, type Static } from 'typebox';

/**
 * The CollaboFlow setup check as the admin screen sees it (issue #18 item 2): one row per thing
 * checked — the connection, each 稟議 type's route and form parts, the users' CollaboFlow logins —
 * each with a Japanese message and what to fix, plus the webhook settings the API cannot read.
 */

export const SetupCheckRow = Type.Object({
  /** Stable id: `connection`, `kind:<RingiKind>`, `user-logins`. */
  id: Type.String(),
  name: Type.String(),
  ok: Type.Boolean(),
  message: Type.String(),
  /** What to change (in CollaboFlow or in SSS) for the row to pass; empty when it passes. */
  fixes: Type.Array(Type.String()),
});
export type SetupCheckRow = Static<typeof SetupCheckRow>;

export const UnmappedUser = Type.Object({ id: Type.String(), name: Type.String(), email: Type.String(), roles: Type.Array(Type.String()) });
export type UnmappedUser = Static<typeof UnmappedUser>;

export const CollaboflowCheck = Type.Object({
  /** False when no admin login is configured: the tenant cannot be read, nothing was checked. */
  configured: Type.Boolean(),
  ok: Type.Boolean(),
  checkedAt: Type.String(),
  checks: Type.Array(SetupCheckRow),
  /** Active users who may file or approve 稟議 but have no CollaboFlow login set. */
  unmappedUsers: Type.Array(UnmappedUser),
  webhookSettings: Type.Array(Type.String()),
});
export type CollaboflowCheck = Static<typeof CollaboflowCheck>;

export const CollaboflowCheckQuery = Type.Object(
  { recheck: Type.Optional(Type.Boolean({ title: '再チェック（キャッシュを使わない）' })) },
  { additionalProperties: false },
);
