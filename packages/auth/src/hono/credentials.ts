import type { Context } from 'hono';

const bearerPattern = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** The token of an `Authorization: Bearer <token>` header, or undefined for any other header. */
export function readBearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (header === undefined) return undefined;
  return bearerPattern.exec(header)?.[1];
}

function nonEmptyHeader(c: Context, name: string): string | undefined {
  const value = c.req.header(name)?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The API key a client presented, from the headers real clients use: `Authorization: Bearer` (OpenAI
 * SDKs, Cursor, Codex), `x-api-key` (Anthropic SDKs, Claude Code), `api-key` (Azure-style clients).
 * Never from the query string: URLs end up in logs, proxies and browser history.
 */
export function readApiKey(c: Context): string | undefined {
  return readBearerToken(c) ?? nonEmptyHeader(c, 'x-api-key') ?? nonEmptyHeader(c, 'api-key');
}
