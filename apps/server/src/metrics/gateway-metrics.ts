import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const latencyBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300];
const otherModel = 'other';
const maxUnverifiedModelLabels = 32;
const firstByteBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 60];

/**
 * The server's Prometheus metrics, on a registry of its own (no process-wide singletons, so tests can
 * run several apps side by side). Account-state gauges are filled by a collector the pool provides.
 */
export class GatewayMetrics {
  readonly registry = new Registry();

  readonly requests = new Counter({
    name: 'octoproxy_requests_total',
    help: 'Proxy requests by route, model and HTTP status.',
    labelNames: ['route', 'model', 'status'] as const,
    registers: [this.registry],
  });

  readonly latency = new Histogram({
    name: 'octoproxy_request_duration_seconds',
    help: 'Time from request to the end of the response.',
    labelNames: ['route'] as const,
    buckets: latencyBuckets,
    registers: [this.registry],
  });

  readonly firstByte = new Histogram({
    name: 'octoproxy_first_byte_seconds',
    help: 'Time from request to the first upstream event (when response headers leave).',
    labelNames: ['route'] as const,
    buckets: firstByteBuckets,
    registers: [this.registry],
  });

  readonly tokens = new Counter({
    name: 'octoproxy_tokens_total',
    help: 'Tokens served, by model and direction (input, output).',
    labelNames: ['model', 'direction'] as const,
    registers: [this.registry],
  });

  readonly upstreamAttempts = new Counter({
    name: 'octoproxy_upstream_attempts_total',
    help: 'Upstream attempts by outcome (success, or the error kind).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly failovers = new Counter({
    name: 'octoproxy_failovers_total',
    help: 'Requests that moved to another account before the first byte.',
    registers: [this.registry],
  });

  readonly cooldowns = new Counter({
    name: 'octoproxy_account_cooldowns_total',
    help: 'Accounts put into cooldown or quarantine, by reason.',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly refreshFailures = new Counter({
    name: 'octoproxy_token_refresh_failures_total',
    help: 'Failed upstream token refreshes.',
    registers: [this.registry],
  });

  readonly panicRouted = new Counter({
    name: 'octoproxy_panic_routed_total',
    help: 'Attempts sent to an outlier-ejected account because no account was eligible (panic routing).',
    registers: [this.registry],
  });

  readonly stickyLookups = new Counter({
    name: 'octoproxy_sticky_lookups_total',
    help: 'Sticky-routing lookups by result (hit, miss); the hit rate is hit / (hit + miss).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly activeStreams = new Gauge({
    name: 'octoproxy_active_streams',
    help: 'Responses currently streaming to clients.',
    registers: [this.registry],
  });

  /** Set by the runtime: the models the accounts serve; other names count as `other`. */
  knownModels: (() => ReadonlySet<string> | undefined) | undefined;

  private readonly modelLabels = new Set<string>();

  /**
   * The `model` label of a request: a client may send any name, and every label value is a series
   * kept forever, so names the accounts do not serve (or, before the model list is known, names
   * beyond the first few dozen) share one value.
   */
  modelLabel(model: string): string {
    const known = this.knownModels?.();
    if (known !== undefined) return known.has(model) ? model : otherModel;
    if (this.modelLabels.has(model)) return model;
    if (this.modelLabels.size >= maxUnverifiedModelLabels) return otherModel;
    this.modelLabels.add(model);
    return model;
  }

  /** Set by the runtime: the pool's account counts by state, read at every scrape. */
  accountStates: (() => Readonly<Record<string, number>>) | undefined;

  readonly accounts = new Gauge({
    name: 'octoproxy_accounts',
    help: 'Accounts by state (healthy, recovering, unhealthy, quarantined, cooling_down, …).',
    labelNames: ['state'] as const,
    registers: [this.registry],
    collect: () => {
      const states = this.accountStates?.();
      if (states !== undefined) this.setAccountStates(states);
    },
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** Replaces the account-state gauge values with a fresh snapshot. */
  setAccountStates(counts: Readonly<Record<string, number>>): void {
    this.accounts.reset();
    for (const [state, count] of Object.entries(counts)) this.accounts.set({ state }, count);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
