import type { Dispatcher } from 'undici';

/**
 * The one controller a downstream handler sees across attempts: pause, resume and abort go to the
 * current attempt. An abort while no attempt is attached (between a failed attempt and its retry)
 * is reported through `onDetachedAbort` and replayed on the next attempt as soon as it attaches.
 */
export class ForwardingController implements Dispatcher.DispatchController {
  #target: Dispatcher.DispatchController | undefined;
  #paused = false;
  #reason: Error | null = null;
  readonly #onDetachedAbort: (reason: Error) => void;

  constructor(onDetachedAbort: (reason: Error) => void) {
    this.#onDetachedAbort = onDetachedAbort;
  }

  attach(target: Dispatcher.DispatchController): void {
    this.#target = target;
    if (this.#reason !== null) target.abort(this.#reason);
    else if (this.#paused) target.pause();
  }

  detach(): void {
    this.#target = undefined;
  }

  /** True once the downstream handler aborted (never set by an attempt's own failure). */
  get aborted(): boolean {
    return this.#reason !== null;
  }

  get reason(): Error | null {
    return this.#reason;
  }

  get paused(): boolean {
    return this.#paused || (this.#target?.paused ?? false);
  }

  get rawHeaders(): Dispatcher.DispatchController['rawHeaders'] {
    return this.#target?.rawHeaders ?? null;
  }

  get rawTrailers(): Dispatcher.DispatchController['rawTrailers'] {
    return this.#target?.rawTrailers ?? null;
  }

  abort(reason: Error): void {
    if (this.#reason !== null) return;
    this.#reason = reason;
    if (this.#target === undefined) this.#onDetachedAbort(reason);
    else this.#target.abort(reason);
  }

  pause(): void {
    this.#paused = true;
    this.#target?.pause();
  }

  resume(): void {
    this.#paused = false;
    this.#target?.resume();
  }
}
