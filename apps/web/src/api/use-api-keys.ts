import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { unwrap } from './api-client';
import { useApiClient } from './api-client-context';
import type { ApiKey, ApiKeyInput, ApiKeyPatch } from './api-types';
import { queryKeys } from './query-keys';

/** Keys are few per installation: one page of up to 1000 covers them. */
export function useApiKeys() {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.apiKeys,
    queryFn: async () =>
      (await unwrap(client.GET('/api-keys', { params: { query: { limit: 1000 } } }))).apiKeys,
  });
}

/** The limits an admin set for keys that users create themselves (`userKeyPolicy`). */
export function useApiKeyPolicy(options: { enabled: boolean }) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.apiKeyPolicy,
    queryFn: async () => (await unwrap(client.GET('/api-keys/policy'))).policy,
    enabled: options.enabled,
  });
}

function useInvalidateKeys() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys });
}

/** Creates a key; the result carries the full key, which the server never shows again. */
export function useCreateApiKey() {
  const client = useApiClient();
  const invalidate = useInvalidateKeys();
  return useMutation({
    mutationFn: async (body: ApiKeyInput) =>
      (await unwrap(client.POST('/api-keys', { body }))).apiKey,
    onSuccess: invalidate,
    meta: { silent: true },
  });
}

export function useUpdateApiKey() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: string; patch: ApiKeyPatch }) =>
      (
        await unwrap(
          client.PUT('/api-keys/{id}', { params: { path: { id: input.id } }, body: input.patch }),
        )
      ).apiKey,
    onSuccess: (updated) =>
      queryClient.setQueryData<ApiKey[]>(queryKeys.apiKeys, (list) =>
        list?.map((key) => (key.id === updated.id ? updated : key)),
      ),
  });
}

export function useDeleteApiKey() {
  const client = useApiClient();
  const invalidate = useInvalidateKeys();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(client.DELETE('/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}
