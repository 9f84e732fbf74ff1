import type { ErrorKind } from './error-kind';

/** Anthropic `error.type` values (docs.claude.com/en/api/errors). */
export type AnthropicErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'billing_error'
  | 'permission_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'api_error'
  | 'timeout_error'
  | 'overloaded_error';

/** OpenAI `error.type` values as the official API and SDKs use them. */
export type OpenAIErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'server_error'
  | 'timeout_error';

export interface ProtocolErrorMapping {
  anthropic: { status: number; type: AnthropicErrorType };
  openai: { status: number; type: OpenAIErrorType };
}

/**
 * The one table that maps an error kind to HTTP statuses and protocol error types.
 * Anthropic reports capacity problems as 529 `overloaded_error`; OpenAI clients expect 503.
 */
export const errorKindTable: Readonly<Record<ErrorKind, ProtocolErrorMapping>> = {
  invalid_request: {
    anthropic: { status: 400, type: 'invalid_request_error' },
    openai: { status: 400, type: 'invalid_request_error' },
  },
  authentication: {
    anthropic: { status: 401, type: 'authentication_error' },
    openai: { status: 401, type: 'authentication_error' },
  },
  permission: {
    anthropic: { status: 403, type: 'permission_error' },
    openai: { status: 403, type: 'permission_error' },
  },
  not_found: {
    anthropic: { status: 404, type: 'not_found_error' },
    openai: { status: 404, type: 'not_found_error' },
  },
  request_too_large: {
    anthropic: { status: 413, type: 'request_too_large' },
    openai: { status: 413, type: 'invalid_request_error' },
  },
  rate_limit: {
    anthropic: { status: 429, type: 'rate_limit_error' },
    openai: { status: 429, type: 'rate_limit_error' },
  },
  upstream: {
    anthropic: { status: 502, type: 'api_error' },
    openai: { status: 502, type: 'server_error' },
  },
  overloaded: {
    anthropic: { status: 529, type: 'overloaded_error' },
    openai: { status: 503, type: 'server_error' },
  },
  timeout: {
    anthropic: { status: 504, type: 'timeout_error' },
    openai: { status: 504, type: 'timeout_error' },
  },
  internal: {
    anthropic: { status: 500, type: 'api_error' },
    openai: { status: 500, type: 'server_error' },
  },
};
