import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { unwrap } from './api-client';
import { useApiClient } from './api-client-context';
import type { Provider, ProviderInput, ProviderPatch } from './api-types';
import { queryKeys } from './query-keys';

/**
 * The accounts. Refetched every 2.5 s while the page is visible (not in a background tab), so a state
 * the server changed (a failed request, a health check) shows within seconds.
 */
export function useProviders(options: { enabled?: boolean } = {}) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.providers,
    queryFn: async () => (await unwrap(client.GET('/providers'))).providers,
    refetchInterval: 2_500,
    enabled: options.enabled ?? true,
  });
}

function useInvalidateProviders() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.providers });
}

/** Replaces one provider in the cached list with the server's fresh copy. */
function useStoreProvider() {
  const queryClient = useQueryClient();
  return (provider: Provider) =>
    queryClient.setQueryData<Provider[]>(queryKeys.providers, (list) =>
      list?.map((entry) => (entry.id === provider.id ? provider : entry)),
    );
}

export function useCreateProvider() {
  const client = useApiClient();
  const invalidate = useInvalidateProviders();
  return useMutation({
    mutationFn: async (body: ProviderInput) =>
      (await unwrap(client.POST('/providers', { body }))).provider,
    onSuccess: invalidate,
    meta: { silent: true },
  });
}

export function useUpdateProvider() {
  const client = useApiClient();
  const store = useStoreProvider();
  return useMutation({
    mutationFn: async (input: { id: string; patch: ProviderPatch }) =>
      (
        await unwrap(
          client.PUT('/providers/{id}', { params: { path: { id: input.id } }, body: input.patch }),
        )
      ).provider,
    onSuccess: store,
  });
}

export function useDeleteProvider() {
  const client = useApiClient();
  const invalidate = useInvalidateProviders();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(client.DELETE('/providers/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export type ProviderAction = 'healthCheck' | 'refreshToken' | 'refreshUsage' | 'resetState';

export type ProviderActionResult =
  | { action: 'healthCheck'; healthy: boolean; error: string | null }
  | { action: 'refreshToken'; expiresAt: number | null }
  | { action: 'refreshUsage' }
  | { action: 'resetState' };

/** The per-row actions; each refreshes the row from the server afterwards. */
export function useProviderAction() {
  const client = useApiClient();
  const store = useStoreProvider();
  const invalidate = useInvalidateProviders();
  return useMutation({
    mutationFn: async (input: { id: string; action: ProviderAction }) => {
      const params = { path: { id: input.id } };
      switch (input.action) {
        case 'healthCheck': {
          const result = await unwrap(client.POST('/providers/{id}/health-check', { params }));
          store(result.provider);
          return { action: 'healthCheck', healthy: result.healthy, error: result.error } as const;
        }
        case 'refreshToken': {
          const result = await unwrap(client.POST('/providers/{id}/refresh-token', { params }));
          await invalidate();
          return { action: 'refreshToken', expiresAt: result.expiresAt } as const;
        }
        case 'refreshUsage': {
          const result = await unwrap(
            client.GET('/providers/{id}/usage', {
              params: { ...params, query: { refresh: 'true' } },
            }),
          );
          store(result.provider);
          return { action: 'refreshUsage' } as const;
        }
        case 'resetState': {
          const result = await unwrap(client.POST('/providers/{id}/reset', { params }));
          store(result.provider);
          return { action: 'resetState' } as const;
        }
      }
    },
  });
}
