import {
  parseAnthropicCountTokensRequest,
  parseAnthropicMessagesRequest,
} from '@octoproxy/converters';
import { assertModelAllowed } from '@octoproxy/auth';
import { Hono } from 'hono';

import { readJsonBody } from '../../http/read-json-body';
import { recordRejections } from '../../proxy/record-rejections';
import { resolveModel } from '../../models/resolve-model';
import { anthropicAdapter } from '../../proxy/anthropic-adapter';
import type { ProxyDeps } from '../../proxy/proxy-deps';
import type { ProxyEnv } from '../../proxy/proxy-env';
import { serveHubRequest } from '../../proxy/serve-hub-request';
import { countRequestTokens } from '../../tokens/count-request-tokens';

/**
 * The Anthropic Messages API: `POST /v1/messages` (any query string, e.g. Claude Code's `?beta=true`;
 * any `anthropic-beta` / `anthropic-version`) and `POST /v1/messages/count_tokens`.
 */
export function messagesRoutes(deps: ProxyDeps): Hono<ProxyEnv> {
  return (
    new Hono<ProxyEnv>()
      // `/v1/messages/*` also matches `/v1/messages` itself: one registration, one check per request.
      .use('/v1/messages/*', deps.apiKeyAuth, recordRejections(deps.recorder))
      .post('/v1/messages', async (c) => {
        const clientSignal = c.req.raw.signal;
        const request = parseAnthropicMessagesRequest(await readJsonBody(c));
        return serveHubRequest(c, deps, {
          route: '/v1/messages',
          adapter: anthropicAdapter(),
          request,
          stream: request.stream === true,
          requestedModel: request.model,
          clientSignal,
          maxOutputTokens: request.max_tokens,
        });
      })
      .post('/v1/messages/count_tokens', async (c) => {
        const request = parseAnthropicCountTokensRequest(await readJsonBody(c));
        const config = deps.settings.current;
        const { model } = resolveModel(request.model, {
          aliases: config.modelAliases,
          defaultModel: config.defaultModel,
          toUpstreamId: (name) => deps.models.toUpstreamId(name),
          available: deps.models.available(),
        });
        assertModelAllowed(c.get('apiKey').allowedModels, model);
        const raw = countRequestTokens(request, deps.tokenize);
        return c.json({ input_tokens: deps.calibration.apply(model, raw) });
      })
  );
}
