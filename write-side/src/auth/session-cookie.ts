import { SESSION_COOKIE, SESSION_HOURS, type SessionClaims } from '@sss/contracts/http/auth';
import type { UserState } from '../user/decider.ts';

/** All issuing a session needs of a reply; the HTTP framework's reply (with its cookie plugin) is one. */
export interface CookieReply {
  setCookie(name: string, value: string, options: { signed: boolean; httpOnly: boolean; sameSite: 'lax'; path: string; secure: boolean; maxAge: number }): unknown;
}

/** A used session's cookie is re-issued with a fresh `seen` at most this often: sliding idle expiry without a write per request. */
const SLIDE_EVERY_MS = 60_000;

function setSessionCookie(reply: CookieReply, claims: SessionClaims, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, JSON.stringify(claims), { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: Math.max(0, Math.floor((claims.exp - claims.seen) / 1000)) });
}

/**
 * The signed session cookie, issued the same way after a password login, an OIDC login or a password
 * change. `sessionId` is the session's id in its UserSignedIn (docs/architecture.md §Sessions).
 */
export function issueSession(reply: CookieReply, user: UserState, options: { now: number; secure: boolean; via: 'password' | 'oidc'; sessionId: string }) {
  // iat is wall-clock time, as the event store stamps events with it: sessions end at later changes
  const claims: SessionClaims = { sub: user.userId!, name: user.name, email: user.email, roles: [...user.roles], exp: options.now + SESSION_HOURS * 3_600_000, iat: Date.now(), via: options.via, sid: options.sessionId, seen: options.now };
  setSessionCookie(reply, claims, options.secure);
  return { id: claims.sub, name: claims.name, email: claims.email, roles: [...claims.roles] };
}

/** After a request the session was accepted for: move `seen` forward when it is more than a minute old. */
export function slideSession(reply: CookieReply, claims: SessionClaims, options: { now: number; secure: boolean }): void {
  if (options.now - claims.seen < SLIDE_EVERY_MS) return;
  setSessionCookie(reply, { ...claims, seen: options.now }, options.secure);
}
