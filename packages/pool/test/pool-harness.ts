import { OctoProxyError, type ErrorFault, type ErrorKind } from '@octoproxy/converters/errors';

import {
  createPool,
  createSeededRandom,
  failureClassByReason,
  type AccountConfig,
  type AccountState,
  type Pool,
  type PoolEvent,
  type PoolSettingsPatch,
  type PoolUpstream,
  type UsageReport,
} from '../src/index';
import { ManualClock, MemoryPoolStore } from '../src/testing/index';

/** An upstream failure shaped like the Kiro client's errors: an OctoProxyError with a `reason`. */
export class FakeUpstreamError extends OctoProxyError {
  readonly reason: string;
  readonly resetAt: number | undefined;

  constructor(reason: string, options: { retryAfterSeconds?: number; resetAt?: number } = {}) {
    const failureClass = failureClassByReason[reason];
    const fault: ErrorFault =
      failureClass === 'client' ? 'client' : failureClass === 'transient' ? 'upstream' : 'account';
    const kind: ErrorKind =
      failureClass === 'client'
        ? 'invalid_request'
        : failureClass === 'rate_limited' || failureClass === 'quota_exhausted'
          ? 'rate_limit'
          : failureClass === 'transient'
            ? 'upstream'
            : 'permission';
    super({
      kind,
      fault,
      code: reason,
      message: `upstream said ${reason}`,
      retryAfterSeconds: options.retryAfterSeconds,
    });
    this.reason = reason;
    this.resetAt = options.resetAt;
  }
}

export function account(id: string, overrides: Partial<AccountConfig> = {}): AccountConfig {
  const index = Number(/\d+/.exec(id)?.[0] ?? 0);
  return { id, label: `Account ${id}`, enabled: true, createdAt: 1_000 + index, ...overrides };
}

export interface FakeUpstream extends PoolUpstream {
  calls: Array<{ method: string; accountId: string }>;
  usage: Map<string, UsageReport>;
  failures: Map<string, Error>;
}

/** Upkeep calls that succeed unless `failures` holds an error for `method:accountId` or `accountId`. */
export function createFakeUpstream(): FakeUpstream {
  const calls: FakeUpstream['calls'] = [];
  const usage = new Map<string, UsageReport>();
  const failures = new Map<string, Error>();
  const call = (method: string, accountId: string) => {
    calls.push({ method, accountId });
    const failure = failures.get(`${method}:${accountId}`) ?? failures.get(accountId);
    if (failure !== undefined) throw failure;
  };
  return {
    calls,
    usage,
    failures,
    refreshToken: (account) => {
      call('refreshToken', account.id);
      return Promise.resolve({ refreshed: false, expiresAt: null });
    },
    fetchUsage: (account) => {
      call('fetchUsage', account.id);
      return Promise.resolve(
        usage.get(account.id) ?? {
          used: 0,
          limit: 1000,
          resetAt: null,
          plan: 'KIRO PRO',
          entitledModels: null,
        },
      );
    },
  };
}

export interface Harness {
  pool: Pool;
  clock: ManualClock;
  store: MemoryPoolStore;
  upstream: FakeUpstream;
  events: PoolEvent[];
}

export async function createHarness(options: {
  accounts: AccountConfig[];
  /** Persisted state per account id, as if loaded after a restart (the rest take defaults). */
  states?: Record<string, Partial<AccountState>>;
  settings?: PoolSettingsPatch;
  upstream?: FakeUpstream;
  seed?: number;
}): Promise<Harness> {
  const clock = new ManualClock();
  const store = new MemoryPoolStore(options.accounts);
  for (const config of options.accounts) {
    const state = options.states?.[config.id];
    if (state !== undefined) store.put(config, state);
  }
  const upstream = options.upstream ?? createFakeUpstream();
  const events: PoolEvent[] = [];
  const pool = createPool({
    store,
    upstream,
    clock,
    random: createSeededRandom(options.seed ?? 42),
    settings: { retryBackoff: { baseMs: 0 }, ...options.settings },
  });
  pool.subscribe((event) => events.push(event));
  await pool.reload();
  return { pool, clock, store, upstream, events };
}

/** One request that succeeds on whatever account the pool picks; returns that account's id. */
export async function serveOne(
  pool: Pool,
  options: { model?: string; stickyKey?: string; creditsUsed?: number } = {},
): Promise<string> {
  const result = await pool.run({
    model: options.model,
    stickyKey: options.stickyKey,
    attempt: ({ account }) => Promise.resolve(account.id),
  });
  result.lease.succeed({ creditsUsed: options.creditsUsed });
  return result.value;
}

export function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

export function eventsOf<T extends PoolEvent['type']>(
  events: readonly PoolEvent[],
  type: T,
): Array<Extract<PoolEvent, { type: T }>> {
  return events.filter((event): event is Extract<PoolEvent, { type: T }> => event.type === type);
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

/** An attempt function that fails on the listed accounts (by id) and succeeds elsewhere. */
export function failOn(failures: Record<string, Error>) {
  return ({ account }: { account: { id: string } }): Promise<string> => {
    const failure = failures[account.id];
    return failure === undefined ? Promise.resolve(account.id) : Promise.reject(failure);
  };
}

/** Resolves when the signal aborts, rejecting with its reason: an upstream call that honours abort. */
export function hangUntilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}
