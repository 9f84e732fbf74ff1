import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import { useFuzzApp } from './helpers/fuzz-app';
import { anything, deepNesting, modelName, prototypeKey, text } from './helpers/fuzz-values';

/**
 * Fuzzed admin API bodies against the real app: odd content types, bodies that are not JSON, unknown
 * user ids and model names like `__proto__` answer a 4xx in the admin API's shape, never a 5xx.
 * `FUZZ_RUNS` raises the count (`pnpm fuzz`).
 */
const runs = Number(process.env.FUZZ_RUNS ?? 1_000);

const fuzz = useFuzzApp();
let adminToken = '';
beforeAll(async () => {
  const response = await fuzz.app.app.request('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'test-admin-password' }),
  });
  adminToken = ((await response.json()) as { token: string }).token;
});

const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=utf-8',
  ),
  fc.constant(undefined),
);

const keyBody = fc.record(
  {
    name: fc.oneof(text, anything),
    userId: fc.oneof(fc.string(), prototypeKey, anything),
    dailyLimit: fc.oneof(fc.integer(), fc.constant(null), anything),
    rateLimitPerMinute: fc.oneof(fc.integer(), fc.constant(null), anything),
    allowedModels: fc.oneof(fc.array(modelName, { maxLength: 4 }), fc.constant(null), anything),
    expiresAt: anything,
  },
  { requiredKeys: [] },
);

const cases = fc.oneof(
  fc.record({
    path: fc.constant('/api/login'),
    authed: fc.constant(false),
    body: fc.oneof(
      fc.record({ username: fc.oneof(text, prototypeKey), password: text }, { requiredKeys: [] }),
      anything,
    ),
  }),
  fc.record({ path: fc.constant('/api/api-keys'), authed: fc.constant(true), body: keyBody }),
);

const rawBody = fc.constantFrom('', '{', 'null', 'username=admin&password=x', '\u0000');

describe('fuzzed admin API bodies', () => {
  it(`never answer 5xx and always answer 4xx as {error:{message, code}} (${runs} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        cases,
        contentType,
        fc.option(rawBody),
        async ({ path, authed, body }, type, raw) => {
          const response = await fuzz.app.app.request(path, {
            method: 'POST',
            headers: {
              ...(type === undefined ? {} : { 'content-type': type }),
              ...(authed ? { authorization: `Bearer ${adminToken}` } : {}),
            },
            body: raw ?? JSON.stringify(body),
          });
          const payload = await response.text();
          expect(response.status, payload).toBeLessThan(500);
          if (response.status >= 400) {
            const error = (JSON.parse(payload) as { error?: { message?: unknown; code?: unknown } })
              .error;
            expect(typeof error?.message, payload).toBe('string');
            expect(typeof error?.code, payload).toBe('string');
          }
        },
      ),
      { numRuns: runs },
    );
  }, 600_000);

  it('answer bodies nested tens of thousands deep (credentials, import files, login) with a 400', async () => {
    const places = [
      { path: '/api/providers', body: (deep: string) => `{"name":"x","credentials":${deep}}` },
      { path: '/api/providers/import-files', body: (deep: string) => `{"files":${deep}}` },
      { path: '/api/login', body: (deep: string) => `{"username":${deep},"password":"x"}` },
    ];
    await fc.assert(
      fc.asyncProperty(deepNesting, fc.constantFrom(...places), async (deep, place) => {
        const response = await fuzz.app.app.request(place.path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
          body: place.body(deep),
        });
        const payload = await response.text();
        expect(response.status, payload.slice(0, 200)).toBe(400);
        expect(JSON.parse(payload)).toMatchObject({ error: { code: 'json_too_deep' } });
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
