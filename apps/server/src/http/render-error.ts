import { InternalError, toAnthropicError, toOpenAIError } from '@octoproxy/converters';
import { errorKindTable } from '@octoproxy/converters';

import type { CallerProtocol } from './app-env';

export interface AdminErrorBody {
  error: { message: string; code: string };
}

export interface RenderedHttpError {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Retry hints the official SDKs honour: never retry client faults, do retry capacity problems. */
function shouldRetryHeader(status: number): Record<string, string> {
  if (status === 408 || status === 409 || status === 429 || status >= 500) return {};
  return { 'x-should-retry': 'false' };
}

/** The one place an error becomes an HTTP response, in the caller's protocol. */
export function renderError(
  thrown: unknown,
  options: { protocol: CallerProtocol; requestId: string },
): RenderedHttpError {
  switch (options.protocol) {
    case 'anthropic': {
      const rendered = toAnthropicError(thrown, { requestId: options.requestId });
      return {
        ...rendered,
        headers: { ...rendered.headers, ...shouldRetryHeader(rendered.status) },
      };
    }
    case 'openai': {
      const rendered = toOpenAIError(thrown);
      return {
        ...rendered,
        headers: { ...rendered.headers, ...shouldRetryHeader(rendered.status) },
      };
    }
    case 'admin': {
      const error = InternalError.from(thrown);
      const status = errorKindTable[error.kind].openai.status;
      const body: AdminErrorBody = { error: { message: error.message, code: error.code } };
      const headers: Record<string, string> = {};
      if (error.retryAfterSeconds !== undefined) {
        headers['retry-after'] = String(Math.max(0, Math.ceil(error.retryAfterSeconds)));
      }
      return { status, headers, body };
    }
  }
}
