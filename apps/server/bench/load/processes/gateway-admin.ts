import type { RunningGateway } from './gateway-process';

interface LogRow {
  requestId: string | null;
  attempts: number;
  status: number;
}

async function call(gateway: RunningGateway, method: string, path: string): Promise<unknown> {
  const response = await fetch(`${gateway.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${gateway.adminToken}` },
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
  return response.json();
}

/** Attempts per request id, from the gateway's request log (written in batches within ~1 s). */
export async function attemptsByRequestId(
  gateway: RunningGateway,
  requestIds: ReadonlySet<string>,
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let offset = 0; found.size < requestIds.size; offset += 1000) {
    const page = (await call(gateway, 'GET', `/api/logs?limit=1000&offset=${offset}`)) as {
      logs: LogRow[];
    };
    if (page.logs.length === 0) break;
    for (const row of page.logs) {
      if (row.requestId !== null && requestIds.has(row.requestId)) {
        found.set(row.requestId, row.attempts);
      }
    }
  }
  return found;
}

/** Clears every cooldown and ejection of every account (`POST /api/providers/:id/reset`). */
export async function resetAllAccounts(gateway: RunningGateway): Promise<void> {
  const list = (await call(gateway, 'GET', '/api/providers')) as { providers: { id: string }[] };
  for (const provider of list.providers) {
    await call(gateway, 'POST', `/api/providers/${provider.id}/reset`);
  }
}
