import { anthropicMessagesRequestSchema } from '@octoproxy/converters';
import { socialProfileArn } from '@octoproxy/kiro-simulator';
import { describe, expect, it } from 'vitest';

import { buildKiroRequest, type KiroClientOptions } from '../src/index';
import { harnessPerTest, kiroAccountOf, readAll, textOf } from './support/simulator';

const harnessForTest = harnessPerTest();

const screenshot = Buffer.alloc(700_000, 1).toString('base64');
const request = anthropicMessagesRequestSchema.parse({
  model: 'claude-sonnet-4-5',
  max_tokens: 1024,
  messages: [
    {
      role: 'user',
      content: [
        { type: 'image', source: { type: 'base64', media_type: 'image/png', data: screenshot } },
        { type: 'text', text: 'sim: text a cat\nWhat is on it?' },
      ],
    },
  ],
});

/** The size of the body the client sends for `request` (a social account), as it measures it. */
const bodyBytes = buildKiroRequest({ request, profileArn: socialProfileArn }).bodyBytes;

async function start(options: { simulatorMax?: number; client?: KiroClientOptions }) {
  const harness = await harnessForTest(
    options.simulatorMax === undefined ? {} : { maxBodyBytes: options.simulatorMax },
    options.client,
  );
  return { harness, account: kiroAccountOf(harness.sim.addAccount({ authMethod: 'social' })) };
}

describe('body size and images', () => {
  it('a screenshot larger than the body limit, with a one-line prompt, is answered', async () => {
    const { harness, account } = await start({});
    expect(bodyBytes).toBeLessThan(2_000);
    const response = await harness.client.generateAssistantResponse({ account, request });
    expect(textOf(await readAll(response.events))).toBe('a cat');
    expect(harness.sim.requests.last('generateAssistantResponse')?.bodyBytes).toBeGreaterThan(
      900_000,
    );
  });

  it('the client and the simulator measure the body the same way', async () => {
    const exact = bodyBytes;
    const accepted = await start({ simulatorMax: exact, client: { maxBodyBytes: exact } });
    const response = await accepted.harness.client.generateAssistantResponse({
      account: accepted.account,
      request,
    });
    expect(textOf(await readAll(response.events))).toBe('a cat');

    const refused = await start({ simulatorMax: exact - 1, client: { maxBodyBytes: null } });
    await expect(
      refused.harness.client.generateAssistantResponse({ account: refused.account, request }),
    ).rejects.toMatchObject({ reason: 'context_too_long' });
    expect(refused.harness.sim.requests.last('generateAssistantResponse')?.error).toMatchObject({
      rule: 'body-size',
      detail: `body has ${exact} bytes without image data (> ${exact - 1})`,
    });
  });
});
