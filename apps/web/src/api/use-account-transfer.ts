import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { unwrap } from './api-client';
import { useApiClient } from './api-client-context';
import { type DuplicatePolicy, type ImportResult } from './api-types';
import { queryKeys } from './query-keys';

/** Any import may create or update accounts, even when some entries fail. */
function useImportMutation<Input>(send: (input: Input) => Promise<{ results: ImportResult[] }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: Input) => (await send(input)).results,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.providers }),
    meta: { silent: true },
  });
}

/** Token files of any kind, as the browser read them; the server recognises and pairs them. */
export function useImportFiles() {
  const client = useApiClient();
  return useImportMutation(
    (body: { files: { name: string; content: string }[]; onDuplicate: DuplicatePolicy }) =>
      unwrap(client.POST('/providers/import-files', { body })),
  );
}

/** Token files on the server's own machine (Kiro IDE, kiro-cli, AWS SSO cache), without secrets. */
export function useLocalTokens() {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.localTokens,
    queryFn: () => unwrap(client.GET('/providers/local-tokens')),
    staleTime: 0,
    meta: { silent: true },
  });
}

export function useImportLocalTokens() {
  const client = useApiClient();
  return useImportMutation((body: { paths: string[]; onDuplicate: DuplicatePolicy }) =>
    unwrap(client.POST('/providers/local-tokens/import', { body })),
  );
}

export function useImportBundle() {
  const client = useApiClient();
  return useImportMutation(
    (body: { bundle: Record<string, unknown>; passphrase: string; onDuplicate: DuplicatePolicy }) =>
      unwrap(client.POST('/providers/import-bundle', { body })),
  );
}

/** The encrypted bundle of the chosen accounts (all when `ids` is absent). */
export function useExportAccounts() {
  const client = useApiClient();
  return useMutation({
    mutationFn: (body: { passphrase: string; ids?: string[] }) =>
      unwrap(client.POST('/providers/export', { body })),
    meta: { silent: true },
  });
}
