import type { ReactNode } from 'react';
import { may, useSession } from './session.ts';
import { requires, whoMay } from './permission.ts';
import { roleNames } from '../i18n/codes.ts';
import { permissionLabels } from '../i18n/permissions.ts';
import { useLabels } from '../i18n/useLabels.ts';

/** The roles that may call a route, named in the person's language. */
function useWhoMay(): (method: string, route: string) => string {
  const l = useLabels(permissionLabels);
  const role = useLabels(roleNames);
  return (method, route) => whoMay(method, route).map((r) => role(r)).join(l('separator'));
}

/**
 * A screen whose only purpose is one command (a registration or edit form reached by its URL):
 * shown when the person's role may call it, otherwise replaced by a notice naming who may. Also for
 * a part of a screen that performs one command.
 */
export function RequirePermission({ method, route, children }: { method: string; route: string; children: ReactNode }) {
  const { data: user } = useSession();
  const l = useLabels(permissionLabels);
  const who = useWhoMay();
  // the mark says which command the part performs (the roles browser test reads it); the box adds no layout
  if (may(user, method, route)) return <div style={{ display: 'contents' }} {...requires(method, route)}>{children}</div>;
  return (
    <p className="notice" role="status" data-testid="not-permitted" data-requires-refused={`${method} ${route}`}>
      {l('notPermitted', { roles: who(method, route) })}
    </p>
  );
}
