import { z } from '@hono/zod-openapi';

export const errorResponseSchema = z
  .object({ error: z.object({ message: z.string(), code: z.string() }) })
  .openapi('Error');

export const idParamSchema = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const okSchema = z.object({ ok: z.literal(true) }).openapi('Ok');

/** Standard error responses every admin route may give. */
export const errorResponses = {
  400: {
    description: 'Invalid request',
    content: { 'application/json': { schema: errorResponseSchema } },
  },
  401: {
    description: 'Not logged in',
    content: { 'application/json': { schema: errorResponseSchema } },
  },
  403: {
    description: 'Forbidden',
    content: { 'application/json': { schema: errorResponseSchema } },
  },
  404: {
    description: 'Not found',
    content: { 'application/json': { schema: errorResponseSchema } },
  },
} as const;

export function jsonContent<Schema extends z.ZodType>(schema: Schema, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<Schema extends z.ZodType>(schema: Schema) {
  return { body: { required: true, content: { 'application/json': { schema } } } };
}

/** Offset paging as query parameters (strings on the wire). */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
