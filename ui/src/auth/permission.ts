import { accessOf } from '@sss/contracts/http/authorization';
import { ROLES, type Role } from '@sss/contracts/http/auth';

/**
 * Who may call a route, read from the one authorization table, so a screen can say who performs
 * an action it does not offer. `authenticated` and `public` routes are everyone's.
 */
export function whoMay(method: string, route: string): readonly Role[] {
  const access = accessOf(method, route);
  if (access === undefined) return [];
  return access === 'public' || access === 'authenticated' ? ROLES : access;
}

/**
 * The mark a control carries for the command it performs (`data-requires="POST /api/companies"`):
 * the roles browser test reads it on every screen and checks it against the same table.
 */
export const requires = (method: string, route: string) => ({ 'data-requires': `${method} ${route}` });
