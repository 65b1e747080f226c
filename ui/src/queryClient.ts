import { hashKey, QueryClient } from '@tanstack/react-query';
import { currentAsOf } from './lib/asOf.ts';
import { isApiError } from './lib/problem.ts';

/**
 * Retry only what may succeed on its own: a read model still catching up with our own write
 * (503 read_model_lagging) or a brief outage. A refusal (4xx) will not change by asking again.
 */
function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // An answer as of a past moment is cached apart from the live one (and from other moments).
        queryKeyHashFn: (key) => hashKey([currentAsOf() ?? 'live', ...key]),
        staleTime: 10_000,
        retry: (failures, error) => {
          if (isApiError(error, 'read_model_lagging')) return failures < 5;
          if (isApiError(error, 'unavailable')) return failures < 2;
          return false;
        },
        retryDelay: (attempt) => Math.min(250 * 2 ** attempt, 2_000),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

/** The app's one cache: the screens read it through the provider, route loaders prefetch into it. */
export const queryClient = createQueryClient();
