import type { PoolEvent, PoolEventListener } from './pool-events';

/**
 * Synchronous fan-out to subscribers. A listener that throws is isolated: the pool's own work and the
 * other listeners go on, and the error is handed to `onListenerError`.
 */
export class EventBus {
  private readonly listeners = new Set<PoolEventListener>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  subscribe(listener: PoolEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: PoolEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
