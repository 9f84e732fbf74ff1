import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { unwrap } from './api-client';
import { useApiClient } from './api-client-context';
import { type SignInInput, type SignInSession } from './api-types';
import { queryKeys } from './query-keys';

/** How often the page asks the server about a running sign-in (the server paces Kiro itself). */
export const signInPollMs = 1500;

/** Whether a social login can finish on this server by itself or needs the address pasted back. */
export function useSignInCapabilities() {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.signInCapabilities,
    queryFn: () => unwrap(client.GET('/sign-in/capabilities')),
    staleTime: Infinity,
    meta: { silent: true },
  });
}

/** Puts a fresh copy of a session in the cache (every sign-in call answers with one). */
function useStoreSession() {
  const queryClient = useQueryClient();
  return (session: SignInSession) => {
    queryClient.setQueryData(queryKeys.signIn(session.id), session);
    if (session.status === 'completed') {
      void queryClient.invalidateQueries({ queryKey: queryKeys.providers });
    }
    return session;
  };
}

export function useStartSignIn() {
  const client = useApiClient();
  const store = useStoreSession();
  return useMutation({
    mutationFn: async (body: SignInInput) =>
      store((await unwrap(client.POST('/sign-in', { body }))).session),
    meta: { silent: true },
  });
}

/** One sign-in, polled while it waits for the user or for Kiro; still once it has ended. */
export function useSignInSession(id: string | undefined) {
  const client = useApiClient();
  const store = useStoreSession();
  return useQuery({
    queryKey: queryKeys.signIn(id ?? ''),
    queryFn: async () =>
      store(
        (await unwrap(client.GET('/sign-in/{id}', { params: { path: { id: id ?? '' } } }))).session,
      ),
    enabled: id !== undefined,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? signInPollMs : false),
  });
}

/** Paste-back: the address the browser landed on after signing in. */
export function useFinishSignIn() {
  const client = useApiClient();
  const store = useStoreSession();
  return useMutation({
    mutationFn: async (input: { id: string; url: string }) =>
      store(
        (
          await unwrap(
            client.POST('/sign-in/{id}/callback', {
              params: { path: { id: input.id } },
              body: { url: input.url },
            }),
          )
        ).session,
      ),
    meta: { silent: true },
  });
}

export function useCancelSignIn() {
  const client = useApiClient();
  const store = useStoreSession();
  return useMutation({
    mutationFn: async (id: string) =>
      store(
        (await unwrap(client.POST('/sign-in/{id}/cancel', { params: { path: { id } } }))).session,
      ),
  });
}

/** The admin's answer when a sign-in matches an account that already exists. */
export function useResolveSignIn() {
  const client = useApiClient();
  const store = useStoreSession();
  return useMutation({
    mutationFn: async (input: { id: string; action: 'update' | 'create' | 'discard' }) =>
      store(
        (
          await unwrap(
            client.POST('/sign-in/{id}/resolve', {
              params: { path: { id: input.id } },
              body: { action: input.action },
            }),
          )
        ).session,
      ),
    meta: { silent: true },
  });
}
