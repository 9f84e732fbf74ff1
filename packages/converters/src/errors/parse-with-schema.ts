import type { z } from 'zod';

import { InvalidRequestError } from './invalid-request-error';
import { invalidRequestFromZodError } from './invalid-request-from-zod';

/**
 * Validates a client request body with a zod schema; failures become an {@link InvalidRequestError}
 * naming the offending path. A body that is not a JSON object gets its own clear message.
 */
export function parseWithSchema<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
): z.infer<Schema> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidRequestError({ message: 'The request body must be a JSON object.' });
  }
  const result = schema.safeParse(body);
  if (!result.success) throw invalidRequestFromZodError(result.error);
  return result.data;
}
