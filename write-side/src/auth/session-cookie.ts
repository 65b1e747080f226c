import { SESSION_COOKIE, SESSION_HOURS, type SessionClaims } from '@sss/contracts/http/auth';
import type { UserState } from '../user/decider.ts';

/** All issuing a session needs of a reply; the HTTP framework's reply (with its cookie plugin) is one. */
export interface CookieReply {
  setCookie(name: string, value: string, options: { signed: boolean; httpOnly: boolean; sameSite: 'lax'; path: string; secure: boolean; maxAge: number }): unknown;
}

/** The signed session cookie, issued the same way after a password login, an OIDC login or a password change. */
export function issueSession(reply: CookieReply, user: UserState, options: { now: number; secure: boolean; via: 'password' | 'oidc' }) {
  // iat is wall-clock time, as the event store stamps events with it: sessions end at later changes
  const claims: SessionClaims = { sub: user.userId!, name: user.name, email: user.email, roles: [...user.roles], exp: options.now + SESSION_HOURS * 3_600_000, iat: Date.now(), via: options.via };
  reply.setCookie(SESSION_COOKIE, JSON.stringify(claims), { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: options.secure, maxAge: SESSION_HOURS * 3600 });
  return { id: claims.sub, name: claims.name, email: claims.email, roles: [...claims.roles] };
}
