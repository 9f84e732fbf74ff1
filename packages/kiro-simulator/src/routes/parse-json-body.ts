import type { z } from 'zod';

import { jsonBodyOf, type Exchange } from '../http/exchange';
import { sendOAuthError } from '../http/responses';

/** Parses an OAuth-style JSON body; answers 400 `invalid_request` and returns undefined on failure. */
export function parseOAuthBody<T>(exchange: Exchange, schema: z.ZodType<T>): T | undefined {
  const parsed = schema.safeParse(jsonBodyOf(exchange));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  sendOAuthError(exchange, {
    status: 400,
    error: 'invalid_request',
    description: field === '' ? 'Invalid request body' : `Invalid or missing ${field}`,
  });
  return undefined;
}
