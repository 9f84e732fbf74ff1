import { InvalidRequestError } from '../errors/invalid-request-error';
import { parseWithSchema } from '../errors/parse-with-schema';
import { responsesRequestSchema, type ResponsesRequest } from './request-schema';

const stateless =
  'This gateway does not store responses; send the whole conversation in input (with store: false).';

/** Fields that only make sense with server-side state, which a stateless gateway cannot honour. */
const statefulFields = ['previous_response_id', 'conversation', 'prompt'] as const;

/**
 * Validates a `POST /v1/responses` body. Throws {@link InvalidRequestError} with the failing path, and
 * a clear 400 for what needs stored responses (`previous_response_id`, `conversation`, stored `prompt`
 * templates, `item_reference` items, `background` mode): clients such as Codex send `store: false` and
 * the full history, which is what the gateway serves.
 */
export function parseResponsesRequest(body: unknown): ResponsesRequest {
  const request = parseWithSchema(responsesRequestSchema, body);
  for (const field of statefulFields) {
    if (request[field] != null) {
      throw new InvalidRequestError({
        message: `${field} is not supported. ${stateless}`,
        param: field,
        code: 'unsupported_parameter',
      });
    }
  }
  if (request.background === true) {
    throw new InvalidRequestError({
      message: 'background mode is not supported: it needs stored responses. Use stream instead.',
      param: 'background',
      code: 'unsupported_parameter',
    });
  }
  if (Array.isArray(request.input)) {
    const index = request.input.findIndex((item) => item.type === 'item_reference');
    if (index >= 0) {
      throw new InvalidRequestError({
        message: `input.${index}: item_reference is not supported. ${stateless}`,
        param: `input.${index}`,
        code: 'unsupported_parameter',
      });
    }
  }
  return request;
}
