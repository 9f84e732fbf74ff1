import { OctoProxyError } from './octoproxy-error';

/** The client sent something we cannot serve: a schema violation or an impossible combination. */
export class InvalidRequestError extends OctoProxyError {
  constructor(options: { message: string; code?: string; param?: string; cause?: unknown }) {
    super({
      kind: 'invalid_request',
      fault: 'client',
      code: options.code ?? 'invalid_request',
      message: options.message,
      param: options.param,
      cause: options.cause,
    });
  }
}
