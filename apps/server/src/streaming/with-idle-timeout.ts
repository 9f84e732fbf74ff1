/**
 * Errors a stream (and cancels its source) when no chunk arrives for `timeoutMs`. Used where no
 * keepalive can be sent, i.e. while a non-stream answer is being aggregated.
 */
export function withIdleTimeout<T>(
  source: ReadableStream<T>,
  options: { timeoutMs: number; timeoutError: () => Error },
): ReadableStream<T> {
  const reader = source.getReader();
  return new ReadableStream<T>(
    {
      async pull(controller) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
        });
        try {
          const result = await Promise.race([reader.read(), timeout]);
          if (result === 'timeout') {
            const error = options.timeoutError();
            void reader.cancel(error).catch(() => undefined);
            controller.error(error);
          } else if (result.done) controller.close();
          else controller.enqueue(result.value);
        } catch (error) {
          controller.error(error);
        } finally {
          clearTimeout(timer);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}
