import { InternalError } from '@octoproxy/converters';
import type { MiddlewareHandler } from 'hono';

import { clientInfo } from '../http/client-info';
import type { ProxyEnv } from './proxy-env';
import type { RequestRecorder } from './request-recorder';

/**
 * Logs proxy requests that failed before an upstream exchange began (invalid body, unknown model,
 * model not allowed, image refused…), so every authenticated request appears in the request log.
 * Mount it after API-key auth; the exchange records everything else itself.
 */
export function recordRejections(recorder: RequestRecorder): MiddlewareHandler<ProxyEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    if (c.get('exchangeStarted') === true || c.error === undefined) return;
    const client = clientInfo(c);
    const code = (c.error as { code?: unknown }).code;
    const kind = (c.error as { kind?: unknown }).kind;
    const apiKey = c.get('apiKey');
    recorder.record({
      at: new Date(),
      requestId: c.get('requestId'),
      route: c.req.path,
      apiKeyId: apiKey.id,
      userId: apiKey.ownerId || undefined,
      accountId: undefined,
      modelRequested: undefined,
      modelSent: undefined,
      stream: false,
      status: c.res.status,
      errorKind: typeof kind === 'string' ? kind : 'internal',
      errorCode: typeof code === 'string' ? code : undefined,
      errorMessage: InternalError.from(c.error).message,
      inputTokens: 0,
      outputTokens: 0,
      latencyMs: Math.round(performance.now() - started),
      firstByteMs: undefined,
      attempts: 0,
      attemptLog: [],
      adaptations: [],
      credits: undefined,
      clientIp: client.ip,
      userAgent: client.userAgent,
    });
  };
}
