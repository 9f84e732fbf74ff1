import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { useFuzzApp } from './helpers/fuzz-app';
import { anything, deepNesting, modelName, text } from './helpers/fuzz-values';

/**
 * Fuzzed request bodies against the real app (real SQLite, real auth): whatever arrives, the answer is
 * never a 5xx, and every 4xx is in the caller's protocol. `FUZZ_RUNS` raises the count (`pnpm fuzz`).
 */
const runs = Number(process.env.FUZZ_RUNS ?? 10_000);

const fuzz = useFuzzApp();

const anthropicBlock = fc.oneof(
  fc.record({ type: fc.constant('text'), text }),
  fc.record({
    type: fc.constant('image'),
    source: fc.oneof(
      fc.record({ type: fc.constant('base64'), media_type: fc.string(), data: fc.base64String() }),
      fc.record({ type: fc.constant('url'), url: fc.webUrl() }),
      anything,
    ),
  }),
  fc.record({ type: fc.constant('tool_use'), id: fc.string(), name: fc.string(), input: anything }),
  fc.record({
    type: fc.constant('tool_result'),
    tool_use_id: fc.string(),
    content: fc.oneof(text, anything),
  }),
  fc.record({ type: fc.constant('thinking'), thinking: text, signature: fc.string() }),
  anything,
);

const anthropicMessage = fc.record({
  role: fc.oneof(fc.constantFrom('user', 'assistant', 'system'), fc.string()),
  content: fc.oneof(text, fc.array(anthropicBlock, { maxLength: 4 }), anything),
});

const anthropicBody = fc.record(
  {
    model: fc.oneof(
      fc.constantFrom('claude-sonnet-4-6', 'claude-opus-4-5-thinking', 'gpt-4o'),
      modelName,
      anything,
    ),
    max_tokens: fc.oneof(fc.integer({ min: -5, max: 200_000 }), anything),
    messages: fc.oneof(fc.array(anthropicMessage, { maxLength: 4 }), anything),
    system: fc.oneof(text, fc.array(fc.record({ type: fc.constant('text'), text })), anything),
    tools: fc.oneof(
      fc.array(fc.record({ name: fc.string(), description: fc.string(), input_schema: anything })),
      anything,
    ),
    tool_choice: anything,
    thinking: fc.oneof(
      fc.record({
        type: fc.constantFrom('enabled', 'adaptive', 'disabled'),
        budget_tokens: fc.integer(),
      }),
      anything,
    ),
    stream: fc.oneof(fc.boolean(), anything),
    temperature: anything,
    stop_sequences: anything,
    metadata: anything,
  },
  { requiredKeys: [] },
);

const openAIMessage = fc.record(
  {
    role: fc.oneof(
      fc.constantFrom('system', 'developer', 'user', 'assistant', 'tool'),
      fc.string(),
    ),
    content: fc.oneof(
      text,
      fc.constant(null),
      fc.array(
        fc.oneof(
          fc.record({ type: fc.constant('text'), text }),
          fc.record({ type: fc.constant('image_url'), image_url: fc.record({ url: fc.string() }) }),
          anything,
        ),
        { maxLength: 3 },
      ),
    ),
    tool_calls: anything,
    tool_call_id: fc.string(),
  },
  { requiredKeys: ['role'] },
);

const openAIBody = fc.record(
  {
    model: fc.oneof(fc.constantFrom('claude-sonnet-4-6', 'gpt-4o-mini'), modelName, anything),
    messages: fc.oneof(fc.array(openAIMessage, { maxLength: 4 }), anything),
    stream: fc.oneof(fc.boolean(), anything),
    stream_options: anything,
    tools: anything,
    tool_choice: anything,
    max_tokens: anything,
    max_completion_tokens: anything,
    reasoning_effort: anything,
    response_format: anything,
    stop: anything,
    n: anything,
  },
  { requiredKeys: [] },
);

const rawBody = fc.oneof(
  fc.string(),
  fc.constantFrom('', '{', '[]', 'null', '{"model":', '\u0000', '{"messages":[{]}'),
);

type Protocol = 'anthropic' | 'openai';
const cases = fc.oneof(
  fc.record({
    path: fc.constantFrom('/v1/messages?beta=true', '/v1/messages/count_tokens'),
    body: fc.oneof(
      anthropicBody.map((value) => JSON.stringify(value)),
      rawBody,
    ),
    protocol: fc.constant<Protocol>('anthropic'),
  }),
  fc.record({
    path: fc.constant('/v1/chat/completions'),
    body: fc.oneof(
      openAIBody.map((value) => JSON.stringify(value)),
      rawBody,
    ),
    protocol: fc.constant<Protocol>('openai'),
  }),
);

function inProtocolShape(protocol: Protocol, body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: { type?: unknown; message?: unknown } }).error;
  if (typeof error?.message !== 'string' || typeof error.type !== 'string') return false;
  return protocol === 'openai' || (body as { type?: unknown }).type === 'error';
}

describe('fuzzed request bodies', () => {
  it(`never answer 5xx and always answer 4xx in the caller’s shape (${runs} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ path, body, protocol }) => {
        const response = await fuzz.app.app.request(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': fuzz.apiKey },
          body,
        });
        const payload = await response.text();
        expect(response.status, payload).toBeLessThan(500);
        if (response.status >= 400) {
          expect(inProtocolShape(protocol, JSON.parse(payload)), payload).toBe(true);
        }
      }),
      { numRuns: runs },
    );
  }, 600_000);

  it('answer bodies nested tens of thousands deep (tool schemas, content, metadata) with a 400', async () => {
    const places = [
      (deep: string) =>
        `{"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}],"tools":[{"name":"t","input_schema":${deep}}]}`,
      (deep: string) =>
        `{"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":${deep}}]}`,
      (deep: string) => `{"model":"claude-sonnet-4-5","messages":[],"metadata":${deep}}`,
    ];
    await fc.assert(
      fc.asyncProperty(
        deepNesting,
        fc.constantFrom(...places),
        fc.constantFrom('/v1/messages', '/v1/chat/completions', '/v1/responses'),
        async (deep, place, path) => {
          const response = await fuzz.app.app.request(path, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': fuzz.apiKey },
            body: place(deep),
          });
          const payload = await response.text();
          expect(response.status, payload.slice(0, 200)).toBe(400);
          expect(payload).toContain('levels deep');
        },
      ),
      { numRuns: 24 },
    );
  }, 120_000);
});
