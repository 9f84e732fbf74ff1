import type { NewRequestLog } from '../../src/model/request-logs';
import type { TempStorage } from './temp-storage';

export const hour = 3_600_000;
export const day = 24 * hour;
export const base = Date.UTC(2026, 0, 15);

/**
 * 20 fast successes on k1/a1/m1 at 10:00 (latency 100…2000 ms), 3 on k2/a2/m2 at 11:00 (one 500),
 * and a 429 on k1/a2/m1 the next day at 05:00.
 */
export function seedRequestLogs(temp: TempStorage): void {
  const log = (entry: Partial<NewRequestLog> & { createdAt: number; latencyMs: number }) =>
    temp.storage.requestLogs.append({ route: '/v1/messages', stream: true, status: 200, ...entry });
  for (let index = 1; index <= 20; index += 1) {
    log({
      createdAt: base + 10 * hour + index,
      apiKeyId: 'k1',
      accountId: 'a1',
      userId: 'u1',
      modelRequested: 'm1',
      latencyMs: index * 100,
      firstByteMs: 50,
      inputTokens: 10,
      outputTokens: 20,
      cacheReadTokens: 1,
      credits: 0.5,
    });
  }
  [300, 100, 200].forEach((latencyMs, index) =>
    log({
      createdAt: base + 11 * hour + index,
      apiKeyId: 'k2',
      accountId: 'a2',
      modelRequested: 'm2',
      latencyMs,
      status: index === 0 ? 500 : 200,
      inputTokens: 1,
      outputTokens: 2,
    }),
  );
  log({
    createdAt: base + day + 5 * hour,
    apiKeyId: 'k1',
    accountId: 'a2',
    modelRequested: 'm1',
    latencyMs: 700,
    status: 429,
  });
}
