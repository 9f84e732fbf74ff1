import { createContext, useContext } from 'react';

import type { AdminApiClient } from './api-client';

export const ApiClientContext = createContext<AdminApiClient | undefined>(undefined);

export function useApiClient(): AdminApiClient {
  const client = useContext(ApiClientContext);
  if (client === undefined) throw new Error('useApiClient needs an <ApiClientContext> provider.');
  return client;
}
