import { InvalidRequestError } from '../errors/invalid-request-error';
import { parseWithSchema } from '../errors/parse-with-schema';
import { openAIChatRequestSchema, type OpenAIChatRequest } from './request-schema';

/**
 * Validates a `POST /v1/chat/completions` body. Throws {@link InvalidRequestError} with the failing
 * path (e.g. `messages.2.content: expected string or array`), and rejects `n > 1`, which one
 * upstream answer cannot serve.
 */
export function parseOpenAIChatRequest(body: unknown): OpenAIChatRequest {
  const request = parseWithSchema(openAIChatRequestSchema, body);
  if (request.n != null && request.n > 1) {
    throw new InvalidRequestError({
      message: `n: only n=1 is supported, got ${request.n}. Send separate requests for more choices.`,
      param: 'n',
      code: 'unsupported_value',
    });
  }
  return request;
}
