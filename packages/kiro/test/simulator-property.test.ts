import { anthropicMessagesRequestSchema } from '@octoproxy/converters';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { anthropicEventViolations } from './support/anthropic-event-rules';
import { conversationRequest } from './support/conversation-arbitrary';
import { kiroAccountOf, readAll, useHarness } from './support/simulator';

const harness = useHarness({}, { connections: { connectionsPerOrigin: 4 } });

describe('any conversation against the simulator', () => {
  it('is accepted (never "Improperly formed request") and answered in order', async () => {
    const account = kiroAccountOf(
      harness.sim.addAccount({ authMethod: 'social', usageLimit: 1_000_000 }),
    );
    await fc.assert(
      fc.asyncProperty(conversationRequest, async (body) => {
        const request = anthropicMessagesRequestSchema.parse({
          model: 'claude-sonnet-4-5',
          max_tokens: 100,
          ...body,
        });
        const response = await harness.client.generateAssistantResponse({ account, request });
        const events = await readAll(response.events);
        expect(harness.sim.requests.last('generateAssistantResponse')?.error).toBeUndefined();
        expect(anthropicEventViolations(events)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
