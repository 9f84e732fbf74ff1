// Hot-path costs: what API-key auth adds to every proxied request, and what sealing a token costs.
// Run with `pnpm --filter @octoproxy/auth bench`.
import { bench, describe } from 'vitest';

import {
  createApiKeyAuthenticator,
  createPasswordHasher,
  createSecretBox,
  createSlidingWindowLimiter,
  generateSecretKey,
  mintApiKey,
  parseSecretKeyring,
} from '../src/index';
import { InMemoryApiKeyStore } from '../test/in-memory-stores';

const store = new InMemoryApiKeyStore();
const minted = mintApiKey();
store.add({ keyHash: minted.keyHash, rateLimitPerMinute: 100_000, dailyRequestLimit: 1e12 });
const authenticator = createApiKeyAuthenticator({ keys: store });

describe('API key authentication (per request)', () => {
  bench('authenticate a valid key with both limits', async () => {
    await authenticator.authenticate(minted.key);
  });
  bench('refuse a malformed key', async () => {
    await authenticator.authenticate('sk-octo-short').catch(() => undefined);
  });
});

describe('sliding window limiter', () => {
  const limiter = createSlidingWindowLimiter();
  let request = 0;
  bench('tryAcquire over 1000 keys', () => {
    request += 1;
    limiter.tryAcquire({ key: `k${request % 1000}`, limit: 600 });
  });
});

describe('secret box', () => {
  const box = createSecretBox(parseSecretKeyring(generateSecretKey()));
  const credentials = JSON.stringify({
    accessToken: 'a'.repeat(1200),
    refreshToken: 'r'.repeat(400),
  });
  const sealed = box.seal(credentials, 'account:1:credentials');
  bench('seal 1.6 kB of credentials', () => {
    box.seal(credentials, 'account:1:credentials');
  });
  bench('open 1.6 kB of credentials', () => {
    box.open(sealed, 'account:1:credentials');
  });
});

describe('password hashing (per login, OWASP argon2id)', () => {
  const hasher = createPasswordHasher();
  bench(
    'hash',
    async () => {
      await hasher.hash('correct horse battery staple');
    },
    { iterations: 10, time: 0 },
  );
});
