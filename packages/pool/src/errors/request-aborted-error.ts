import { OctoProxyError } from '@octoproxy/converters/errors';

/** The caller aborted the request (client disconnect). Nobody reads the response; no account is blamed. */
export class RequestAbortedError extends OctoProxyError {
  constructor(options: { cause?: unknown } = {}) {
    super({
      kind: 'invalid_request',
      fault: 'client',
      code: 'request_aborted',
      message: 'The request was aborted by the client.',
      cause: options.cause,
    });
  }
}
