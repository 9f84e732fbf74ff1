import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';

import { ApiError } from '../api/api-error';
import { queryKeys } from '../api/query-keys';

interface CallMeta extends Record<string, unknown> {
  /** The caller shows the error itself (e.g. inline in a form): no global notification. */
  silent?: boolean;
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: CallMeta;
    mutationMeta: CallMeta;
  }
}

/**
 * The app's query client. Every failed call goes through `onError` (a notification) unless marked
 * silent; a 401 ends the session (the gate then shows the login page), and a 403 saying the password
 * must change refreshes the session so the forced password screen appears.
 */
export function createQueryClient(options: { onError: (error: unknown) => void }): QueryClient {
  const handle = (error: unknown, meta: CallMeta | undefined) => {
    if (ApiError.isInstance(error)) {
      if (error.status === 401) {
        const hadSession = queryClient.getQueryData(queryKeys.session) != null;
        queryClient.setQueryData(queryKeys.session, null);
        if (hadSession && meta?.silent !== true) options.onError(error);
        return;
      }
      if (error.code === 'password_change_required') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.session });
        return;
      }
    }
    if (meta?.silent !== true) options.onError(error);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => handle(error, query.meta) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => handle(error, mutation.meta),
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) =>
          failures < 2 && ApiError.isInstance(error) && (error.status === 0 || error.status >= 500),
      },
    },
  });
  return queryClient;
}
