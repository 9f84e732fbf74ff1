import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { builderIdPlaceholderArn, startKiroSimulator, type KiroSimulator } from '../src/index';
import { decodeResponse, textOf } from './helpers/decode-event-stream';
import { chatBody, kiroHeaders, postChat } from './helpers/kiro-request';

let now = Date.parse('2026-03-10T12:00:00Z');
const sim: KiroSimulator = await startKiroSimulator({ now: () => now });
afterAll(async () => {
  await sim.close();
  await sim.close(); // idempotent
});
beforeEach(() => {
  sim.reset();
  now = Date.parse('2026-03-10T12:00:00Z');
});

const bearerInvalid = {
  message: 'The bearer token included in the request is invalid.',
  reason: null,
};

async function expectError(response: Response, status: number, body: unknown): Promise<void> {
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual(body);
}

describe('API authentication', () => {
  it('refuses a missing or unknown bearer token with the real 403', async () => {
    const account = sim.addAccount({ authMethod: 'social' });
    const headers = kiroHeaders('aoaUnknownToken');
    const unknown = await postChat({
      apiUrl: sim.apiUrl,
      account,
      body: chatBody(account, 'hi'),
      headers,
    });
    await expectError(unknown, 403, bearerInvalid);
    expect(unknown.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    const missing = await postChat({
      apiUrl: sim.apiUrl,
      account,
      body: chatBody(account, 'hi'),
      headers: { authorization: '' },
    });
    await expectError(missing, 403, bearerInvalid);
  });

  it('refuses an access token once its lifetime has passed, and one expired on demand', async () => {
    const account = sim.addAccount({ authMethod: 'social', accessTokenLifetimeSeconds: 60 });
    expect(account.tokenFile.expiresAt).toBe('2026-03-10T12:01:00.000Z');
    const ok = await postChat({ apiUrl: sim.apiUrl, account, body: chatBody(account, 'hi') });
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();
    now += 60_000;
    const late = await postChat({ apiUrl: sim.apiUrl, account, body: chatBody(account, 'hi') });
    await expectError(late, 403, bearerInvalid);
    expect(sim.requests.last()?.error?.rule).toBe('bearer-token-expired');

    const other = sim.addAccount({ authMethod: 'idc' });
    sim.expireAccessToken(other.id);
    const expired = await postChat({
      apiUrl: sim.apiUrl,
      account: other,
      body: chatBody(other, 'hi'),
    });
    await expectError(expired, 403, bearerInvalid);
  });

  it('refuses calls without the amz-sdk headers, as peers report', async () => {
    const account = sim.addAccount({ authMethod: 'social' });
    const response = await postChat({
      apiUrl: sim.apiUrl,
      account,
      body: chatBody(account, 'hi'),
      headers: { 'amz-sdk-request': '' },
    });
    await expectError(response, 403, bearerInvalid);
    expect(response.headers.get('x-kiro-simulator-rule')).toBe('sdk-headers');
  });

  it('answers "Invalid token" when an account calls the other API region', async () => {
    const account = sim.addAccount({
      authMethod: 'idc',
      region: 'eu-central-1',
      ssoRegion: 'eu-west-1',
    });
    const response = await fetch(`${sim.apiUrlFor('us-east-1')}/generateAssistantResponse`, {
      method: 'POST',
      headers: kiroHeaders(account.credentials.accessToken),
      body: JSON.stringify(chatBody(account, 'hi')),
    });
    await expectError(response, 403, { message: 'Invalid token', reason: null });
    const right = await postChat({ apiUrl: sim.apiUrl, account, body: chatBody(account, 'hi') });
    expect(textOf(await decodeResponse(right))).toBe('hi');
  });

  it('answers 404 for an API region whose host does not exist', async () => {
    const account = sim.addAccount({ authMethod: 'social' });
    const response = await fetch(`${sim.apiUrlFor('us-west-2')}/generateAssistantResponse`, {
      method: 'POST',
      headers: kiroHeaders(account.credentials.accessToken),
      body: JSON.stringify(chatBody(account, 'hi')),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ reason: 'UNKNOWN_HOST' });
  });

  it('answers unknown paths and targets with 404, prototype names included', async () => {
    const account = sim.addAccount({ authMethod: 'social' });
    for (const [path, target] of [
      ['constructor/us-east-1/x', undefined],
      ['api/us-east-1/toString', undefined],
      ['api/us-east-1/', 'constructor'],
      ['api/us-east-1/', 'AmazonCodeWhispererStreamingService.SendMessage'],
    ] as const) {
      const response = await fetch(`${sim.url}/${path}`, {
        method: 'POST',
        headers: {
          ...kiroHeaders(account.credentials.accessToken),
          ...(target ? { 'x-amz-target': target } : {}),
        },
        body: '{}',
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ reason: null });
    }
  });

  it('answers a suspended account with the suspension message', async () => {
    const account = sim.addAccount({ authMethod: 'social' });
    sim.updateAccount(account.id, { suspended: true });
    const response = await postChat({ apiUrl: sim.apiUrl, account, body: chatBody(account, 'hi') });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      message: `Your User ID (${account.userId}) temporarily is suspended. We've locked your account as a security precaution.`,
      reason: 'TEMPORARILY_SUSPENDED',
    });
  });
});

