import { isApiError } from "@formwork/client";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { queryKeys } from "./query-keys";

// A 4xx will not change by asking again; only network failures and 5xx are worth a retry.
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

export function createQueryClient(): QueryClient {
  // A session that expires while the app is open makes the next call fail with 401. Re-checking the
  // session then lets RequireSession send the user to the login page (and back afterwards).
  const recheckSession = (error: unknown, key?: readonly unknown[]) => {
    if (isUnauthenticated(error) && key?.[0] !== queryKeys.session[0]) {
      void client.invalidateQueries({ queryKey: queryKeys.session });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => recheckSession(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => recheckSession(error) }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return client;
}
