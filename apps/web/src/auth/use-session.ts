import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { unwrap } from '../api/api-client';
import { useApiClient } from '../api/api-client-context';
import { ApiError } from '../api/api-error';
import type { LoginResult, User } from '../api/api-types';
import { queryKeys } from '../api/query-keys';

/** The logged-in user, `null` when nobody is, `undefined` while loading. */
export function useSession(): { user: User | null | undefined; isLoading: boolean } {
  const client = useApiClient();
  const query = useQuery({
    queryKey: queryKeys.session,
    queryFn: async (): Promise<User | null> => {
      try {
        return (await unwrap(client.GET('/me'))).user;
      } catch (error) {
        if (ApiError.isInstance(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
    meta: { silent: true },
  });
  return { user: query.isError ? null : query.data, isLoading: query.isPending };
}

/** The current user; only for components rendered behind the session gate. */
export function useCurrentUser(): User {
  const { user } = useSession();
  if (user == null) throw new Error('useCurrentUser outside the session gate.');
  return user;
}

function useStoreSession() {
  const queryClient = useQueryClient();
  return (result: LoginResult) => {
    // A new session: nothing cached under the previous one may leak into it.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
    const user: User = { ...result.user, mustChangePassword: result.mustChangePassword };
    queryClient.setQueryData<User | null>(queryKeys.session, user);
  };
}

export function useLogin() {
  const client = useApiClient();
  const storeSession = useStoreSession();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      unwrap(client.POST('/login', { body })),
    onSuccess: storeSession,
    meta: { silent: true },
  });
}

export function useChangePassword() {
  const client = useApiClient();
  const storeSession = useStoreSession();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      unwrap(client.POST('/me/password', { body })),
    onSuccess: storeSession,
    meta: { silent: true },
  });
}

export function useLogout() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.POST('/logout')),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData<User | null>(queryKeys.session, null);
    },
    meta: { silent: true },
  });
}
