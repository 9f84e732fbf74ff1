import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { unwrap } from './api-client';
import { useApiClient } from './api-client-context';
import type { LogQuery, StatsQuery, UsageQuery } from './api-types';
import { queryKeys } from './query-keys';

/** Dashboard counts and series (admins). */
export function useStats(query: StatsQuery, options: { enabled?: boolean } = {}) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.stats(query),
    queryFn: () => unwrap(client.GET('/stats', { params: { query } })),
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** Usage totals by group; a non-admin gets their own keys only. */
export function useUsage(query: UsageQuery) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.usage(query),
    queryFn: () => unwrap(client.GET('/usage', { params: { query } })),
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** One page of the request log. */
export function useLogs(query: LogQuery) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.logs(query),
    queryFn: () => unwrap(client.GET('/logs', { params: { query } })),
    placeholderData: keepPreviousData,
    // New requests and their attempts show within seconds while the page is visible.
    refetchInterval: 3_000,
  });
}
