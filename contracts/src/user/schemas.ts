import { Type, type Static } from 'typebox';
import { ROLES } from '../http/auth.ts';
import { Text } from '../common.ts';

/** ユーザー管理: the bodies of the admin commands and the user list/detail view. */

const Role = Type.Union(ROLES.map((r) => Type.Literal(r)), { title: 'ロール' });
const Password = (title: string) => Type.String({ title, minLength: 1, maxLength: 200 });

export const ChangeUserRoles = Type.Object({ roles: Type.Array(Role, { title: 'ロール', minItems: 1, maxItems: 6, uniqueItems: true }) }, { additionalProperties: false });
export const ChangeUserOrgUnit = Type.Object(
  { orgUnitId: Type.Union([Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }), Type.Null()], { title: '所属組織' }) },
  { additionalProperties: false },
);
export const ChangeUserWorkflowLogin = Type.Object(
  { workflowLogin: Type.Union([Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\s:/]+$' }), Type.Null()], { title: 'コラボフローのログインID' }) },
  { additionalProperties: false },
);
/** 社員マスタ: what a project row of this person is filled with (docs/domain.md §社員マスタ). */
export const SetEmployeeProfile = Type.Object(
  {
    employeeNo: Type.String({ title: '社員番号', minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9-]+$' }),
    classRank: Text('クラスランク', 20, 1),
    monthlyCost: Type.Integer({ title: '原価単価（月額）', minimum: 0, maximum: 999_999_999 }),
  },
  { additionalProperties: false },
);
export type SetEmployeeProfile = Static<typeof SetEmployeeProfile>;
export const ResetUserPassword = Type.Object({ newPassword: Password('新しいパスワード') }, { additionalProperties: false });
export const ChangeOwnPassword = Type.Object({ currentPassword: Password('現在のパスワード'), newPassword: Password('新しいパスワード') }, { additionalProperties: false });
export type ChangeOwnPassword = Static<typeof ChangeOwnPassword>;

export const UserView = Type.Object({
  id: Type.String(),
  revision: Type.String(),
  email: Type.String(),
  name: Type.String(),
  roles: Type.Array(Type.String()),
  orgUnitId: Type.Union([Type.String(), Type.Null()]),
  /** The unit's name today (the read side resolves it from the org tree). */
  orgUnitName: Type.Union([Type.String(), Type.Null()]),
  /** Login in CollaboFlow (稟議 are filed as this user); null = not set. */
  workflowLogin: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** 社員マスタ; absent on users without a profile. */
  employeeNo: Type.Optional(Type.String()),
  classRank: Type.Optional(Type.String()),
  monthlyCost: Type.Optional(Type.Integer()),
  active: Type.Boolean(),
  registeredAt: Type.String(),
  /** Recorded per sign-in (its own stream, so it never moves the user's revision). */
  lastSignInAt: Type.Union([Type.String(), Type.Null()]),
  lastSignInVia: Type.Union([Type.Literal('password'), Type.Literal('oidc'), Type.Null()]),
  updatedAt: Type.String(),
});
export type UserView = Static<typeof UserView>;

export const UserListQuery = Type.Object(
  { q: Type.Optional(Type.String({ title: '検索語', maxLength: 100 })), active: Type.Optional(Type.Boolean({ title: '有効のみ' })) },
  { additionalProperties: false },
);
export const UserList = Type.Object({ items: Type.Array(UserView) });
