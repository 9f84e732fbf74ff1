import { claudeCodeCaptures } from '@octoproxy/fixtures';
import { createKiroClient } from '@octoproxy/kiro';
import { afterAll, bench, describe } from 'vitest';

import { countRequestTokens } from '../src/tokens/count-request-tokens';
import { createTokenizer } from '../src/tokens/text-tokenizer';
import { startE2E } from '../test/helpers/e2e-server';

/**
 * What the gateway adds on top of the upstream call: the Kiro client alone against the simulator is
 * the floor; the same short answer through `/v1/messages` (JSON and SSE) and `/v1/chat/completions`
 * is the gateway. Plus the token counter on a real Claude Code request (cold and cached).
 */
describe('one short answer', async () => {
  const e2e = await startE2E();
  const account = e2e.accounts[0]!;
  const kiro = createKiroClient({
    endpoints: { api: e2e.sim.apiUrl, auth: e2e.sim.authUrl, oidc: e2e.sim.oidcUrl },
  });
  const kiroAccount = {
    id: account.id,
    authMethod: 'social' as const,
    profileArn: account.profileArn,
    credentials: {
      accessToken: account.tokenFile.accessToken,
      refreshToken: account.tokenFile.refreshToken,
      expiresAt: account.tokenFile.expiresAt,
    },
  };
  const body = {
    model: 'claude-sonnet-4-6',
    max_tokens: 64,
    messages: [{ role: 'user' as const, content: 'sim: text ok' }],
  };
  const post = (path: string, payload: unknown) =>
    fetch(`${e2e.url}${path}`, {
      method: 'POST',
      headers: { 'x-api-key': e2e.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    }).then((response) => response.text());
  afterAll(async () => {
    await kiro.close();
    await e2e.close();
  });
  // Long enough for hundreds of samples: the machine is shared, and a short run is mostly noise.
  const options = { time: 3000, warmupTime: 1000 };

  bench(
    'Kiro client → simulator (floor)',
    async () => {
      const response = await kiro.generateAssistantResponse({
        account: kiroAccount,
        request: body,
      });
      const reader = response.events.getReader();
      while (!(await reader.read()).done) {
        // drain
      }
    },
    options,
  );
  bench(
    'gateway /v1/messages JSON',
    async () => {
      await post('/v1/messages', body);
    },
    options,
  );
  bench(
    'gateway /v1/messages SSE',
    async () => {
      await post('/v1/messages', { ...body, stream: true });
    },
    options,
  );
  bench(
    'gateway /v1/chat/completions SSE',
    async () => {
      await post('/v1/chat/completions', {
        model: body.model,
        stream: true,
        messages: body.messages,
      });
    },
    options,
  );
});

describe('prompt token count of a Claude Code request', () => {
  const capture = claudeCodeCaptures[1]!.body as unknown as Parameters<
    typeof countRequestTokens
  >[0];
  const warm = createTokenizer();
  countRequestTokens(capture, warm);
  const uncached = createTokenizer({ cacheEntries: 0 });

  bench('cold (no cache)', () => {
    countRequestTokens(capture, uncached);
  });
  bench('warm (history cached)', () => {
    countRequestTokens(capture, warm);
  });
});
