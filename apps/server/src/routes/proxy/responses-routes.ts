import { convertResponsesRequestToAnthropic, parseResponsesRequest } from '@octoproxy/converters';
import { Hono } from 'hono';

import { readJsonBody } from '../../http/read-json-body';
import { prepareRequest } from '../../proxy/prepare-request';
import type { ProxyDeps } from '../../proxy/proxy-deps';
import type { ProxyEnv } from '../../proxy/proxy-env';
import { recordRejections } from '../../proxy/record-rejections';
import { responsesAdapter } from '../../proxy/responses-adapter';
import { routingKeys } from '../../proxy/routing-keys';
import { runExchange } from '../../proxy/run-exchange';

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
      if (converted.warnings.length > 0) {
        c.get('log').debug({ warnings: converted.warnings }, 'request adjusted in translation');
      }
      const apiKey = c.get('apiKey');
      const prepared = await prepareRequest(converted.request, {
        deps,
        allowedModels: apiKey.allowedModels,
        signal: clientSignal,
        log: c.get('log'),
      });
      return runExchange(c, deps, {
        route: '/v1/responses',
        adapter: responsesAdapter(converted.responseOptions),
        request: prepared.request,
        stream: parsed.stream === true,
        requestedModel: parsed.model,
        estimate: prepared.estimate,
        ...routingKeys(prepared.request, {
          headers: c.req.raw.headers,
          promptCacheKey: parsed.prompt_cache_key ?? undefined,
        }),
        apiKeyId: apiKey.id,
        userId: apiKey.ownerId || undefined,
        clientSignal,
      });
    });
}
