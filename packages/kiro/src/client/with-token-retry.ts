import type { KiroAccount } from '../account';
import { isBearerTokenRejection } from '../errors/classify-http-error';
import type { ClientContext } from './client-context';

/** A non-2xx answer: what classification needs. */
export interface FailedAttempt {
  status: number;
  bodyText: string;
  retryAfter?: string | undefined;
}

/**
 * Runs an authenticated call; when Kiro rejects the bearer token, refreshes once (single-flight)
 * and runs it once more. `send` reports the status and body text of a failed attempt.
 */
export async function withTokenRetry<T>(options: {
  context: ClientContext;
  account: KiroAccount;
  signal?: AbortSignal | undefined;
  send: (accessToken: string, attempt: number) => Promise<{ result: T } | FailedAttempt>;
}): Promise<{ result: T } | FailedAttempt> {
  const { context, account, signal } = options;
  const token = await context.tokens.getAccessToken(account, { signal });
  const first = await options.send(token, 1);
  if ('result' in first) return first;
  if (account.authMethod === 'api-key' || !isBearerTokenRejection(first.status, first.bodyText)) {
    return first;
  }
  const refreshed = await context.tokens.forceRefresh(account, { rejectedToken: token, signal });
  return options.send(refreshed, 2);
}
