import { InternalError } from '../errors/internal-error';
import type { UpstreamProtocolError } from '../errors/upstream-protocol-error';
import { errorFromOpenAIBody } from '../errors/error-from-protocol-body';
import type { ResponsesError } from '../responses/response';

/**
 * Any thrown value as the `error` of a failed `Response`. Codes follow OpenAI's, because clients act
 * on them: Codex stops on `context_length_exceeded`, and on `rate_limit_exceeded` waits for the
 * "try again in Ns" the message carries before retrying; anything else it retries at once.
 */
export function toResponsesError(thrown: unknown): ResponsesError {
  const error = InternalError.from(thrown);
  if (error.code === 'context_length_exceeded')
    return { code: 'context_length_exceeded', message: error.message };
  switch (error.kind) {
    case 'rate_limit': {
      const wait =
        error.retryAfterSeconds === undefined
          ? ''
          : ` Please try again in ${Math.max(1, Math.ceil(error.retryAfterSeconds))}s.`;
      return { code: 'rate_limit_exceeded', message: `${error.message}${wait}` };
    }
    case 'invalid_request':
    case 'request_too_large':
      return { code: 'invalid_prompt', message: error.message };
    case 'overloaded':
      return { code: 'server_is_overloaded', message: error.message };
    case 'authentication':
    case 'permission':
    case 'not_found':
    case 'upstream':
    case 'timeout':
    case 'internal':
      return { code: 'server_error', message: error.message };
  }
}

/** OpenAI error type and HTTP status for the codes {@link toResponsesError} writes. */
const codeMeaning: Readonly<Record<string, { type: string; status: number }>> = {
  context_length_exceeded: { type: 'invalid_request_error', status: 400 },
  invalid_prompt: { type: 'invalid_request_error', status: 400 },
  rate_limit_exceeded: { type: 'rate_limit_error', status: 429 },
  server_is_overloaded: { type: 'server_error', status: 503 },
};

/** The error a failed `Response` reports, back in the hierarchy (the reverse of {@link toResponsesError}). */
export function errorFromResponsesError(error: ResponsesError | null): UpstreamProtocolError {
  const code = error?.code ?? 'server_error';
  const meaning = codeMeaning[code] ?? { type: 'server_error', status: 502 };
  return errorFromOpenAIBody(
    { error: { message: error?.message ?? 'The response failed.', type: meaning.type, code } },
    { status: meaning.status },
  );
}
