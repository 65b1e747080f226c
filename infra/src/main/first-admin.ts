import type { EventStore } from '@sss/contracts/ports/event-store';
import { DomainError } from '@sss/contracts/http/problem';
import { findUserByEmail, registerUser } from '@sss/write-side/auth/routes';

/**
 * The first administrator of a deployment (SSS_ADMIN_EMAIL / SSS_ADMIN_PASSWORD, or `npm run
 * admin:create`): without one nobody can sign in to a fresh store outside the demo data. Idempotent
 * across restarts and instances: a user with that e-mail already there is left as it is (its password
 * and roles belong to the people who run SSS from then on), and of two instances starting at once the
 * e-mail's unique key lets one register it; the other sees `already_exists` and is done as well.
 */
export interface FirstAdmin {
  readonly email: string;
  readonly password: string;
  readonly name: string;
}

export type FirstAdminOutcome = 'created' | 'exists';

export async function ensureFirstAdmin(events: EventStore, admin: FirstAdmin): Promise<FirstAdminOutcome> {
  const email = admin.email.trim().toLowerCase();
  if (await findUserByEmail(events, email)) return 'exists';
  try {
    await registerUser(events, { email, name: admin.name, roles: ['admin'], password: admin.password }, { actor: 'system:first-admin', correlationId: `first-admin-${email}` });
    return 'created';
  } catch (error) {
    if (error instanceof DomainError && error.code === 'already_exists') return 'exists';
    throw error;
  }
}
