import type { CallerProtocol } from './app-env';

/**
 * Decides which protocol's error shape a request gets: Anthropic on `/v1/messages*`, OpenAI on the rest
 * of `/v1/*` unless the caller sends `anthropic-version` (Anthropic SDKs always do), plain JSON elsewhere.
 */
export function callerProtocol(path: string, headers: Headers): CallerProtocol {
  if (path === '/v1/messages' || path.startsWith('/v1/messages/')) return 'anthropic';
  if (path === '/v1' || path.startsWith('/v1/')) {
    return headers.has('anthropic-version') ? 'anthropic' : 'openai';
  }
  return 'admin';
}
