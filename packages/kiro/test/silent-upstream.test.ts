import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createKiroClient, type KiroAccount, type KiroClient } from '../src/index';

// An upstream that accepts connections and never answers.
let server: Server;
let client: KiroClient;
const account: KiroAccount = {
  id: 'silent',
  authMethod: 'social',
  machineId: 'b'.repeat(64),
  credentials: {
    accessToken: 't',
    refreshToken: 'r',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  },
};

beforeAll(async () => {
  server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = createKiroClient({
    endpoints: { api: `${base}/{region}`, auth: `${base}/auth`, oidc: `${base}/oidc/{region}` },
    timeouts: { requestMs: 200, firstByteMs: 200 },
  });
});
afterAll(async () => {
  await client.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('an upstream that never answers', () => {
  it('times out metadata calls with a typed error', async () => {
    await expect(client.getUsageLimits({ account })).rejects.toMatchObject({
      reason: 'first_byte_timeout',
      kind: 'timeout',
      mayTryAnotherAccount: true,
    });
  });

  it('times out the chat call before any header', async () => {
    await expect(
      client.generateAssistantResponse({
        account,
        request: {
          model: 'claude-sonnet-4-5',
          max_tokens: 10,
          messages: [{ role: 'user', content: 'hi' }],
        },
      }),
    ).rejects.toMatchObject({ reason: 'first_byte_timeout' });
  });

  it('reports a refresh that times out as refresh_failed', async () => {
    await expect(
      client.ensureFreshToken({
        account: { ...account, credentials: { ...account.credentials, expiresAt: undefined } },
      }),
    ).rejects.toMatchObject({ reason: 'refresh_failed' });
  });
});
