import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { v7 as uuidv7 } from 'uuid';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { ROLES, SESSION_COOKIE, type SessionClaims } from '@sss/contracts/http/auth';
import { ChangeOwnPassword } from '@sss/contracts/user/schemas';
import { DomainError } from '@sss/contracts/http/problem';
import { sessionOf } from '@sss/http-kit/server-kit';
import { CommandAccepted } from '@sss/contracts/common';
import { streams } from '@sss/contracts/streams/names';
import { ownerOf, withUniqueKey } from '../kernel/unique-key.ts';
import type { CommandContext } from '../kernel/command-handler.ts';
import { answerCommand } from '../http/command-route.ts';
import { decoyHash, hashPassword, passwordMatches, passwordProblems } from './passwords.ts';
import { createLoginThrottle } from './login-throttle.ts';
import { issueSession } from './session-cookie.ts';
import { recordSessionEnd, recordSignIn } from './sign-in-record.ts';
import { formatDateTimeJst } from '@sss/contracts/domain/dates';
import { assertAssignableUnit, userCommands } from '../user/routes.ts';

const Credentials = Type.Object({
  email: Type.String({ title: 'メールアドレス', minLength: 3, maxLength: 254 }),
  password: Type.String({ title: 'パスワード', minLength: 1, maxLength: 200 }),
}, { additionalProperties: false });

const Me = Type.Object({ id: Type.String(), name: Type.String(), email: Type.String(), roles: Type.Array(Type.String()) });

const NewUser = Type.Object({
  email: Type.String({ title: 'メールアドレス', maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', description: 'name@example.co.jp' }),
  name: Type.String({ title: '氏名', minLength: 1, maxLength: 100 }),
  roles: Type.Array(Type.Union(ROLES.map((r) => Type.Literal(r))), { title: 'ロール', minItems: 1, maxItems: ROLES.length, uniqueItems: true }),
  orgUnitId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()], { title: '所属組織' })),
  password: Type.String({ title: 'パスワード', maxLength: 200 }),
}, { additionalProperties: false });

export interface AuthRouteDeps {
  readonly events: EventStore;
  readonly clock: () => Date;
  /** Mark cookies Secure (behind HTTPS in production). */
  readonly secureCookies: boolean;
}

export async function findUserByEmail(events: EventStore, email: string) {
  const owner = await ownerOf(events, 'user-email', email.trim().toLowerCase());
  if (!owner) return null;
  return (await userCommands(events).load(owner)).state;
}

export async function registerUser(events: EventStore, user: { email: string; name: string; roles: SessionClaims['roles'][number][]; orgUnitId?: string | null; password: string }, context: CommandContext) {
  const problems = passwordProblems(user.password, user.email);
  if (problems.length) throw new DomainError('validation_failed', problems.map((p) => p.message).join(' '), problems);
  const userId = uuidv7();
  const email = user.email.trim().toLowerCase();
  const command = { type: 'RegisterUser' as const, userId, email, name: user.name, roles: user.roles, orgUnitId: user.orgUnitId ?? null, passwordHash: await hashPassword(user.password) };
  const claim = { scope: 'user-email', value: email, owner: userId, ownerStream: streams.user, field: 'email', label: 'メールアドレス' };
  const result = await withUniqueKey(events, claim, context, (claiming) => userCommands(events).run(userId, command, claiming));
  return { userId, result };
}

