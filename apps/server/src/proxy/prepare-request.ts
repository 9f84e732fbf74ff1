import type { AnthropicMessagesRequest } from '@octoproxy/converters';
import { assertModelAllowed } from '@octoproxy/auth';

import type { LiveSettings } from '../config/live-settings';
import type { Logger } from '../logging/create-logger';
import { requestShape } from '../logging/request-shape';
import type { ByteBudget } from '../images/byte-budget';
import type { FetchedImage } from '../images/fetch-image';
import { inlineImages } from '../images/inline-images';
import type { ModelDirectory } from '../models/model-directory';
import { resolveModel } from '../models/resolve-model';
import { countRequestTokens } from '../tokens/count-request-tokens';
import type { Tokenize } from '../tokens/text-tokenizer';
import type { TokenCalibration } from '../tokens/token-calibration';

/** What turning a client request into an upstream request needs. */
export interface PrepareDeps {
  settings: LiveSettings;
  models: ModelDirectory;
  tokenize: Tokenize;
  calibration: TokenCalibration;
  fetchImage: (
    url: string,
    signal: AbortSignal,
    requestBudget: ByteBudget,
  ) => Promise<FetchedImage>;
}

export interface PreparedRequest {
  request: AnthropicMessagesRequest;
  estimate: { raw: number; calibrated: number };
}

/** Budget used when a `-thinking` model name turns thinking on without a budget of its own. */
function thinkingBudget(maxTokens: number): number {
  return Math.max(1024, Math.min(16_000, maxTokens - 1));
}

/**
 * Resolves the model (aliases, `-thinking`, entitlements), checks the key may use it, inlines URL
 * images behind the SSRF guard and counts the prompt tokens. Mutates and returns the request.
 */
export async function prepareRequest(
  request: AnthropicMessagesRequest,
  options: {
    deps: PrepareDeps;
    allowedModels: readonly string[] | null;
    signal: AbortSignal;
    /** Logs the request's outline when the `debug` setting is on. */
    log?: Logger | undefined;
  },
): Promise<PreparedRequest> {
  const { deps } = options;
  const config = deps.settings.current;
  const resolution = resolveModel(request.model, {
    aliases: config.modelAliases,
    defaultModel: config.defaultModel,
    toUpstreamId: (name) => deps.models.toUpstreamId(name),
    available: deps.models.available(),
  });
  assertModelAllowed(options.allowedModels, resolution.model);
  request.model = resolution.model;
  if (
    resolution.thinking &&
    (request.thinking === undefined || request.thinking.type === 'disabled')
  ) {
    request.thinking = { type: 'enabled', budget_tokens: thinkingBudget(request.max_tokens) };
  }
  await inlineImages(request, {
    enabled: config.imageFetchEnabled,
    fetch: (url, budget) => deps.fetchImage(url, options.signal, budget),
    maxImages: config.imageFetchMaxPerRequest,
    maxTotalBytes: config.imageFetchMaxTotalBytes,
  });
  const raw = countRequestTokens(request, deps.tokenize);
  if (config.debug)
    options.log?.info({ shape: requestShape(request), tokens: raw }, 'request shape');
  return { request, estimate: { raw, calibrated: deps.calibration.apply(request.model, raw) } };
}
