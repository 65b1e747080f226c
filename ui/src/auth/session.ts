import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { accessOf, mayCall } from '@sss/contracts/http/authorization';
import { login, logout, type SessionUser } from '../api/auth.ts';
import { authQueries } from './queries.ts';
import { currentAsOf } from '../lib/asOf.ts';

export const SESSION_KEY = authQueries.session().queryKey;

/** Set when a signed-in person's cookie stops working, so the login page can say why they are there. */
let expired = false;
export function markSessionExpired(): void {
  expired = true;
}
/** Read-only, so React may call it twice (StrictMode); cleared by the next successful login. */
export function sessionExpired(): boolean {
  return expired;
}

/** Who is signed in; `null` means nobody. Fetched once, then kept until login/logout/401 changes it. */
export function useSession() {
  return useQuery(authQueries.session());
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) => login(email, password),
    onSuccess: (user) => {
      expired = false;
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      client.setQueryData(SESSION_KEY, user);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      // forget everything the previous user could see
      client.clear();
      client.setQueryData(SESSION_KEY, null);
    },
  });
}

/**
 * The same authorization table as the server decides which buttons a person is offered; while the
 * screens show a past moment (read-only), no command is offered at all.
 */
export function may(user: SessionUser | null | undefined, method: string, route: string): boolean {
  if (method !== 'GET' && currentAsOf()) return false;
  const access = accessOf(method, route);
  return access !== undefined && mayCall(access, user?.roles);
}
