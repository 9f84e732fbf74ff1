import type { FaultType, RequestLogEntry } from '@octoproxy/kiro-simulator';
import { z } from 'zod';

/** Faults the simulator answers instead of a response: the request fails before its first byte. */
export const preFirstByteFaults: ReadonlySet<FaultType> = new Set([
  'expired-token',
  'suspended',
  'throttled',
  'model-overloaded',
  'quota-exhausted',
  'server-error',
  'http-error',
  'connection-reset',
]);

/** The conversation id the test gives each pool attempt, so the simulator's log can be grouped. */
export function attemptConversationId(options: { request: number; attempt: number }): string {
  return `request-${options.request}-attempt-${options.attempt}`;
}

const conversationIdPattern = /^request-(\d+)-attempt-(\d+)$/;

const chatBodySchema = z.object({
  conversationState: z.object({ conversationId: z.string() }),
});

/** One HTTP send as the simulator saw it. */
export interface Send {
  accountId: string | undefined;
  status: number | undefined;
  fault: FaultType | undefined;
}

/** One pool attempt: its sends in order (more than one when the Kiro client resent a dropped request). */
export interface LoggedAttempt {
  attempt: number;
  sends: Send[];
}

export function failedBeforeFirstByte(send: Send): boolean {
  return send.fault !== undefined && preFirstByteFaults.has(send.fault);
}

/**
 * Groups the simulator's chat calls by request and pool attempt, in attempt order. Entries without a
 * conversation id of ours (none are expected) throw, so nothing is silently left out.
 */
export function groupByRequest(entries: readonly RequestLogEntry[]): Map<number, LoggedAttempt[]> {
  const requests = new Map<number, Map<number, Send[]>>();
  for (const entry of entries) {
    const conversationId = chatBodySchema.parse(entry.body).conversationState.conversationId;
    const match = conversationIdPattern.exec(conversationId);
    if (match === null) throw new Error(`Unexpected conversation id ${conversationId}`);
    const [request, attempt] = [Number(match[1]), Number(match[2])];
    const attempts = requests.get(request) ?? new Map<number, Send[]>();
    requests.set(request, attempts);
    const sends = attempts.get(attempt) ?? [];
    attempts.set(attempt, sends);
    sends.push({ accountId: entry.accountId, status: entry.status, fault: entry.fault });
  }
  return new Map(
    [...requests].map(([request, attempts]) => [
      request,
      [...attempts].sort(([a], [b]) => a - b).map(([attempt, sends]) => ({ attempt, sends })),
    ]),
  );
}
