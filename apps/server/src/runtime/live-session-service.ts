import type { SessionService } from '@octoproxy/auth';

import type { LiveSettings } from '../config/live-settings';

/**
 * A session service whose timeouts follow the live settings: a new inner service is built when
 * `sessionExpireHours` or `sessionIdleMinutes` change, and every call goes to the current one.
 */
export function liveSessionService(
  settings: LiveSettings,
  build: (timeouts: { idleTimeoutMs: number; absoluteTimeoutMs: number }) => SessionService,
): SessionService {
  const timeouts = () => ({
    idleTimeoutMs: settings.current.sessionIdleMinutes * 60_000,
    absoluteTimeoutMs: settings.current.sessionExpireHours * 3_600_000,
  });
  let current = build(timeouts());
  settings.onChange((_config, changed) => {
    if (changed.includes('sessionIdleMinutes') || changed.includes('sessionExpireHours')) {
      current = build(timeouts());
    }
  });
  return {
    get idleTimeoutMs() {
      return current.idleTimeoutMs;
    },
    get absoluteTimeoutMs() {
      return current.absoluteTimeoutMs;
    },
    create: (options) => current.create(options),
    authenticate: (token) => current.authenticate(token),
    revoke: (token) => current.revoke(token),
    revokeAllForUser: (userId) => current.revokeAllForUser(userId),
    purgeExpired: () => current.purgeExpired(),
  };
}
