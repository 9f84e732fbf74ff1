import {
  aggregateAnthropicStream,
  createOutputLimitStream,
  createStopSequenceStream,
  errorKindTable,
  InternalError,
  type Adaptation,
  type AnthropicMessagesRequest,
  type AnthropicStreamEvent,
} from '@octoproxy/converters';
import type { Context } from 'hono';

import { clientInfo } from '../http/client-info';
import { sseRelay, type RelayOutcome } from '../streaming/sse-relay';
import { withIdleTimeout } from '../streaming/with-idle-timeout';
import type { Tokenize } from '../tokens/text-tokenizer';
import { adaptationHeaderName, adaptationHeaderValue } from './adaptation-header';
import type { ExchangeDeps } from './exchange-deps';
import { GatewayTimeoutError } from './gateway-timeout-error';
import type { OpenedStream, UpstreamAttempt } from './message-backend';
import type { ProtocolAdapter } from './protocol-adapter';
import type { ProxyEnv } from './proxy-env';
import { usageTap } from './usage-tap';

export interface ExchangeInput {
  route: string;
  adapter: ProtocolAdapter;
  /** The upstream-ready request (model resolved, images inline). */
  request: AnthropicMessagesRequest;
  stream: boolean;
  requestedModel: string;
  /** Raw tokenizer count and the calibrated estimate of the prompt. */
  estimate: { raw: number; calibrated: number };
  stickyKey: string | undefined;
  sessionId: string | undefined;
  apiKeyId: string | undefined;
  userId: string | undefined;
  /** Runs once when the exchange ends, however it ends (frees the key's concurrency slot). */
  onEnd?: (() => void) | undefined;
  /** `c.req.raw.signal`, read at handler start so the server creates its abort controller. */
  clientSignal: AbortSignal;
  /** What the gateway changed in the client's request before the upstream request is built. */
  adaptations: readonly Adaptation[];
  /** The client's own output limit (Kiro takes none): the relay stops there. */
  maxOutputTokens: number | undefined;
  /** Counts output tokens against `maxOutputTokens`. */
  countTokens: Tokenize;
}

const clientClosedStatus = 499;

function timer(ms: number): { promise: Promise<'waiting'>; cancel: () => void } {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<'waiting'>((resolve) => {
    handle = setTimeout(() => resolve('waiting'), ms);
  });
  return { promise, cancel: () => clearTimeout(handle) };
}

/**
 * Runs one request against the backend and answers in the client's protocol. Streams hold their
 * headers until the first upstream event (so the pool can still fail over) unless the wait exceeds
 * the keepalive interval, in which case headers and keepalives go out and a later failure becomes
 * an in-band error event. Non-stream answers are aggregated from the same event stream.
 */
