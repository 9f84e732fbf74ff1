import { createRoute } from '@hono/zod-openapi';

import { errorResponses, idParamSchema, jsonContent, okSchema } from './schemas/common-schemas';

/** `DELETE {path}` of one record by its `{id}`, answering `{ ok: true }`. */
export function deleteByIdRoute<Path extends string>(options: { path: Path; summary: string }) {
  return createRoute({
    method: 'delete',
    path: options.path,
    summary: options.summary,
    request: { params: idParamSchema },
    responses: { 200: jsonContent(okSchema, 'Deleted'), ...errorResponses },
  });
}
