import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../../src/kernel/spec.ts';
import { fold } from '../../src/kernel/decider.ts';
import { userDecider, type UserEvent } from '../../src/user/decider.ts';

/** ユーザー as specifications: roles, org unit, deactivation, and the guards against locking admins out. */

const registered: UserEvent = { type: 'UserRegistered', data: { userId: 'u1', email: 'a@example.co.jp', name: '甲', roles: ['sales'], orgUnitId: null, passwordHash: 'h' } };
const admin: UserEvent = { type: 'UserRegistered', data: { userId: 'adm', email: 'adm@example.co.jp', name: '管理', roles: ['admin'], orgUnitId: null, passwordHash: 'h' } };
const user = spec(userDecider);

test('roles change; the same roles in another order change nothing; no roles is refused', () => {
  user.given([registered]).when({ type: 'ChangeRoles', roles: ['sales', 'finance'], actor: 'adm' }).then([{ type: 'UserRolesChanged', data: { userId: 'u1', roles: ['sales', 'finance'] } }]);
  user.given([registered, { type: 'UserRolesChanged', data: { userId: 'u1', roles: ['sales', 'finance'] } }]).when({ type: 'ChangeRoles', roles: ['finance', 'sales'], actor: 'adm' }).thenNothing();
  user.given([registered]).when({ type: 'ChangeRoles', roles: [], actor: 'adm' }).thenFails('validation_failed', 'roles');
});

test('an administrator cannot remove their own admin role or deactivate themselves', () => {
  user.given([admin]).when({ type: 'ChangeRoles', roles: ['sales'], actor: 'adm' }).thenFails('rule_violated', 'roles');
  user.given([admin]).when({ type: 'DeactivateUser', actor: 'adm' }).thenFails('rule_violated');
  user.given([admin]).when({ type: 'ChangeRoles', roles: ['admin', 'auditor'], actor: 'adm' }).thenEvents((events) => assert.is(events.length, 1));
});

test('deactivate and reactivate are idempotent', () => {
  const deactivated: UserEvent = { type: 'UserDeactivated', data: { userId: 'u1' } };
  user.given([registered]).when({ type: 'DeactivateUser', actor: 'adm' }).then([deactivated]);
  user.given([registered, deactivated]).when({ type: 'DeactivateUser', actor: 'adm' }).thenNothing();
  user.given([registered, deactivated]).when({ type: 'ReactivateUser' }).then([{ type: 'UserReactivated', data: { userId: 'u1' } }]);
  user.given([registered]).when({ type: 'ReactivateUser' }).thenNothing();
});

test('org unit changes only when it differs; an admin reset is marked as such', () => {
  user.given([registered]).when({ type: 'ChangeOrgUnit', orgUnitId: 'bs1' }).then([{ type: 'UserOrgUnitChanged', data: { userId: 'u1', orgUnitId: 'bs1' } }]);
  user.given([registered]).when({ type: 'ChangeOrgUnit', orgUnitId: null }).thenNothing();
  user.given([registered]).when({ type: 'ChangePassword', passwordHash: 'h2', byAdmin: true }).then([{ type: 'UserPasswordChanged', data: { userId: 'u1', passwordHash: 'h2', byAdmin: true } }]);
});

test('the CollaboFlow login is set, cleared, and unchanged when the same', () => {
  const set: UserEvent = { type: 'UserWorkflowLoginChanged', data: { userId: 'u1', workflowLogin: 'kou.a' } };
  user.given([registered]).when({ type: 'ChangeWorkflowLogin', workflowLogin: 'kou.a' }).then([set]);
  user.given([registered, set]).when({ type: 'ChangeWorkflowLogin', workflowLogin: 'kou.a' }).thenNothing();
  user.given([registered, set]).when({ type: 'ChangeWorkflowLogin', workflowLogin: null }).then([{ type: 'UserWorkflowLoginChanged', data: { userId: 'u1', workflowLogin: null } }]);
});

test('the employee profile (社員番号, rank, monthly cost) is set, changed, unchanged when the same; a user without one folds to nulls', () => {
  const set: UserEvent = { type: 'EmployeeProfileSet', data: { userId: 'u1', employeeNo: 'E1024', classRank: 'M2', monthlyCost: 850_000 } };
  const profile = { type: 'SetEmployeeProfile', employeeNo: 'E1024', classRank: 'M2', monthlyCost: 850_000 } as const;
  user.given([registered]).when(profile).then([set]);
  user.given([registered, set]).when(profile).thenNothing();
  user.given([registered, set]).when({ ...profile, classRank: 'M3', monthlyCost: 920_000 }).then([{ type: 'EmployeeProfileSet', data: { userId: 'u1', employeeNo: 'E1024', classRank: 'M3', monthlyCost: 920_000 } }]);
  user.given([registered]).when({ ...profile, monthlyCost: -1 }).thenFails('validation_failed', 'monthlyCost');
  user.given([registered]).when({ ...profile, monthlyCost: 1.5 }).thenFails('validation_failed', 'monthlyCost');
  user.given([]).when(profile).thenFails('not_found');
  // an older stream without a profile still folds, to "not set"
  const older: UserEvent[] = [registered, { type: 'UserRolesChanged', data: { userId: 'u1', roles: ['sales', 'finance'] } }];
  const state = fold(userDecider, older);
  assert.equal([state.employeeNo, state.classRank, state.monthlyCost, state.roles], [null, null, null, ['sales', 'finance']]);
});

test('commands on a user that does not exist are not found', () => {
  user.given([]).when({ type: 'DeactivateUser', actor: 'adm' }).thenFails('not_found');
});

test.run();
