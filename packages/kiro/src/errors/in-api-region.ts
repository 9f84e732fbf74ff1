import { KiroUnknownHostError } from './kiro-errors';

/**
 * Runs a call to the account's API host. A host that does not resolve there means the account's API
 * region has no Kiro endpoint: the error says so, naming the region.
 */
export async function inApiRegion<T>(apiRegion: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof KiroUnknownHostError && error.apiRegion === undefined) {
      throw new KiroUnknownHostError({ host: error.host, apiRegion, cause: error.cause });
    }
    throw error;
  }
}
