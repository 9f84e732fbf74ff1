import { bench, describe } from 'vitest';

import { createPool, deriveStickyKey, type AccountConfig, type PoolUpstream } from '../src/index';
import { MemoryPoolStore } from '../src/testing/index';

const upstream: PoolUpstream = {
  refreshToken: () => Promise.resolve({ refreshed: false, expiresAt: null }),
  fetchUsage: () =>
    Promise.resolve({ used: 0, limit: 1000, resetAt: null, plan: null, entitledModels: null }),
};

async function poolWith(accountCount: number, strategy: 'lru' | 'round_robin' | 'weighted') {
  const accounts: AccountConfig[] = Array.from({ length: accountCount }, (_, index) => ({
    id: `account-${index}`,
    label: `Account ${index}`,
    enabled: true,
    createdAt: index,
  }));
  const pool = createPool({
    store: new MemoryPoolStore(accounts),
    upstream,
    settings: { strategy, persistDelayMs: 60_000 },
  });
  await pool.reload();
  return pool;
}

const attempt = ({ account }: { account: { id: string } }) => Promise.resolve(account.id);

for (const accountCount of [3, 30, 300]) {
  describe(`run + lease.succeed, ${accountCount} accounts`, async () => {
    const lru = await poolWith(accountCount, 'lru');
    const roundRobin = await poolWith(accountCount, 'round_robin');
    const weighted = await poolWith(accountCount, 'weighted');
    let conversation = 0;

    bench('lru', async () => {
      (await lru.run({ attempt })).lease.succeed();
    });
    bench('round_robin', async () => {
      (await roundRobin.run({ attempt })).lease.succeed();
    });
    bench('weighted', async () => {
      (await weighted.run({ attempt })).lease.succeed();
    });
    bench('lru + sticky (1 000 conversations)', async () => {
      conversation = (conversation + 1) % 1000;
      (await lru.run({ attempt, stickyKey: `conversation-${conversation}` })).lease.succeed();
    });
  });
}

describe('deriveStickyKey', () => {
  const request = {
    system: 'You are a coding agent. '.repeat(400),
    messages: [{ role: 'user', content: 'Refactor the parser. '.repeat(50) }],
  };
  bench('conversation prefix hash (10 KB system prompt)', () => {
    deriveStickyKey({ request });
  });
  bench('session header', () => {
    deriveStickyKey({ request, headers: { 'x-claude-code-session-id': 'abc' } });
  });
});
