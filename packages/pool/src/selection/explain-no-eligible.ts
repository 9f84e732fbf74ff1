import type { IneligibleReason } from '../account/eligibility';
import {
  NoEligibleAccountError,
  type NoEligibleAccountReason,
} from '../errors/no-eligible-account-error';
import type { BlockedAccount } from './select-account';

const modelReasons = new Set<IneligibleReason>(['model_not_allowed', 'model_not_entitled']);
const capacityReasons = new Set<IneligibleReason>(['at_capacity', 'paced']);
const timedReasons = new Set<IneligibleReason>(['cooling_down', 'quota_exhausted']);

const reasonLabels: Record<IneligibleReason, string> = {
  disabled: 'disabled',
  quarantined: 'quarantined',
  unhealthy: 'unhealthy',
  model_not_allowed: 'not allowed the model',
  model_not_entitled: 'not entitled to the model',
  quota_exhausted: 'out of quota',
  cooling_down: 'cooling down',
  at_capacity: 'at their concurrency limit',
  paced: 'at their pacing limit',
  already_tried: 'already tried for this request',
};

function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function breakdown(blocked: readonly BlockedAccount[]): string {
  const counts = new Map<IneligibleReason, number>();
  for (const { ineligibility } of blocked) {
    counts.set(ineligibility.reason, (counts.get(ineligibility.reason) ?? 0) + 1);
  }
  return [...counts].map(([reason, count]) => `${count} ${reasonLabels[reason]}`).join(', ');
}

/**
 * Turns every account's obstacle into one clear error: none configured, all disabled, none entitled to
 * the model, all cooling down until T, all at capacity, or a breakdown. Retry-After is the time until
 * the soonest account becomes available again.
 */
export function explainNoEligible(options: {
  blocked: readonly BlockedAccount[];
  model: string | undefined;
  now: number;
  cause?: unknown;
}): NoEligibleAccountError {
  const { blocked, model, now, cause } = options;
  const modelText = model === undefined ? 'the request' : `model ${model}`;
  const fail = (reason: NoEligibleAccountReason, message: string, availableAt?: number) =>
    new NoEligibleAccountError({
      reason,
      message,
      availableAt,
      retryAfterSeconds:
        availableAt === undefined ? undefined : Math.max(1, Math.ceil((availableAt - now) / 1000)),
      cause,
    });

  if (blocked.length === 0) return fail('none_configured', 'No upstream accounts are configured.');
  const enabled = blocked.filter(({ ineligibility }) => ineligibility.reason !== 'disabled');
  if (enabled.length === 0) {
    return fail('all_disabled', `All ${plural(blocked.length, 'account')} are disabled.`);
  }
  const serving = enabled.filter(({ ineligibility }) => !modelReasons.has(ineligibility.reason));
  if (serving.length === 0) {
    return fail(
      'model_unavailable',
      `No enabled account may serve ${modelText} (${breakdown(enabled)}).`,
    );
  }
  const times = serving
    .map(({ ineligibility }) => ineligibility.until)
    .filter((until): until is number => until !== undefined && until > now);
  const soonest = times.length > 0 ? Math.min(...times) : undefined;
  const scope = serving.length === enabled.length ? 'All' : `All ${serving.length} of`;
  const accounts = `${scope} ${plural(serving.length, 'account')} that serve ${modelText}`;

  if (serving.every(({ ineligibility }) => capacityReasons.has(ineligibility.reason))) {
    return fail(
      'all_at_capacity',
      `${accounts} are at their concurrency or pacing limit; try again shortly.`,
      soonest ?? now + 1000,
    );
  }
  if (
    soonest !== undefined &&
    serving.every(({ ineligibility }) => timedReasons.has(ineligibility.reason))
  ) {
    return fail(
      'all_cooling_down',
      `${accounts} are cooling down or out of quota (${breakdown(serving)}); the first is available again at ${isoTime(soonest)}.`,
      soonest,
    );
  }
  const next = soonest === undefined ? '' : `; the next may be available at ${isoTime(soonest)}`;
  return fail(
    'all_unavailable',
    `No account can take ${modelText} right now (${breakdown(serving)})${next}.`,
    soonest ?? now + 1000,
  );
}
