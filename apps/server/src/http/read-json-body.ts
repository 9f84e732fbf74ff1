import type { Context } from 'hono';
import { InvalidRequestError } from '@octoproxy/converters';
import type { z } from 'zod';

import { malformedJsonError } from './http-errors';

/** Reads the body as a JSON object; anything else is a 400 in the caller's shape. */
export async function readJsonBody(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') throw malformedJsonError('the body is empty');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw malformedJsonError((error as Error).message);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw malformedJsonError('expected a JSON object');
  }
  return value as Record<string, unknown>;
}

/** Validates a parsed body; the message names the first offending field. */
export function parseBody<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
): z.infer<Schema> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  throw new InvalidRequestError({
    message: path ? `${path}: ${issue?.message ?? 'invalid'}` : (issue?.message ?? 'Invalid body.'),
    param: path || undefined,
  });
}
