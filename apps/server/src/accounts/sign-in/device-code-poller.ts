import { isKiroError, type KiroClient } from '@octoproxy/kiro';
import type { OAuthSession } from '@octoproxy/storage';

import type { Logger } from '../../logging/create-logger';
import type { SignInSecrets } from './sign-in-session';

/** A small margin so a poll never arrives a hair before the interval (the service counts it as too fast). */
const marginMs = 100;
/** Transient failures (network, 5xx) are retried at the interval this many times in a row. */
const maxTransientFailures = 5;

export interface DevicePollTarget {
  session: OAuthSession;
  secrets: SignInSecrets;
  ssoRegion: string;
  intervalSeconds: number;
}

/** What the poller asks of the sign-in service: the session's state and its outcomes. */
export interface DevicePollHooks {
  /** The session if it is still polling (not cancelled, not finished), with its secrets. */
  load(sessionId: string): Promise<DevicePollTarget | undefined>;
  /** Persists the pace: the interval after `slow_down`, and when the next poll is due. */
  savePace(sessionId: string, intervalSeconds: number, nextPollAt: number): Promise<void>;
  /** The flow ended without tokens. */
  end(sessionId: string, outcome: 'expired' | 'denied' | 'failed', error: string): Promise<void>;
  /** Tokens arrived: validate and store the account. */
  succeed(
    sessionId: string,
    tokens: Awaited<ReturnType<KiroClient['pollDeviceToken']>>,
  ): Promise<void>;
}

/**
 * Polls device-code sign-ins on the server, one timer per session, at the pace the service sets
 * (`interval`; `slow_down` adds 5 s). The pace is persisted, so after a restart `resume` picks each
 * pending session up where it was.
 */
export class DeviceCodePoller {
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #failures = new Map<string, number>();
  #stopped = false;

  constructor(
    private readonly options: {
      kiro: KiroClient;
      hooks: DevicePollHooks;
      logger: Logger;
      now: () => number;
    },
  ) {}

  /** Polls session `sessionId` at `atMs` (epoch ms), replacing any earlier schedule. */
  schedule(sessionId: string, atMs: number): void {
    if (this.#stopped) return;
    this.cancel(sessionId);
    const delay = Math.max(0, atMs - this.options.now()) + marginMs;
    const timer = setTimeout(() => {
      this.#timers.delete(sessionId);
      void this.#pollOnce(sessionId);
    }, delay);
    timer.unref();
    this.#timers.set(sessionId, timer);
  }

  cancel(sessionId: string): void {
    const timer = this.#timers.get(sessionId);
    if (timer !== undefined) clearTimeout(timer);
    this.#timers.delete(sessionId);
  }

  stop(): void {
    this.#stopped = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  async #pollOnce(sessionId: string): Promise<void> {
    const { hooks, kiro, logger, now } = this.options;
    const target = await hooks.load(sessionId).catch((error: unknown) => {
      logger.error({ err: error, sessionId }, 'could not load a sign-in to poll');
      return undefined;
    });
    if (target === undefined || this.#stopped) return;
    if (now() >= target.session.expiresAt) {
      await hooks.end(sessionId, 'expired', 'The code expired before the sign-in was approved.');
      return;
    }
    const { clientId, clientSecret, deviceCode } = target.secrets;
    if (!clientId || !clientSecret || !deviceCode) {
      await hooks.end(sessionId, 'failed', 'The sign-in lost its device code.');
      return;
    }
    try {
      const result = await kiro.pollDeviceToken({
        ssoRegion: target.ssoRegion,
        clientId,
        clientSecret,
        deviceCode,
        intervalSeconds: target.intervalSeconds,
      });
      this.#failures.delete(sessionId);
      if (this.#stopped) return;
      switch (result.status) {
        case 'pending':
        case 'slow_down': {
          const interval =
            result.status === 'slow_down' ? result.intervalSeconds : target.intervalSeconds;
          const next = now() + interval * 1000;
          await hooks.savePace(sessionId, interval, next);
          this.schedule(sessionId, next);
          return;
        }
        case 'expired':
          await hooks.end(
            sessionId,
            'expired',
            'The code expired before the sign-in was approved.',
          );
          return;
        case 'denied':
          await hooks.end(sessionId, 'denied', 'The sign-in was denied in the browser.');
          return;
        case 'success':
          await hooks.succeed(sessionId, result);
          return;
      }
    } catch (error) {
      const failures = (this.#failures.get(sessionId) ?? 0) + 1;
      this.#failures.set(sessionId, failures);
      const transient = !isKiroError(error) || error.reason !== 'refresh_revoked';
      if (transient && failures < maxTransientFailures && !this.#stopped) {
        logger.warn({ err: error, sessionId }, 'device-code poll failed; trying again');
        this.schedule(sessionId, now() + target.intervalSeconds * 1000);
        return;
      }
      this.#failures.delete(sessionId);
      await hooks.end(
        sessionId,
        'failed',
        `The sign-in service refused the poll: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
