import createClient, { type Client } from 'openapi-fetch';

import { ApiError } from './api-error';
import type { paths } from './schema';

export type AdminApiClient = Client<paths>;

/**
 * The typed admin API client. The session travels in the HttpOnly cookie (same origin), so no token
 * is ever stored by the page. `fetch` is looked up per call so tests can intercept it.
 */
export function createAdminApiClient(
  options: { baseUrl?: string; fetch?: typeof fetch } = {},
): AdminApiClient {
  const fetchImpl = options.fetch ?? ((input: Request) => globalThis.fetch(input));
  return createClient<paths>({
    baseUrl: options.baseUrl ?? `${window.location.origin}/api`,
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
    fetch: async (request: Request) => {
      try {
        return await fetchImpl(request);
      } catch (error) {
        throw ApiError.network(error);
      }
    },
  });
}

interface FetchResult<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/** The body of a successful call, or an {@link ApiError} with the server's message and code. */
export async function unwrap<Data>(call: Promise<FetchResult<Data>>): Promise<Data> {
  const { data, error, response } = await call;
  if (!response.ok) throw ApiError.fromResponse(response, error);
  if (data === undefined) {
    throw new ApiError({
      status: response.status,
      code: 'empty_response',
      message: 'The server sent an empty response.',
    });
  }
  return data;
}
