/** A scheduled callback that can be cancelled; cancelling twice is harmless. */
export interface TimerHandle {
  cancel(): void;
}

/**
 * Time and timers, injected so every cooldown, deadline and schedule can be driven by a fake clock in
 * tests. `now()` is epoch milliseconds.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
}

/** The real clock. Its timers are unref'd: the pool never keeps a process alive on its own. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, delayMs) {
    const timer = setTimeout(callback, Math.max(0, delayMs));
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

/** Resolves after `delayMs` on `clock`, or rejects with the signal's reason when it aborts first. */
export function sleep(
  clock: Clock,
  options: { delayMs: number; signal?: AbortSignal | undefined },
): Promise<void> {
  const { delayMs, signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      handle.cancel();
      reject(signal?.reason as Error);
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, delayMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