export async function authRoutes(fastify: FastifyInstance, deps: AuthRouteDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const throttle = createLoginThrottle();
  const tags = ['認証・ユーザー'];

  app.post('/api/auth/login', { schema: { tags, summary: 'ログイン', body: Credentials, response: { 200: Me } } }, async (request, reply) => {
    const email = request.body.email.trim().toLowerCase();
    const now = deps.clock().getTime();
    const lockedUntil = throttle.lockedUntil(email, request.ip, now);
    // Checked before the password, so a locked account answers the same whether the password is right or not.
    if (lockedUntil) {
      const retryAfterSeconds = Math.ceil((lockedUntil - now) / 1000);
      const at = formatDateTimeJst(new Date(lockedUntil)).slice(11, 16);
      reply.header('retry-after', String(retryAfterSeconds));
      throw new DomainError('too_many_attempts', `ログインの失敗が続いたため、${at} ごろ（約${Math.ceil(retryAfterSeconds / 60)}分後）までログインできません。その後にもう一度お試しください。`, [], { retryAfterSeconds });
    }
    const user = await findUserByEmail(deps.events, email);
    const ok = user?.active ? await passwordMatches(user.passwordHash, request.body.password) : (await passwordMatches(await decoyHash(), request.body.password), false);
    if (!ok || !user) {
      throttle.recordFailure(email, request.ip, now);
      throw new DomainError('invalid_credentials', 'メールアドレスまたはパスワードが違います。');
    }
    throttle.recordSuccess(email);
    const sessionId = await recordSignIn(deps.events, user.userId!, 'password', request.ip);
    return issueSession(reply, user, { now, secure: deps.secureCookies, via: 'password', sessionId });
  });

  app.post('/api/auth/password', { schema: { tags, summary: '自分のパスワードを変更する', body: ChangeOwnPassword, response: { 200: CommandAccepted } } }, async (request, reply) => {
    const session = sessionOf(request);
    const users = userCommands(deps.events);
    const answer = await answerCommand(deps.events, request, reply, session.sub, async (context) => {
      const { state: user } = await users.load(session.sub);
      if (!(await passwordMatches(user.passwordHash, request.body.currentPassword))) throw DomainError.field('validation_failed', 'currentPassword', '現在のパスワードが違います。');
      if (request.body.newPassword === request.body.currentPassword) throw DomainError.field('validation_failed', 'newPassword', '新しいパスワードは現在のものと別にしてください。');
      const problems = passwordProblems(request.body.newPassword, user.email).map((p) => ({ ...p, field: 'newPassword' }));
      if (problems.length) throw new DomainError('validation_failed', problems.map((p) => p.message).join(' '), problems);
      const result = await users.run(session.sub, { type: 'ChangePassword', passwordHash: await hashPassword(request.body.newPassword) }, context);
      // the change ends every earlier session, this one included: hand this browser a fresh one
      issueSession(reply, { ...user, passwordHash: '' }, { now: deps.clock().getTime(), secure: deps.secureCookies, via: session.via ?? 'password', sessionId: session.sid });
      return result;
    });
    return answer;
  });

  // Ends this session for good: the cookie, replayed from a copy, is refused from now on.
  app.post('/api/auth/logout', { schema: { tags, summary: 'ログアウト' } }, async (request, reply) => {
    const session = sessionOf(request);
    await recordSessionEnd(deps.events, session.sub, session.sid, 'logout');
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  // Every session of the caller, this one included, e.g. after using a shared or lost computer.
  app.post('/api/auth/sessions/end-all', { schema: { tags, summary: 'すべての端末からログアウトする' } }, async (request, reply) => {
    const session = sessionOf(request);
    await recordSessionEnd(deps.events, session.sub, session.sid, 'everywhere');
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/auth/me', { schema: { tags, summary: 'ログイン中のユーザー', response: { 200: Me } } }, async (request) => {
    const session = sessionOf(request);
    return { id: session.sub, name: session.name, email: session.email, roles: [...session.roles] };
  });

  app.post('/api/users', { schema: { tags, summary: 'ユーザーを登録する', body: NewUser, response: { 201: CommandAccepted } } }, async (request, reply) => {
    let userId = '';
    return answerCommand(deps.events, request, reply, () => userId, async (context) => {
      await assertAssignableUnit(deps.events, request.body.orgUnitId ?? null);
      const registered = await registerUser(deps.events, request.body, context);
      userId = registered.userId;
      return registered.result;
    }, 201);
  });
}
