import { errors, request, type Dispatcher } from 'undici';

import { KiroNetworkError, KiroTimeoutError, KiroUnknownHostError } from '../errors/kiro-errors';

export interface HttpCallOptions {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string | undefined;
  dispatcher: Dispatcher;
  /** The caller's signal: aborting it closes the connection. */
  signal?: AbortSignal | undefined;
  /** Budget for the response headers. */
  headersTimeoutMs: number;
  /** Budget between body chunks; 0 disables it (the stream reader has its own watchdog). */
  bodyTimeoutMs: number;
}

export type HttpResponse = Dispatcher.ResponseData;

const networkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** The first error in the `cause` chain that carries a string `code`. */
function codedError(error: unknown): { code: string; hostname?: unknown } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return current as { code: string; hostname?: unknown };
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Maps a transport failure to the hierarchy. The caller's own abort is not an upstream failure:
 * it is rethrown as the signal's reason.
 */
export function transportError(
  error: unknown,
  options: { signal?: AbortSignal | undefined; headersTimeoutMs: number },
): unknown {
  if (options.signal?.aborted) {
    const reason: unknown = options.signal.reason;
    // Our own per-call budget (AbortSignal.timeout) ran out: an upstream timeout, not a caller abort.
    if (reason instanceof DOMException && reason.name === 'TimeoutError') {
      return new KiroTimeoutError({
        reason: 'first_byte_timeout',
        timeoutMs: options.headersTimeoutMs,
        message: 'The upstream did not answer in time.',
        cause: reason,
      });
    }
    return reason;
  }
  if (error instanceof errors.HeadersTimeoutError) {
    return new KiroTimeoutError({
      reason: 'first_byte_timeout',
      timeoutMs: options.headersTimeoutMs,
      cause: error,
    });
  }
  if (error instanceof errors.BodyTimeoutError) {
    return new KiroTimeoutError({ reason: 'idle_timeout', timeoutMs: 0, cause: error });
  }
  if (error instanceof errors.ConnectTimeoutError) {
    return new KiroNetworkError({
      code: 'kiro_connect_timeout',
      message: 'Timed out connecting to the upstream.',
      cause: error,
    });
  }
  const coded = codedError(error);
  const code = coded?.code;
  // "No such host" is an answer, not a blip (EAI_AGAIN, a resolver that could not answer, is).
  if (code === 'ENOTFOUND') {
    const host = typeof coded?.hostname === 'string' ? coded.hostname : undefined;
    return new KiroUnknownHostError({ host, cause: error });
  }
  if (
    code !== undefined &&
    (networkCodes.has(code) ||
      code.startsWith('UND_ERR') ||
      code.startsWith('ERR_TLS') ||
      code.startsWith('ERR_SSL'))
  ) {
    return new KiroNetworkError({ cause: error });
  }
  if (error instanceof Error && /socks5|proxy|tunnel|socket/i.test(error.message)) {
    return new KiroNetworkError({ cause: error });
  }
  return error;
}

/** Sends one HTTP request with undici; transport failures become typed errors. */
export async function httpCall(options: HttpCallOptions): Promise<HttpResponse> {
  try {
    return await request(options.url, {
      method: options.method,
      headers: options.headers,
      body: options.body,
      dispatcher: options.dispatcher,
      signal: options.signal,
      headersTimeout: options.headersTimeoutMs,
      bodyTimeout: options.bodyTimeoutMs,
    });
  } catch (error) {
    throw transportError(error, options);
  }
}

/** Reads a whole (small) body as text, at most `limit` bytes; the rest is discarded. */
export async function readText(
  response: HttpResponse,
  options: { signal?: AbortSignal | undefined; headersTimeoutMs: number; limit?: number },
): Promise<string> {
  const limit = options.limit ?? 1_000_000;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      if (size < limit) chunks.push(chunk.subarray(0, limit - size));
      size += chunk.byteLength;
    }
  } catch (error) {
    throw transportError(error, options);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface JsonCallResult {
  status: number;
  headers: HttpResponse['headers'];
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
}

/** One request/response exchange with a small JSON (or text) answer. */
export async function jsonCall(options: HttpCallOptions): Promise<JsonCallResult> {
  const response = await httpCall(options);
  const text = await readText(response, options);
  let json: unknown;
  try {
    json = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    json = undefined;
  }
  return { status: response.statusCode, headers: response.headers, text, json };
}
