import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { unwrap } from './api-client';
import { useApiClient } from './api-client-context';
import type { UserInput, UserPatch } from './api-types';
import { queryKeys } from './query-keys';

export function useUsers(options: { enabled?: boolean } = {}) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.users,
    queryFn: async () =>
      (await unwrap(client.GET('/users', { params: { query: { limit: 1000 } } }))).users,
    enabled: options.enabled ?? true,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.users });
}

export function useCreateUser() {
  const client = useApiClient();
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: async (body: UserInput) => (await unwrap(client.POST('/users', { body }))).user,
    onSuccess: invalidate,
    meta: { silent: true },
  });
}

export function useUpdateUser() {
  const client = useApiClient();
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: async (input: { id: string; patch: UserPatch }) =>
      (
        await unwrap(
          client.PUT('/users/{id}', { params: { path: { id: input.id } }, body: input.patch }),
        )
      ).user,
    onSuccess: invalidate,
  });
}

export function useDeleteUser() {
  const client = useApiClient();
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.DELETE('/users/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}
