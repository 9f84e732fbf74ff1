/** A failed admin API call: the HTTP status and the server's `{error:{message, code}}`. */
export class ApiError extends Error {
  override name = 'ApiError';
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** The server's stable error code (e.g. `invalid_credentials`), or a client-side one. */
  readonly code: string;
  /** Seconds to wait, from `Retry-After` on a 429. */
  readonly retryAfterSeconds: number | undefined;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    retryAfterSeconds?: number | undefined;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.status = options.status;
    this.code = options.code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  static isInstance(value: unknown): value is ApiError {
    return value instanceof ApiError;
  }

  /** Builds the error from a non-2xx response and its parsed body (whatever shape it has). */
  static fromResponse(response: Response, body: unknown): ApiError {
    const serverError = readServerError(body);
    return new ApiError({
      status: response.status,
      code: serverError?.code ?? `http_${response.status}`,
      message: serverError?.message ?? (response.statusText || `HTTP ${response.status}`),
      retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
    });
  }

  static network(cause: unknown): ApiError {
    return new ApiError({
      status: 0,
      code: 'network_error',
      message: cause instanceof Error ? cause.message : 'The server could not be reached.',
      cause,
    });
  }
}

function readServerError(body: unknown): { message: string; code: string } | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const { error } = body;
  if (typeof error === 'string') return { message: error, code: 'error' };
  if (typeof error !== 'object' || error === null) return undefined;
  const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
  const code = 'code' in error && typeof error.code === 'string' ? error.code : 'error';
  return message === '' ? undefined : { message, code };
}

/** `Retry-After` is either delay-seconds or an HTTP date. */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
