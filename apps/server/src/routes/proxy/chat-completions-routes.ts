import { convertOpenAIRequestToAnthropic, parseOpenAIChatRequest } from '@octoproxy/converters';
import { Hono } from 'hono';

import { readJsonBody } from '../../http/read-json-body';
import { openAIAdapter } from '../../proxy/openai-adapter';
import type { ProxyDeps } from '../../proxy/proxy-deps';
import type { ProxyEnv } from '../../proxy/proxy-env';
import { recordRejections } from '../../proxy/record-rejections';
import { serveHubRequest } from '../../proxy/serve-hub-request';

/** The OpenAI Chat Completions API, `POST /v1/chat/completions`, translated to the hub format. */
export function chatCompletionsRoutes(deps: ProxyDeps): Hono<ProxyEnv> {
  return new Hono<ProxyEnv>()
    .use('/v1/chat/completions', deps.apiKeyAuth, recordRejections(deps.recorder))
    .post('/v1/chat/completions', async (c) => {
      const clientSignal = c.req.raw.signal;
      const openai = parseOpenAIChatRequest(await readJsonBody(c));
      const converted = convertOpenAIRequestToAnthropic(openai);
      return serveHubRequest(c, deps, {
        route: '/v1/chat/completions',
        adapter: openAIAdapter({
          model: openai.model,
          includeUsage: converted.includeUsage,
          customToolNames: converted.customToolNames,
          legacyFunctions: converted.legacyFunctions,
        }),
        request: converted.request,
        stream: openai.stream === true,
        requestedModel: openai.model,
        clientSignal,
        warnings: converted.warnings,
        adaptations: converted.adaptations,
        maxOutputTokens: openai.max_completion_tokens ?? openai.max_tokens ?? undefined,
        promptCacheKey:
          typeof openai.prompt_cache_key === 'string' ? openai.prompt_cache_key : undefined,
      });
    });
}
