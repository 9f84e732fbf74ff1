import { OctoProxyError } from '@octoproxy/converters';

/** Why a caller could not be identified. Stable codes; sent as OpenAI `error.code`. */
export type AuthenticationErrorCode =
  | 'missing_api_key'
  | 'invalid_api_key'
  | 'api_key_disabled'
  | 'api_key_expired'
  | 'missing_session'
  | 'invalid_session'
  | 'session_expired'
  | 'invalid_credentials';

/** The caller is not authenticated (HTTP 401). Messages never echo the presented secret. */
export class AuthenticationError extends OctoProxyError {
  declare readonly code: AuthenticationErrorCode;

  constructor(options: { code: AuthenticationErrorCode; message: string }) {
    super({
      kind: 'authentication',
      fault: 'client',
      code: options.code,
      message: options.message,
    });
  }
}
