import {
  declareAnthropicDefinedTools,
  type Adaptation,
  type AnthropicMessagesRequest,
  type ConversionWarning,
} from '@octoproxy/converters';
import type { Context } from 'hono';

import { prepareRequest, type PrepareDeps } from './prepare-request';
import type { ExchangeDeps } from './exchange-deps';
import type { ProtocolAdapter } from './protocol-adapter';
import type { ProxyEnv } from './proxy-env';
import { routingKeys } from './routing-keys';
import { runExchange } from './run-exchange';

/** What a proxy route has made of the client's request. */
export interface HubRequestInput {
  route: string;
  adapter: ProtocolAdapter;
  /** The client's request in the hub format, its model not yet resolved. */
  request: AnthropicMessagesRequest;
  stream: boolean;
  requestedModel: string;
  /** `c.req.raw.signal`, read at handler start so the server creates its abort controller. */
  clientSignal: AbortSignal;
  /** What the translation into the hub format dropped or changed (logged at debug). */
  warnings?: readonly ConversionWarning[];
  /** OpenAI's `prompt_cache_key`: keeps a conversation on one account. */
  promptCacheKey?: string | undefined;
  /** What the translation into the hub format changed (the converter's list; none for Messages). */
  adaptations?: readonly Adaptation[];
  /**
   * The client's own output limit (`max_tokens`, `max_completion_tokens`, `max_output_tokens`),
   * undefined when it set none: the gateway enforces it, as Kiro takes no such field.
   */
  maxOutputTokens: number | undefined;
}

/**
 * Answers a proxy request for the calling API key: prepares the hub request for the upstream
 * (model within the key's allowed models, images inlined, tokens estimated), then runs the
 * exchange, kept on one account per conversation by its routing keys.
 */
export async function serveHubRequest(
  c: Context<ProxyEnv>,
  deps: ExchangeDeps & PrepareDeps,
  input: HubRequestInput,
): Promise<Response> {
  // Counted before the images are downloaded: they are this key's work too.
  const release = deps.keyConcurrency.begin(
    c.get('apiKey').id,
    deps.settings.current.apiKeyMaxConcurrency,
  );
  try {
    return await serveCounted(c, deps, input, release);
  } catch (error) {
    release();
    throw error;
  }
}

async function serveCounted(
  c: Context<ProxyEnv>,
  deps: ExchangeDeps & PrepareDeps,
  input: HubRequestInput,
  release: () => void,
): Promise<Response> {
  const log = c.get('log');
  if (input.warnings !== undefined && input.warnings.length > 0) {
    log.debug({ warnings: input.warnings }, 'request adjusted in translation');
  }
  const apiKey = c.get('apiKey');
  const adaptations = [...(input.adaptations ?? [])];
  if (input.request.tools !== undefined) {
    // Done here rather than by the upstream client so the `serverTools` setting applies live.
    input.request.tools = declareAnthropicDefinedTools(input.request.tools, adaptations, {
      serverTools: deps.settings.current.serverTools,
    });
  }
  if (input.request.stop_sequences?.some((sequence) => sequence.trim() === '')) {
    // The relay cannot match them meaningfully (see createStopSequenceStream).
    adaptations.push({
      kind: 'field_dropped',
      detail: 'stop_sequences: empty or whitespace-only entries are not supported; ignored',
    });
  }
  const prepared = await prepareRequest(input.request, {
    deps,
    allowedModels: apiKey.allowedModels,
    signal: input.clientSignal,
    log,
  });
  return runExchange(c, deps, {
    route: input.route,
    adapter: input.adapter,
    request: prepared.request,
    stream: input.stream,
    requestedModel: input.requestedModel,
    estimate: prepared.estimate,
    ...routingKeys(prepared.request, {
      headers: c.req.raw.headers,
      promptCacheKey: input.promptCacheKey,
    }),
    apiKeyId: apiKey.id,
    userId: apiKey.ownerId || undefined,
    clientSignal: input.clientSignal,
    adaptations,
    maxOutputTokens: input.maxOutputTokens,
    countTokens: deps.tokenize,
    onEnd: release,
  });
}
