import { errorKindTable, type AnthropicErrorType, type OpenAIErrorType } from './error-kind-table';
import { InternalError } from './internal-error';
import type { OctoProxyError } from './octoproxy-error';
import { UpstreamProtocolError } from './upstream-protocol-error';

/** Anthropic error body: `{type:"error", error:{type, message}}`, also the stream `error` event. */
export interface AnthropicErrorBody {
  type: 'error';
  error: { type: AnthropicErrorType; message: string };
  request_id?: string;
}

/** OpenAI error body: `{error:{message, type, param, code}}`, also the mid-stream error chunk. */
export interface OpenAIErrorBody {
  error: { message: string; type: OpenAIErrorType; param: string | null; code: string | null };
}

/** An error rendered for one protocol: the HTTP status, the headers that go with it and the body. */
export interface RenderedError<Body> {
  status: number;
  headers: Record<string, string>;
  body: Body;
}

function retryHeaders(retryAfterSeconds: number | undefined): Record<string, string> {
  if (retryAfterSeconds === undefined) return {};
  return { 'retry-after': String(Math.max(0, Math.ceil(retryAfterSeconds))) };
}

const anthropicTypes: ReadonlySet<string> = new Set<AnthropicErrorType>([
  'invalid_request_error',
  'authentication_error',
  'billing_error',
  'permission_error',
  'not_found_error',
  'request_too_large',
  'rate_limit_error',
  'api_error',
  'timeout_error',
  'overloaded_error',
]);

const openAITypes: ReadonlySet<string> = new Set<OpenAIErrorType>([
  'invalid_request_error',
  'authentication_error',
  'permission_error',
  'not_found_error',
  'rate_limit_error',
  'server_error',
  'timeout_error',
]);

/** An error an upstream wrote in the same protocol keeps its own type (e.g. `billing_error`). */
function anthropicMappingFor(error: OctoProxyError): { status: number; type: AnthropicErrorType } {
  const mapping = errorKindTable[error.kind].anthropic;
  if (
    UpstreamProtocolError.isUpstreamProtocolError(error) &&
    error.protocol === 'anthropic' &&
    anthropicTypes.has(error.upstreamType)
  ) {
    const type = error.upstreamType as AnthropicErrorType;
    return { status: type === 'billing_error' ? 402 : mapping.status, type };
  }
  return mapping;
}

function openAIMappingFor(error: OctoProxyError): { status: number; type: OpenAIErrorType } {
  const mapping = errorKindTable[error.kind].openai;
  if (
    UpstreamProtocolError.isUpstreamProtocolError(error) &&
    error.protocol === 'openai' &&
    openAITypes.has(error.upstreamType)
  ) {
    return { status: mapping.status, type: error.upstreamType as OpenAIErrorType };
  }
  return mapping;
}

/** Renders any thrown value as an Anthropic error; unknown errors become a generic `api_error`. */
export function toAnthropicError(
  thrown: unknown,
  options: { requestId?: string } = {},
): RenderedError<AnthropicErrorBody> {
  const error = InternalError.from(thrown);
  const mapping = anthropicMappingFor(error);
  const body: AnthropicErrorBody = {
    type: 'error',
    error: { type: mapping.type, message: error.message },
  };
  if (options.requestId !== undefined) body.request_id = options.requestId;
  return { status: mapping.status, headers: retryHeaders(error.retryAfterSeconds), body };
}

/** Renders any thrown value as an OpenAI error; unknown errors become a generic `server_error`. */
export function toOpenAIError(thrown: unknown): RenderedError<OpenAIErrorBody> {
  const error = InternalError.from(thrown);
  const mapping = openAIMappingFor(error);
  return {
    status: mapping.status,
    headers: retryHeaders(error.retryAfterSeconds),
    body: {
      error: {
        message: error.message,
        type: mapping.type,
        param: error.param ?? null,
        code: error.code,
      },
    },
  };
}