describe('account rules on chat', () => {
  it('requires the profile ARN for social and IdC accounts', async () => {
    for (const authMethod of ['social', 'idc'] as const) {
      const account = sim.addAccount({ authMethod });
      const body = chatBody(account, 'hi');
      delete body['profileArn'];
      await expectError(await postChat({ apiUrl: sim.apiUrl, account, body }), 400, {
        message: 'profileArn is required for this request.',
        reason: null,
      });
    }
  });

  it('refuses a profile ARN that is not the account’s own', async () => {
    const account = sim.addAccount({ authMethod: 'idc' });
    const body = { ...chatBody(account, 'hi'), profileArn: builderIdPlaceholderArn };
    await expectError(await postChat({ apiUrl: sim.apiUrl, account, body }), 400, {
      message: 'Invalid profileArn.',
      reason: null,
    });
  });

  it('lets Builder ID send no profile ARN or the IDE placeholder', async () => {
    const account = sim.addAccount({ authMethod: 'builder-id' });
    expect(account.profileArn).toBeUndefined();
    const bare = await postChat({ apiUrl: sim.apiUrl, account, body: chatBody(account, 'one') });
    expect(textOf(await decodeResponse(bare))).toBe('one');
    const body = { ...chatBody(account, 'two'), profileArn: builderIdPlaceholderArn };
    const placeholder = await postChat({ apiUrl: sim.apiUrl, account, body });
    expect(textOf(await decodeResponse(placeholder))).toBe('two');
  });

  it('refuses opus to a FREE account and unknown or legacy model ids to anyone', async () => {
    const invalidModel = {
      message: 'Invalid model. Please select a different model to continue.',
      reason: 'INVALID_MODEL_ID',
    };
    const free = sim.addAccount({ authMethod: 'social', plan: 'FREE' });
    const opus = chatBody(free, 'hi', { modelId: 'claude-opus-4.5' });
    await expectError(
      await postChat({ apiUrl: sim.apiUrl, account: free, body: opus }),
      400,
      invalidModel,
    );
    const legacy = chatBody(free, 'hi', { modelId: 'CLAUDE_SONNET_4_5_20250929_V1_0' });
    await expectError(
      await postChat({ apiUrl: sim.apiUrl, account: free, body: legacy }),
      400,
      invalidModel,
    );
    const pro = sim.addAccount({ authMethod: 'social', plan: 'PRO' });
    const allowed = await postChat({
      apiUrl: sim.apiUrl,
      account: pro,
      body: chatBody(pro, 'hi', { modelId: 'claude-opus-4.5' }),
    });
    expect(allowed.status).toBe(200);
    await allowed.arrayBuffer();
  });

  it('answers 402 once the account has no credits left', async () => {
    const account = sim.addAccount({ authMethod: 'social', plan: 'PRO', usageLimit: 1 });
    const spend = await postChat({
      apiUrl: sim.apiUrl,
      account,
      body: chatBody(account, 'sim: credits 1\nspend'),
    });
    await spend.arrayBuffer();
    const response = await postChat({
      apiUrl: sim.apiUrl,
      account,
      body: chatBody(account, 'more'),
    });
    await expectError(response, 402, {
      message: 'You have reached the limit.',
      reason: 'MONTHLY_REQUEST_COUNT',
    });
  });

  it('refuses a non-JSON content type', async () => {
    const account = sim.addAccount({ authMethod: 'social' });
    const response = await postChat({
      apiUrl: sim.apiUrl,
      account,
      body: chatBody(account, 'hi'),
      headers: { 'content-type': 'text/plain' },
    });
    await expectError(response, 400, { message: 'Improperly formed request.', reason: null });
  });

  it('answers "Input is too long." above the body limit', async () => {
    const account = sim.addAccount({ authMethod: 'social' });
    const body = chatBody(account, 'x'.repeat(600_001));
    const response = await postChat({ apiUrl: sim.apiUrl, account, body });
    await expectError(response, 400, {
      message: 'Input is too long.',
      reason: 'CONTENT_LENGTH_EXCEEDS_THRESHOLD',
    });
  });
});