export async function runExchange(
  c: Context<ProxyEnv>,
  deps: ExchangeDeps,
  input: ExchangeInput,
): Promise<Response> {
  c.set('exchangeStarted', true);
  const config = deps.settings.current;
  const requestId = c.get('requestId');
  const client = clientInfo(c);
  const started = performance.now();
  const endInFlight = deps.inFlight.begin();
  const abort = new AbortController();
  const onClientAbort = () => abort.abort(input.clientSignal.reason);
  if (input.clientSignal.aborted) onClientAbort();
  else input.clientSignal.addEventListener('abort', onClientAbort, { once: true });

  const tap = usageTap({
    estimatedInputTokens: input.estimate.calibrated,
    reportedModel: input.requestedModel,
  });
  let opened: OpenedStream | undefined;
  let firstByteMs: number | undefined;
  const attemptLog: UpstreamAttempt[] = [];
  const opening = deps.backend
    .open(input.request, {
      requestId,
      apiKeyId: input.apiKeyId,
      stickyKey: input.stickyKey,
      sessionId: input.sessionId,
      inputTokens: input.estimate.calibrated,
      signal: abort.signal,
      attemptLog,
    })
    .then((result) => {
      opened = result;
      firstByteMs = performance.now() - started;
      deps.metrics.firstByte.observe({ route: input.route }, firstByteMs / 1000);
      // Kiro honours neither stop sequences nor an output limit: both are cut here, which also
      // cancels the upstream stream.
      return result.events
        .pipeThrough(createStopSequenceStream({ stopSequences: input.request.stop_sequences }))
        .pipeThrough(
          createOutputLimitStream({
            maxTokens: input.maxOutputTokens,
            countTokens: input.countTokens,
          }),
        )
        .pipeThrough(tap.stream);
    });
  /** The gateway's changes and, once an upstream request was built, the upstream client's. */
  const adaptations = (): Adaptation[] => [...input.adaptations, ...(opened?.adaptations ?? [])];
  const adaptationHeaders = (): Record<string, string> => {
    const value = adaptationHeaderValue(adaptations());
    return value === undefined ? {} : { [adaptationHeaderName]: value };
  };
  opening.catch(() => undefined);

  let finished = false;
  const finish = (outcome: { status: number; error?: unknown }): void => {
    if (finished) return;
    finished = true;
    input.clientSignal.removeEventListener('abort', onClientAbort);
    endInFlight();
    input.onEnd?.();
    const usage = tap.usage;
    const model = input.request.model;
    void opened?.summary.then((summary) => {
      if (summary.upstreamInputTokens === undefined) return;
      deps.calibration.observe({
        model,
        rawTokens: input.estimate.raw,
        upstreamTokens: summary.upstreamInputTokens,
      });
    });
    const latencyMs = performance.now() - started;
    if (deps.settings.current.debug) {
      c.get('log').info(
        {
          status: outcome.status,
          stopReason: usage.stopReason,
          inputTokens: usage.inputTokens,
          outputTokens: usage.outputTokens,
          accountId: opened?.accountId,
          attempts: opened?.attempts,
        },
        'response shape',
      );
    }
    const error = outcome.error === undefined ? undefined : InternalError.from(outcome.error);
    const status = String(outcome.status);
    const modelLabel = deps.metrics.modelLabel(model);
    deps.metrics.requests.inc({ route: input.route, model: modelLabel, status });
    deps.metrics.latency.observe({ route: input.route }, latencyMs / 1000);
    deps.metrics.tokens.inc(
      { model: modelLabel, direction: 'input' },
      opened ? usage.inputTokens : 0,
    );
    deps.metrics.tokens.inc({ model: modelLabel, direction: 'output' }, usage.outputTokens);
    const record = (credits: number | undefined) =>
      deps.recorder.record({
        at: new Date(),
        requestId,
        route: input.route,
        apiKeyId: input.apiKeyId,
        userId: input.userId,
        accountId: opened?.accountId,
        modelRequested: input.requestedModel,
        modelSent: model,
        stream: input.stream,
        status: outcome.status,
        errorKind: error?.kind,
        errorCode: error?.code,
        errorMessage: error?.message,
        inputTokens: opened ? usage.inputTokens : 0,
        outputTokens: usage.outputTokens,
        latencyMs: Math.round(latencyMs),
        firstByteMs: firstByteMs === undefined ? undefined : Math.round(firstByteMs),
        attempts: opened?.attempts ?? attemptLog.length,
        attemptLog,
        adaptations: adaptations(),
        credits,
        clientIp: client.ip,
        userAgent: client.userAgent,
      });
    if (opened === undefined) record(undefined);
    else void opened.summary.then((summary) => record(summary.credits));
  };
  const statusOf = (error: unknown): number => {
    if (input.clientSignal.aborted) return clientClosedStatus;
    const kind = InternalError.from(error).kind;
    return errorKindTable[kind][input.adapter.protocol].status;
  };

  if (!input.stream) {
    return answerWhole({ opening, abort, config, input, finish, statusOf, adaptationHeaders, c });
  }

  const wait = timer(config.keepaliveIntervalSeconds * 1000);
  const early = await Promise.race([
    opening.then(
      () => 'opened' as const,
      () => 'failed' as const,
    ),
    wait.promise,
  ]);
  wait.cancel();
  if (early === 'failed') {
    try {
      await opening;
    } catch (error) {
      finish({ status: statusOf(error), error });
      throw error;
    }
  }

  deps.metrics.activeStreams.inc();
  const body = sseRelay({
    opening: opening.then((events) => input.adapter.toSse(events)),
    abortOpening: (reason) => abort.abort(reason),
    keepalive: input.adapter.keepalive,
    keepaliveIntervalMs: config.keepaliveIntervalSeconds * 1000,
    firstTokenTimeoutMs: Math.max(
      0,
      config.firstTokenTimeoutSeconds * 1000 - (performance.now() - started),
    ),
    idleTimeoutMs: config.idleTimeoutSeconds * 1000,
    encodeError: (error) => input.adapter.encodeError(error, requestId),
    timeoutError: (phase) =>
      new GatewayTimeoutError(
        phase,
        phase === 'idle' ? config.idleTimeoutSeconds : config.firstTokenTimeoutSeconds,
      ),
    onClose: (outcome: RelayOutcome) => {
      deps.metrics.activeStreams.dec();
      if (outcome.kind === 'client_closed') {
        abort.abort(new Error('The client closed the connection.'));
        finish({ status: clientClosedStatus });
      } else if (outcome.kind === 'failed') finish({ status: 200, error: outcome.error });
      else if (tap.usage.errored) finish({ status: 200, error: new Error('upstream error event') });
      else finish({ status: 200 });
    },
  });
  return c.body(body, 200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    ...adaptationHeaders(),
  });
}

async function answerWhole(options: {
  c: Context<ProxyEnv>;
  opening: Promise<ReadableStream<AnthropicStreamEvent>>;
  abort: AbortController;
  config: ExchangeDeps['settings']['current'];
  input: ExchangeInput;
  finish: (outcome: { status: number; error?: unknown }) => void;
  statusOf: (error: unknown) => number;
  adaptationHeaders: () => Record<string, string>;
}): Promise<Response> {
  const { c, opening, abort, config, input, finish, statusOf, adaptationHeaders } = options;
  const firstToken = timer(config.firstTokenTimeoutSeconds * 1000);
  try {
    const first = await Promise.race([opening, firstToken.promise]);
    if (first === 'waiting') {
      const error = new GatewayTimeoutError('first_token', config.firstTokenTimeoutSeconds);
      abort.abort(error);
      throw error;
    }
    const events = withIdleTimeout(first, {
      timeoutMs: config.idleTimeoutSeconds * 1000,
      timeoutError: () => new GatewayTimeoutError('idle', config.idleTimeoutSeconds),
    });
    const message = await aggregateAnthropicStream(events);
    message.model = input.requestedModel;
    finish({ status: 200 });
    return c.json(
      input.adapter.toJson(message) as Record<string, unknown>,
      200,
      adaptationHeaders(),
    );
  } catch (error) {
    finish({ status: statusOf(error), error });
    throw error;
  } finally {
    firstToken.cancel();
  }
}
