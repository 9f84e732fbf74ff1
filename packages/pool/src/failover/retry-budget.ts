export interface RetryBudgetSettings {
  percent: number;
  minRetryConcurrency: number;
}

/**
 * Envoy's retry budget: retries in flight may not exceed `percent` of the active requests (requests
 * still choosing or attempting, plus streams holding a lease), with a floor of `minRetryConcurrency`.
 * It stops a fleet-wide upstream failure from multiplying traffic.
 */
export class RetryBudget {
  private active = 0;
  private retries = 0;

  get activeRequests(): number {
    return this.active;
  }

  get retriesInFlight(): number {
    return this.retries;
  }

  requestStarted(): void {
    this.active += 1;
  }

  requestEnded(): void {
    this.active = Math.max(0, this.active - 1);
  }

  limit(settings: RetryBudgetSettings): number {
    return Math.max(
      settings.minRetryConcurrency,
      Math.floor((settings.percent / 100) * this.active),
    );
  }

  /** Reserves a retry if the budget allows; pair every `true` with {@link retryEnded}. */
  tryStartRetry(settings: RetryBudgetSettings): boolean {
    if (this.retries >= this.limit(settings)) return false;
    this.retries += 1;
    return true;
  }

  retryEnded(): void {
    this.retries = Math.max(0, this.retries - 1);
  }
}
