/**
 * Settles with `promise`, or rejects with the signal's reason as soon as it aborts. A value that arrives
 * after the abort is handed to `discard` so the caller can close it (an attempt that ignored its signal).
 */
export function raceSignal<T>(
  promise: Promise<T>,
  options: { signal: AbortSignal; discard?: ((value: T) => void) | undefined },
): Promise<T> {
  const { signal, discard } = options;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const onAbort = () => {
      if (settled) return;
      settled = true;
      reject(signal.reason as Error);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (settled) {
          discard?.(value);
          return;
        }
        settled = true;
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        if (settled) return;
        settled = true;
        // Forward the attempt's own rejection untouched: the classifier reads its fields.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(error);
      },
    );
  });
}
