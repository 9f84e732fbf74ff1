import { OctoProxyError } from '@octoproxy/converters/errors';

/** A settings update was rejected; the previous settings stay in force. */
export class InvalidSettingsError extends OctoProxyError {
  constructor(options: { message: string; cause?: unknown }) {
    super({
      kind: 'invalid_request',
      fault: 'client',
      code: 'invalid_pool_settings',
      message: options.message,
      cause: options.cause,
    });
  }
}
