import { Hono } from 'hono';

import { RouteNotFoundError } from '../../http/http-errors';
import { listModels } from '../../models/list-models';
import type { ModelInfo } from '../../models/model-catalog';
import type { ProxyDeps } from '../../proxy/proxy-deps';
import type { ProxyEnv } from '../../proxy/proxy-env';

const createdAt = '2025-01-01T00:00:00Z';
const created = Date.parse(createdAt) / 1000;

function anthropicModel(model: ModelInfo) {
  return {
    type: 'model',
    id: model.id,
    display_name: model.displayName,
    created_at: createdAt,
    max_input_tokens: model.contextWindow,
    max_tokens: model.maxOutputTokens,
  };
}

function openAIModel(model: ModelInfo) {
  return {
    id: model.id,
    object: 'model',
    created,
    owned_by: 'octoproxy',
    context_window: model.contextWindow,
    max_output_tokens: model.maxOutputTokens,
  };
}

/**
 * `GET /v1/models` and `GET /v1/models/:id`: OpenAI's list shape, or Anthropic's when the request
 * carries `anthropic-version` (as the Anthropic SDKs and Claude Code do).
 */
export function modelsRoutes(deps: ProxyDeps): Hono<ProxyEnv> {
  return new Hono<ProxyEnv>()
    .use('/v1/models/*', deps.apiKeyAuth)
    .get('/v1/models', (c) => {
      const models = listModels(deps);
      if (c.req.header('anthropic-version') !== undefined) {
        return c.json({
          data: models.map(anthropicModel),
          has_more: false,
          first_id: models[0]?.id ?? null,
          last_id: models.at(-1)?.id ?? null,
        });
      }
      return c.json({ object: 'list', data: models.map(openAIModel) });
    })
    .get('/v1/models/:id', (c) => {
      const id = c.req.param('id');
      const model = listModels(deps).find((entry) => entry.id === id);
      if (model === undefined) throw new RouteNotFoundError('GET', `/v1/models/${id}`);
      return c.json(
        c.req.header('anthropic-version') !== undefined
          ? anthropicModel(model)
          : openAIModel(model),
      );
    });
}
