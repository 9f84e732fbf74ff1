import type {
  Adaptation,
  AnthropicMessagesRequest,
  AnthropicStreamEvent,
} from '@octoproxy/converters';

import { apiRegionOf, profileArnFor, type KiroAccount } from '../account';
import { classifyHttpError } from '../errors/classify-http-error';
import { inApiRegion } from '../errors/in-api-region';
import { KiroQuotaExhaustedError } from '../errors/kiro-errors';
import { getUsageLimits } from '../metadata/account-metadata';
import { endpointUrl } from '../http/endpoints';
import { httpCall, readText, type HttpResponse } from '../http/http-call';
import { kiroResponseStream } from '../http/kiro-response-stream';
import { buildKiroRequest, type BuildKiroRequestOptions } from '../request/build-kiro-request';
import { defaultContextWindowTokens } from '../request/model-id';
import { KiroAnthropicConverter } from '../stream/kiro-anthropic-converter';
import type { KiroStreamSummary } from '../stream/kiro-stream-summary';
import type { ClientContext } from './client-context';
import { withTokenRetry } from './with-token-retry';

export interface GenerateAssistantResponseOptions {
  account: KiroAccount;
  /** The hub request (already validated with the converters' schema). */
  request: AnthropicMessagesRequest;
  /** Aborting closes the upstream connection, before or during the stream. */
  signal?: AbortSignal | undefined;
  /** A conversation id the caller keeps; else one is derived (session id, metadata, first turn). */
  conversationId?: string | undefined;
  /** The client's session id, e.g. Claude Code's `x-claude-code-session-id` header. */
  sessionId?: string | undefined;
  /** A better prompt token count than our estimate (e.g. from a tokenizer). */
  inputTokens?: number | undefined;
  /** `message_start.message.id`; default a new `msg_…` id. */
  messageId?: string | undefined;
}

export interface KiroResponse {
  /**
   * Anthropic stream events. `message_start` comes with the first upstream frame; a failure before
   * it errors this stream with a typed KiroError (nothing was sent: another account may be tried);
   * after it, the stream ends with an in-band `error` event. Cancel it to close the connection.
   */
  events: ReadableStream<AnthropicStreamEvent>;
  /** Resolves when `events` ends, fails or is cancelled; never rejects. */
  metadata: Promise<KiroStreamSummary>;
  /** The Kiro model id the request was sent with. */
  modelId: string;
  conversationId: string;
  /** The machine id used (persist it if the account had none). */
  machineId: string;
  estimatedInputTokens: number;
  /** What was changed so Kiro takes the request (see `BuiltKiroRequest.adaptations`). */
  adaptations: Adaptation[];
}

export type RequestShapingOptions = Omit<
  BuildKiroRequestOptions,
  'request' | 'profileArn' | 'conversationId' | 'sessionId'
>;

/**
 * Sends one `generateAssistantResponse` call. Resolves once Kiro answers 200 with headers; any
 * failure before that throws a typed error (after one token refresh and retry on a bearer rejection).
 */
export async function generateAssistantResponse(
  context: ClientContext & { shaping: RequestShapingOptions; maxFrameBytes: number },
  options: GenerateAssistantResponseOptions,
): Promise<KiroResponse> {
  const { account, signal } = options;
  const built = buildKiroRequest({
    ...context.shaping,
    request: options.request,
    profileArn: profileArnFor(account),
    conversationId: options.conversationId,
    sessionId: options.sessionId,
  });
  const machineId = context.machineIdOf(account);
  const apiRegion = apiRegionOf(account);
  const url = endpointUrl({
    template: context.endpoints.api,
    region: apiRegion,
    path: '/generateAssistantResponse',
  });
  let sentAt = Date.now();
  const connection = new AbortController();
  const combined = signal ? AbortSignal.any([signal, connection.signal]) : connection.signal;
  const contextWindow = (context.shaping.contextWindowTokens ?? defaultContextWindowTokens)(
    built.modelId,
  );

  const outcome = await withTokenRetry<HttpResponse>({
    context,
    account,
    signal,
    send: async (accessToken, attempt) => {
      sentAt = Date.now();
      const response = await inApiRegion(apiRegion, () =>
        httpCall({
          url,
          method: 'POST',
          headers: context.headers.chat({
            accessToken,
            machineId,
            attempt,
            authMethod: account.authMethod,
          }),
          body: built.json,
          dispatcher: context.dispatcherFor(account),
          signal: combined,
          headersTimeoutMs: context.timeouts.firstByteMs,
          bodyTimeoutMs: 0,
        }),
      );
      if (response.statusCode >= 200 && response.statusCode < 300) return { result: response };
      const bodyText = await readText(response, {
        signal: combined,
        headersTimeoutMs: context.timeouts.firstByteMs,
        limit: 64_000,
      });
      const retryAfter = response.headers['retry-after'];
      return {
        status: response.statusCode,
        bodyText,
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
      };
    },
  });
  if (!('result' in outcome)) {
    const error = classifyHttpError({
      status: outcome.status,
      bodyText: outcome.bodyText,
      retryAfter: outcome.retryAfter,
      promptTokens: options.inputTokens ?? built.estimatedInputTokens,
      contextWindowTokens: contextWindow,
      now: context.now(),
    });
    throw error instanceof KiroQuotaExhaustedError
      ? await withResetDate({ context, account, error })
      : error;
  }

  const converter = new KiroAnthropicConverter({
    model: options.request.model,
    inputTokens: options.inputTokens ?? built.estimatedInputTokens,
    contextWindowTokens: contextWindow,
    toolNames: built.toolNames,
    thinking: built.thinking,
    thinkingDisplay:
      (options.request.thinking as { display?: string } | undefined)?.display === 'omitted'
        ? 'omitted'
        : 'summarized',
    messageId: options.messageId,
  });
  let resolveMetadata!: (summary: KiroStreamSummary) => void;
  const metadata = new Promise<KiroStreamSummary>((resolve) => {
    resolveMetadata = resolve;
  });
  const events = kiroResponseStream({
    body: outcome.result.body,
    converter,
    abort: (reason) => connection.abort(reason),
    signal,
    firstByteDeadline: sentAt + context.timeouts.firstByteMs,
    firstByteTimeoutMs: context.timeouts.firstByteMs,
    idleTimeoutMs: context.timeouts.idleMs,
    maxFrameBytes: context.maxFrameBytes,
    now: Date.now,
    onSummary: resolveMetadata,
  });
  return {
    events,
    metadata,
    modelId: built.modelId,
    conversationId: built.conversationId,
    machineId,
    estimatedInputTokens: built.estimatedInputTokens,
    adaptations: built.adaptations,
  };
}

/** Looks up when an exhausted account's credits come back (best effort, a few seconds at most). */
async function withResetDate(options: {
  context: ClientContext;
  account: KiroAccount;
  error: KiroQuotaExhaustedError;
}): Promise<KiroQuotaExhaustedError> {
  const { context, account, error } = options;
  try {
    const usage = await getUsageLimits(context, { account, signal: AbortSignal.timeout(5_000) });
    if (usage.resetAt === undefined) return error;
    return new KiroQuotaExhaustedError({
      upstream: error.upstream,
      resetAt: usage.resetAt,
      cause: error.cause,
    });
  } catch {
    return error;
  }
}
