import { InvalidRequestError, OctoProxyError } from '@octoproxy/converters';

/** No route matches the method and path. */
export class RouteNotFoundError extends OctoProxyError {
  constructor(method: string, path: string) {
    super({
      kind: 'not_found',
      fault: 'client',
      code: 'not_found',
      message: `No route for ${method} ${path}.`,
    });
  }
}

/** The request body exceeds the configured limit. */
export class RequestTooLargeError extends OctoProxyError {
  constructor(limitBytes: number) {
    super({
      kind: 'request_too_large',
      fault: 'client',
      code: 'request_too_large',
      message: `Request body is larger than the limit of ${limitBytes} bytes.`,
    });
  }
}

/** The body is not JSON, or not a JSON object. */
export function malformedJsonError(detail: string): InvalidRequestError {
  return new InvalidRequestError({
    code: 'invalid_json',
    message: `The request body is not valid JSON: ${detail}`,
  });
}
