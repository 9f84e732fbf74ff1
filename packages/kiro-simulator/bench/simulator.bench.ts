// What the simulator costs per request, so benchmarks of the gateway know it is not their bottleneck.
// Run with `pnpm --filter @octoproxy/kiro-simulator bench`.
import { afterAll, bench, describe } from 'vitest';

import { encodeEventFrame, startKiroSimulator } from '../src/index';
import { defaultModels, ModelCatalog } from '../src/models/model-catalog';
import { validateRequest } from '../src/validation/validate-request';
import { decodeResponse } from '../test/helpers/decode-event-stream';
import { chatBody, postChat } from '../test/helpers/kiro-request';

const sim = await startKiroSimulator({ requestLog: { maxEntries: 100, bodies: false } });
const account = sim.addAccount({ authMethod: 'social', plan: 'POWER', usageLimit: 1e12 });
afterAll(() => sim.close());

async function roundTrip(content: string): Promise<void> {
  const response = await postChat({
    apiUrl: sim.apiUrl,
    account,
    body: chatBody(account, content),
  });
  await decodeResponse(response);
}

describe('chat over loopback HTTP (request, stream, decode)', () => {
  bench('short echo answer', () => roundTrip('hello there'));
  bench('2000-word answer (~1000 frames)', () => roundTrip('sim: words 2000'));
  bench('tool call with a 2 KB input', () =>
    roundTrip(`sim: tool Write ${JSON.stringify({ path: 'a.txt', content: 'x'.repeat(2000) })}`),
  );
});

const tools = Array.from({ length: 100 }, (_, i) => ({
  toolSpecification: {
    name: `tool_${i}`,
    description: 'd'.repeat(2000),
    inputSchema: { json: { type: 'object', properties: { a: { type: 'string' } } } },
  },
}));
const history = Array.from({ length: 40 }, (_, i) =>
  i % 2 === 0
    ? { userInputMessage: { content: 'question '.repeat(200), origin: 'AI_EDITOR' } }
    : { assistantResponseMessage: { content: 'answer '.repeat(200) } },
);
const bigBody = JSON.stringify({
  conversationState: {
    chatTriggerType: 'MANUAL',
    history,
    currentMessage: {
      userInputMessage: {
        content: 'next',
        modelId: 'claude-sonnet-4.5',
        userInputMessageContext: { tools },
      },
    },
  },
});
const models = new ModelCatalog(defaultModels);

describe('validation and framing', () => {
  bench(`validate a ${Math.round(bigBody.length / 1024)} KB body with 100 tools`, () => {
    validateRequest({
      bodyText: bigBody,
      bodyBytes: bigBody.length,
      maxBodyBytes: 600_000,
      context: { models },
    });
  });
  bench('encode one assistantResponseEvent frame', () => {
    encodeEventFrame('assistantResponseEvent', { content: 'a short piece of text' });
  });
});
