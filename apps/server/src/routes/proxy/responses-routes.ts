import { convertResponsesRequestToAnthropic, parseResponsesRequest } from '@octoproxy/converters';
import { Hono } from 'hono';

import { readJsonBody } from '../../http/read-json-body';
import type { ProxyDeps } from '../../proxy/proxy-deps';
import type { ProxyEnv } from '../../proxy/proxy-env';
import { recordRejections } from '../../proxy/record-rejections';
import { responsesAdapter } from '../../proxy/responses-adapter';
import { serveHubRequest } from '../../proxy/serve-hub-request';

/**
 * The OpenAI Responses API, `POST /v1/responses` (what Codex CLI speaks), translated to the hub
 * format. Stateless: clients send the whole history (`store: false`); `previous_response_id` is a 400.
 * `prompt_cache_key` (Codex's thread id) keeps a conversation on one account.
 */
export function responsesRoutes(deps: ProxyDeps): Hono<ProxyEnv> {
  return new Hono<ProxyEnv>()
    .use('/v1/responses', deps.apiKeyAuth, recordRejections(deps.recorder))
    .post('/v1/responses', async (c) => {
      const clientSignal = c.req.raw.signal;
      const parsed = parseResponsesRequest(await readJsonBody(c));
      const converted = convertResponsesRequestToAnthropic(parsed);
      return serveHubRequest(c, deps, {
        route: '/v1/responses',
        adapter: responsesAdapter(converted.responseOptions),
        request: converted.request,
        stream: parsed.stream === true,
        requestedModel: parsed.model,
        clientSignal,
        warnings: converted.warnings,
        adaptations: converted.adaptations,
        maxOutputTokens: parsed.max_output_tokens ?? undefined,
        promptCacheKey: parsed.prompt_cache_key ?? undefined,
      });
    });
}
