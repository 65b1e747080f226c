import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { CommandAccepted, History, IdParams } from '@sss/contracts/common';
import { DomainError } from '@sss/contracts/http/problem';
import type { OrganizationEvent } from '@sss/contracts/organization/events';
import { ChangeUserOrgUnit, ChangeUserRoles, ChangeUserWorkflowLogin, ResetUserPassword, SetEmployeeProfile } from '@sss/contracts/user/schemas';
import { streams } from '@sss/contracts/streams/names';
import { fold } from '../kernel/decider.ts';
import { loadStream } from '../kernel/command-handler.ts';
import { commandHandlerFor } from '../kernel/command-handler-for.ts';
import { answerCommand, expectedRevisionOf } from '../http/command-route.ts';
import { streamHistory } from '../http/history-route.ts';
import { organizationDecider } from '../organization/decider.ts';
import { hashPassword, passwordProblems } from '../auth/passwords.ts';
import { userDecider } from './decider.ts';
import { withUniqueKey } from '../kernel/unique-key.ts';

/** ユーザー管理 (admins): roles, org unit, deactivate / reactivate, password reset. */
export interface UserRouteDeps {
  readonly events: EventStore;
}

const tags = ['認証・ユーザー'];

/** User commands on a store: every one but registration needs the user to exist. */
export const userCommands = (events: EventStore) =>
  commandHandlerFor({ store: events, decider: userDecider, stream: streams.user, mustExist: (command) => command.type !== 'RegisterUser' });

/** A user belongs to a unit that exists and is not dissolved (checked against the org stream). */
export async function assertAssignableUnit(events: EventStore, orgUnitId: string | null): Promise<void> {
  if (orgUnitId === null) return;
  const { domain } = await loadStream<OrganizationEvent>(events, streams.organization);
  const unit = fold(organizationDecider, domain).units.get(orgUnitId);
  if (!unit) throw DomainError.field('validation_failed', 'orgUnitId', '所属組織が見つかりません。');
  if (unit.dissolvedOn !== null) throw DomainError.field('validation_failed', 'orgUnitId', `所属組織は${unit.dissolvedOn}に解散済みです。現在の組織を選んでください。`);
}

export async function userRoutes(fastify: FastifyInstance, deps: UserRouteDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { events } = deps;
  const accepted = { 200: CommandAccepted };
  const users = userCommands(events);

  app.put('/api/users/:id/roles', { schema: { tags, summary: 'ロールを変更する', params: IdParams, body: ChangeUserRoles, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) => users.run(id, { type: 'ChangeRoles', roles: [...request.body.roles], actor: context.actor }, context, expectedRevisionOf(request)));
  });

  app.put('/api/users/:id/org-unit', { schema: { tags, summary: '所属組織を変更する', params: IdParams, body: ChangeUserOrgUnit, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, async (context) => {
      await assertAssignableUnit(events, request.body.orgUnitId);
      return users.run(id, { type: 'ChangeOrgUnit', orgUnitId: request.body.orgUnitId }, context, expectedRevisionOf(request));
    });
  });

  app.put('/api/users/:id/workflow-login', { schema: { tags, summary: 'コラボフローのログインIDを設定する', params: IdParams, body: ChangeUserWorkflowLogin, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) => users.run(id, { type: 'ChangeWorkflowLogin', workflowLogin: request.body.workflowLogin }, context, expectedRevisionOf(request)));
  });

  app.put('/api/users/:id/employee-profile', { schema: { tags, summary: '社員情報（社員番号・クラスランク・原価単価）を設定する', params: IdParams, body: SetEmployeeProfile, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    const { employeeNo, classRank, monthlyCost } = request.body;
    return answerCommand(events, request, reply, id, (context) => {
      // 社員番号 names one person for good: claimed for this user on the first append, never handed to another
      // (a number a user leaves stays theirs, so an old 収支管理表 never points at someone else).
      const claim = { scope: 'employee-no', value: employeeNo.trim(), owner: id, ownerStream: streams.user, field: 'employeeNo', label: '社員番号' };
      return withUniqueKey(events, claim, context, (claiming) =>
        users.run(id, { type: 'SetEmployeeProfile', employeeNo: employeeNo.trim(), classRank: classRank.trim(), monthlyCost }, claiming, expectedRevisionOf(request)));
    });
  });

  app.post('/api/users/:id/deactivate', { schema: { tags, summary: 'ユーザーを無効化する', params: IdParams, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) => users.run(id, { type: 'DeactivateUser', actor: context.actor }, context, expectedRevisionOf(request)));
  });

  app.post('/api/users/:id/reactivate', { schema: { tags, summary: 'ユーザーを再有効化する', params: IdParams, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) => users.run(id, { type: 'ReactivateUser' }, context, expectedRevisionOf(request)));
  });

  app.post('/api/users/:id/password-reset', { schema: { tags, summary: 'パスワードを再設定する（管理者）', params: IdParams, body: ResetUserPassword, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, async (context) => {
      const user = await users.load(id);
      if (!user.exists) throw new DomainError('not_found', 'ユーザーが見つかりません。');
      const problems = passwordProblems(request.body.newPassword, user.state.email).map((p) => ({ ...p, field: 'newPassword' }));
      if (problems.length) throw new DomainError('validation_failed', problems.map((p) => p.message).join(' '), problems);
      return users.run(id, { type: 'ChangePassword', passwordHash: await hashPassword(request.body.newPassword), byAdmin: true }, context);
    });
  });

  app.get('/api/users/:id/history', { schema: { tags, summary: 'ユーザーの変更履歴（イベント）', params: IdParams, response: { 200: History } } }, async (request) => {
    const history = await streamHistory(events, users.streamName(request.params.id));
    // password hashes are secrets even when hashed: the audit view shows that a change happened, not the hash
    return { ...history, events: history.events.map((e) => ({ ...e, data: redactHash(e.data) })) };
  });
}

function redactHash(data: unknown): unknown {
  if (!data || typeof data !== 'object' || !('passwordHash' in data)) return data;
  return { ...(data as Record<string, unknown>), passwordHash: '（非表示）' };
}
