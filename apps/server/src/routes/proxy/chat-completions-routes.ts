import { convertOpenAIRequestToAnthropic, parseOpenAIChatRequest } from '@octoproxy/converters';
import { Hono } from 'hono';

import { readJsonBody } from '../../http/read-json-body';
import { recordRejections } from '../../proxy/record-rejections';
import { routingKeys } from '../../proxy/routing-keys';
import { openAIAdapter } from '../../proxy/openai-adapter';
import { prepareRequest } from '../../proxy/prepare-request';
import type { ProxyDeps } from '../../proxy/proxy-deps';
import type { ProxyEnv } from '../../proxy/proxy-env';
import { runExchange } from '../../proxy/run-exchange';

/** The OpenAI Chat Completions API, `POST /v1/chat/completions`, translated to the hub format. */
export function chatCompletionsRoutes(deps: ProxyDeps): Hono<ProxyEnv> {
  return new Hono<ProxyEnv>()
    .use('/v1/chat/completions', deps.apiKeyAuth, recordRejections(deps.recorder))
    .post('/v1/chat/completions', async (c) => {
      const clientSignal = c.req.raw.signal;
      const openai = parseOpenAIChatRequest(await readJsonBody(c));
      const converted = convertOpenAIRequestToAnthropic(openai);
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
      const promptCacheKey =
        typeof openai.prompt_cache_key === 'string' ? openai.prompt_cache_key : undefined;
      return runExchange(c, deps, {
        route: '/v1/chat/completions',
        adapter: openAIAdapter({
          model: openai.model,
          includeUsage: converted.includeUsage,
          customToolNames: converted.customToolNames,
        }),
        request: prepared.request,
        stream: openai.stream === true,
        requestedModel: openai.model,
        estimate: prepared.estimate,
        ...routingKeys(prepared.request, { headers: c.req.raw.headers, promptCacheKey }),
        apiKeyId: apiKey.id,
        userId: apiKey.ownerId || undefined,
        clientSignal,
      });
    });
}
