import { timingSafeEqual } from 'node:crypto';
import { MSG, SimError } from './errors.ts';
import type { SimUser, Tenant } from './model.ts';

/**
 * `X-Collaboflow-Authorization: Basic base64(...)` in both forms the product accepts:
 * `{login}/apikey:{key}` (a server acting as that user) and `{login}:{password}`.
 * The standard `Authorization` header is deliberately ignored, as the product ignores it.
 */
export const AUTH_HEADER = 'x-collaboflow-authorization';

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function authenticate(tenant: Tenant, header: string | string[] | undefined): SimUser {
  const unknown = new SimError(401, MSG.unknownUser);
  if (typeof header !== 'string') throw unknown;
  const match = /^Basic\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1]) throw unknown;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw unknown;
  const who = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  if (who.endsWith('/apikey')) {
    const user = tenant.users.get(who.slice(0, -'/apikey'.length));
    if (!user || !same(secret, tenant.apiKey)) throw unknown;
    return user;
  }
  const user = tenant.users.get(who);
  if (!user || !same(secret, user.password)) throw unknown;
  return user;
}

/** The header value a client sends (used by the simulator's own page and by tests). */
export function apiKeyHeader(loginId: string, apiKey: string): string {
  return `Basic ${Buffer.from(`${loginId}/apikey:${apiKey}`, 'utf8').toString('base64')}`;
}
