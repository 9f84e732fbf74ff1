import { useMemo } from 'react';

import { useProviders } from '../api/use-providers';
import { useSession } from '../auth/use-session';

/** Models every current Kiro plan serves; the accounts' own entitlements are added when known. */
const commonModels = [
  'claude-sonnet-4.5',
  'claude-opus-4.5',
  'claude-haiku-4.5',
  'claude-sonnet-4',
  'claude-3.7-sonnet',
];

/** Options for "allowed models" pickers (free text is accepted as well). */
export function useModelSuggestions(
  options: { enabled?: boolean } = {},
): { label: string; value: string }[] {
  const { user } = useSession();
  const providers = useProviders({ enabled: (options.enabled ?? true) && user?.role === 'admin' });
  return useMemo(() => {
    const ids = new Set(commonModels);
    for (const provider of providers.data ?? []) {
      for (const id of provider.entitlements ?? []) ids.add(id);
    }
    return [...ids].sort().map((id) => ({ label: id, value: id }));
  }, [providers.data]);
}
