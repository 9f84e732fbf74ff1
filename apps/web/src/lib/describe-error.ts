import type { TFunction } from 'i18next';

import { ApiError } from '../api/api-error';

/** Codes the server sends whose meaning the UI can say in the user's language. */
const translatedCodes = [
  'invalid_credentials',
  'login_throttled',
  'weak_password',
  'password_change_required',
  'forbidden',
  'cross_site_request',
  'invalid_session',
  'session_expired',
  'missing_session',
  'not_found',
  'network_error',
] as const;
type TranslatedCode = (typeof translatedCodes)[number];

function isTranslatedCode(code: string): code is TranslatedCode {
  return (translatedCodes as readonly string[]).includes(code);
}

/**
 * One sentence for a failed call, in the user's language. Known codes get our wording; otherwise the
 * server's message (which names the bad field) is kept, prefixed by what kind of failure it was.
 */
export function describeError(error: unknown, t: TFunction): string {
  if (!ApiError.isInstance(error)) {
    return t('errors.unexpected', { message: error instanceof Error ? error.message : '' });
  }
  if (error.status === 429) {
    const seconds = error.retryAfterSeconds;
    return seconds === undefined
      ? t('errors.tooManyRequests')
      : t('errors.tooManyRequestsRetry', { count: seconds });
  }
  if (isTranslatedCode(error.code)) {
    if (error.code === 'weak_password')
      return t('errors.codes.weak_password', { detail: error.message });
    return t(`errors.codes.${error.code}`);
  }
  if (error.status === 401) return t('errors.unauthorized');
  if (error.status === 403) return t('errors.forbidden', { detail: error.message });
  if (error.status >= 500) return t('errors.server', { detail: error.message });
  return error.message;
}
