import { useQuery } from '@tanstack/react-query';

import { unwrap } from './api-client';
import { useApiClient } from './api-client-context';
import { queryKeys } from './query-keys';

/** The models the gateway serves (accounts' entitlements plus aliases), for pickers and snippets. */
export function useModels(options: { enabled?: boolean } = {}) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.models,
    queryFn: async () => (await unwrap(client.GET('/models'))).models,
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}
