import type { z } from 'zod';

import { jsonBodyOf, type Exchange } from '../http/exchange';
import { sendOAuthError } from '../http/responses';

/** Parses an OAuth-style JSON body; answers 400 `invalid_request` and returns undefined on failure. */
export function parseOAuthBody<T>(exchange: Exchange, schema: z.ZodType<T>): T | undefined {
  return parseOAuthInput(exchange, schema, { input: jsonBodyOf(exchange), name: 'request body' });
}

/** Parses the query of a browser sign-in page; answers as {@link parseOAuthBody} does. */
export function parseOAuthQuery<T>(exchange: Exchange, schema: z.ZodType<T>): T | undefined {
  const query = Object.fromEntries(exchange.url.searchParams);
  return parseOAuthInput(exchange, schema, { input: query, name: 'query' });
}

function parseOAuthInput<T>(
  exchange: Exchange,
  schema: z.ZodType<T>,
  source: { input: unknown; name: string },
): T | undefined {
  const parsed = schema.safeParse(source.input);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path.join('.') ?? '';
  sendOAuthError(exchange, {
    status: 400,
    error: 'invalid_request',
    description: field === '' ? `Invalid ${source.name}` : `Invalid or missing ${field}`,
  });
  return undefined;
}
