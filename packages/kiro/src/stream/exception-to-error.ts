import {
  KiroMalformedRequestError,
  KiroPromptTooLongError,
  KiroQuotaExhaustedError,
  KiroThrottledError,
  KiroAccountUnusableError,
  KiroUpstreamError,
} from '../errors/kiro-errors';
import type { KiroError } from '../errors/kiro-error';

/** Maps an in-stream exception frame (other than ContentLengthExceeded) to a typed error. */
export function exceptionToError(options: {
  exceptionType: string;
  message: string;
  promptTokens: number;
  contextWindowTokens: number;
}): KiroError | KiroPromptTooLongError {
  const upstream = { reason: options.exceptionType, message: options.message || undefined };
  const type = options.exceptionType.replace(/^.*#/, '');
  if (/throttl/i.test(type)) {
    return new KiroThrottledError({
      reason: /capacity|high traffic|high load/i.test(options.message)
        ? 'model_overloaded'
        : 'throttled',
      suspiciousActivity: /suspicious activity/i.test(options.message),
      upstream,
    });
  }
  if (/quota/i.test(type)) return new KiroQuotaExhaustedError({ upstream });
  if (/validation/i.test(type)) {
    if (/too long|content length/i.test(options.message)) {
      return new KiroPromptTooLongError({
        promptTokens: options.promptTokens,
        maxTokens: options.contextWindowTokens,
        upstream,
      });
    }
    return new KiroMalformedRequestError({ upstream });
  }
  if (/accessdenied/i.test(type))
    return new KiroAccountUnusableError({ reason: 'forbidden', upstream });
  return new KiroUpstreamError({
    reason: 'upstream_5xx',
    message: 'The upstream failed while answering.',
    upstream,
  });
}
