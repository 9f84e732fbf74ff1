import type { ErrorFault, ErrorKind } from './error-kind';
import { UpstreamProtocolError } from './upstream-protocol-error';

interface KindAndFault {
  kind: ErrorKind;
  fault: ErrorFault;
}

const anthropicTypeKinds: Readonly<Record<string, KindAndFault>> = {
  invalid_request_error: { kind: 'invalid_request', fault: 'client' },
  authentication_error: { kind: 'authentication', fault: 'account' },
  billing_error: { kind: 'permission', fault: 'account' },
  permission_error: { kind: 'permission', fault: 'account' },
  not_found_error: { kind: 'not_found', fault: 'client' },
  request_too_large: { kind: 'request_too_large', fault: 'client' },
  rate_limit_error: { kind: 'rate_limit', fault: 'account' },
  api_error: { kind: 'upstream', fault: 'upstream' },
  timeout_error: { kind: 'timeout', fault: 'upstream' },
  overloaded_error: { kind: 'overloaded', fault: 'upstream' },
};

const openAITypeKinds: Readonly<Record<string, KindAndFault>> = {
  invalid_request_error: { kind: 'invalid_request', fault: 'client' },
  authentication_error: { kind: 'authentication', fault: 'account' },
  permission_error: { kind: 'permission', fault: 'account' },
  not_found_error: { kind: 'not_found', fault: 'client' },
  rate_limit_error: { kind: 'rate_limit', fault: 'account' },
  insufficient_quota: { kind: 'rate_limit', fault: 'account' },
  server_error: { kind: 'upstream', fault: 'upstream' },
  timeout_error: { kind: 'timeout', fault: 'upstream' },
};

function kindFromStatus(status: number | undefined): KindAndFault {
  switch (status) {
    case 400:
    case 422:
      return { kind: 'invalid_request', fault: 'client' };
    case 401:
      return { kind: 'authentication', fault: 'account' };
    case 402:
    case 403:
      return { kind: 'permission', fault: 'account' };
    case 404:
      return { kind: 'not_found', fault: 'client' };
    case 413:
      return { kind: 'request_too_large', fault: 'client' };
    case 429:
      return { kind: 'rate_limit', fault: 'account' };
    case 503:
    case 529:
      return { kind: 'overloaded', fault: 'upstream' };
    case 408:
    case 504:
      return { kind: 'timeout', fault: 'upstream' };
    default:
      return { kind: 'upstream', fault: 'upstream' };
  }
}

function readErrorObject(body: unknown): Record<string, unknown> | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as Record<string, unknown>)['error'];
  return typeof error === 'object' && error !== null
    ? (error as Record<string, unknown>)
    : undefined;
}

function readString(record: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = record?.[key];
  return typeof value === 'string' ? value : undefined;
}

export interface ErrorFromBodyOptions {
  /** The HTTP status of the upstream response; mid-stream events have none. */
  status?: number;
  retryAfterSeconds?: number;
}

const contextOverflow = /prompt is too long|context length|context window|too many tokens/i;

/**
 * Rebuilds an Anthropic error body or stream `error` event (`{type:"error",error:{type,message}}`)
 * into an {@link UpstreamProtocolError} of the matching kind. Unknown shapes become `upstream` errors.
 */
export function errorFromAnthropicBody(
  body: unknown,
  options: ErrorFromBodyOptions = {},
): UpstreamProtocolError {
  const error = readErrorObject(body);
  const type = readString(error, 'type') ?? 'api_error';
  const message = readString(error, 'message') ?? 'The upstream reported an error.';
  const mapped = anthropicTypeKinds[type] ?? kindFromStatus(options.status);
  const code =
    contextOverflow.test(message) && mapped.kind === 'invalid_request'
      ? 'context_length_exceeded'
      : type;
  return new UpstreamProtocolError({
    ...mapped,
    code,
    message,
    protocol: 'anthropic',
    upstreamType: type,
    upstreamStatus: options.status,
    retryAfterSeconds: options.retryAfterSeconds,
    cause: body,
  });
}

/**
 * Rebuilds an OpenAI error body or mid-stream error chunk (`{error:{message,type,param,code}}`)
 * into an {@link UpstreamProtocolError} of the matching kind, keeping `code` and `param`.
 */
export function errorFromOpenAIBody(
  body: unknown,
  options: ErrorFromBodyOptions = {},
): UpstreamProtocolError {
  const error = readErrorObject(body);
  const type = readString(error, 'type') ?? 'server_error';
  const message = readString(error, 'message') ?? 'The upstream reported an error.';
  const code = readString(error, 'code');
  const byStatus = options.status === undefined ? undefined : kindFromStatus(options.status);
  const mapped =
    code === 'context_length_exceeded'
      ? { kind: 'invalid_request' as const, fault: 'client' as const }
      : (byStatus ?? openAITypeKinds[type] ?? kindFromStatus(undefined));
  return new UpstreamProtocolError({
    ...mapped,
    code: code ?? type,
    message,
    param: readString(error, 'param'),
    protocol: 'openai',
    upstreamType: type,
    upstreamStatus: options.status,
    retryAfterSeconds: options.retryAfterSeconds,
    cause: body,
  });
}
