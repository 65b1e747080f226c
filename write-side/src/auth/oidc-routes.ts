import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { findUserByEmail } from './routes.ts';
import { issueSession } from './session-cookie.ts';
import { recordSignIn } from './sign-in-record.ts';
import { createOidcClient, type OidcClient, type OidcSettings, type OidcTransaction } from './oidc-client.ts';
import { oidcErrorPage, type OidcFailure } from './oidc-error-page.ts';

/**
 * Sign-in with an OpenID Connect provider (the original system used Google). A person is matched by
 * a verified email to an active SSS user; nobody is created on the fly — an administrator registers
 * people first, so signing in with Google never grants access by itself.
 */
export interface OidcRouteDeps {
  readonly events: EventStore;
  readonly clock: () => Date;
  readonly secureCookies: boolean;
  readonly oidc: OidcSettings | undefined;
}

const TRANSACTION_COOKIE = 'sss_oidc';
const COOKIE_PATH = '/api/auth/oidc';
const tags = ['認証・ユーザー'];

const Providers = Type.Object({ password: Type.Boolean(), oidc: Type.Union([Type.Object({ name: Type.String(), startUrl: Type.String() }), Type.Null()]) });
const StartQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 500 })) });

/** Only same-site paths are followed after sign-in, so `next` cannot send people elsewhere. */
const safeNext = (next: string | undefined) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

function readTransaction(request: FastifyRequest): (OidcTransaction & { next: string }) | null {
  const raw = request.cookies[TRANSACTION_COOKIE];
  const unsigned = raw ? request.unsignCookie(raw) : null;
  if (!unsigned?.valid || !unsigned.value) return null;
  try {
    return JSON.parse(unsigned.value) as OidcTransaction & { next: string };
  } catch {
    return null;
  }
}

export async function oidcRoutes(fastify: FastifyInstance, deps: OidcRouteDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const oidc: OidcClient | null = deps.oidc ? createOidcClient(deps.oidc) : null;
  const fail = (reply: FastifyReply, failure: OidcFailure, detail?: string) => {
    reply.clearCookie(TRANSACTION_COOKIE, { path: COOKIE_PATH });
    return reply.code(failure === 'unknown_user' || failure === 'inactive_user' ? 403 : failure === 'not_configured' ? 404 : 400).type('text/html; charset=utf-8').send(oidcErrorPage(failure, detail));
  };

  app.get('/api/auth/providers', { schema: { tags, summary: '利用できるログイン方法', response: { 200: Providers } } }, async () => ({
    password: true,
    oidc: deps.oidc ? { name: deps.oidc.providerName, startUrl: '/api/auth/oidc/start' } : null,
  }));

  app.get('/api/auth/oidc/start', { schema: { tags, summary: 'OpenID Connect でのログインを始める（プロバイダーへリダイレクト）', querystring: StartQuery } }, async (request, reply) => {
    if (!oidc) return fail(reply, 'not_configured');
    let started: Awaited<ReturnType<OidcClient['start']>>;
    try {
      started = await oidc.start();
    } catch (error) {
      request.log.error({ err: error }, 'OIDC discovery failed');
      return fail(reply, 'provider_unavailable');
    }
    const value = JSON.stringify({ ...started.transaction, next: safeNext(request.query.next) });
    reply.setCookie(TRANSACTION_COOKIE, value, { signed: true, httpOnly: true, sameSite: 'lax', path: COOKIE_PATH, secure: deps.secureCookies, maxAge: 600 });
    return reply.redirect(started.url, 302);
  });

  app.get('/api/auth/oidc/callback', { schema: { tags, summary: 'OpenID Connect のコールバック' } }, async (request, reply) => {
    if (!oidc) return fail(reply, 'not_configured');
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    if (new URLSearchParams(query).has('error')) return fail(reply, 'cancelled');
    const transaction = readTransaction(request);
    if (!transaction) return fail(reply, 'expired');
    let identity;
    try {
      identity = await oidc.finish(query, transaction);
    } catch (error) {
      request.log.warn({ err: error }, 'OIDC code exchange failed');
      return fail(reply, 'rejected');
    }
    if (!identity.email || !identity.emailVerified) return fail(reply, 'unverified_email', identity.email);
    const user = await findUserByEmail(deps.events, identity.email);
    if (!user) return fail(reply, 'unknown_user', identity.email);
    if (!user.active) return fail(reply, 'inactive_user', identity.email);
    reply.clearCookie(TRANSACTION_COOKIE, { path: COOKIE_PATH });
    const sessionId = await recordSignIn(deps.events, user.userId!, 'oidc', request.ip);
    issueSession(reply, user, { now: deps.clock().getTime(), secure: deps.secureCookies, via: 'oidc', sessionId });
    return reply.redirect(transaction.next, 302);
  });
}
