import { queryOptions } from '@tanstack/react-query';
import { me, providers } from '../api/auth.ts';

export const authQueries = {
  /** Who is signed in; `null` means nobody. Fetched once, then kept until login/logout/401 changes it. */
  session: () => queryOptions({ queryKey: ['session'] as const, queryFn: me, staleTime: Infinity, retry: false }),
  /** Which sign-in methods the server offers; public and fixed while the page lives. */
  providers: () => queryOptions({ queryKey: ['auth-providers'] as const, queryFn: providers, staleTime: Infinity, retry: false }),
};
