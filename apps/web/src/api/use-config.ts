import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { unwrap } from './api-client';
import { useApiClient } from './api-client-context';
import type { ConfigState } from './api-types';
import { queryKeys } from './query-keys';

export function useConfig() {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.config,
    queryFn: () => unwrap(client.GET('/config')),
  });
}

/** Sends only the changed keys; the server validates, stores and applies them live. */
export function useUpdateConfig() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Record<string, unknown>) => unwrap(client.PUT('/config', { body: patch })),
    onSuccess: (state: ConfigState) => queryClient.setQueryData(queryKeys.config, state),
    meta: { silent: true },
  });
}
