import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { useFuzzApp } from './helpers/fuzz-app';
import { anything, text } from './helpers/fuzz-values';

/**
 * Fuzzed `POST /v1/responses` bodies against the real app (real SQLite, real auth): whatever arrives,
 * the answer is never a 5xx, every 4xx is an OpenAI error body, and every 200 stream ends with one
 * terminal event. `FUZZ_RUNS` raises the count (`pnpm fuzz`).
 */
const runs = Math.ceil(Number(process.env.FUZZ_RUNS ?? 10_000) / 4);

const fuzz = useFuzzApp();

/** Mostly well-formed values, so fuzzing reaches the upstream and the stream converter too. */
const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 9 }, { arbitrary: anything, weight: 1 });

const callId = fc.oneof(fc.constantFrom('call_1', 'call.2:x'), fc.string({ minLength: 1 }));

const part = fc.oneof(
  fc.record({ type: fc.constantFrom('input_text', 'output_text'), text }),
  fc.record({ type: fc.constant('input_image'), image_url: fc.oneof(fc.string(), fc.webUrl()) }),
  fc.record({
    type: fc.constant('input_file'),
    file_data: fc.base64String(),
    filename: fc.string(),
  }),
  fc.record({ type: fc.string(), text }),
  anything,
);

const item = fc.oneof(
  fc.record(
    {
      type: fc.constant('message'),
      role: mostly(fc.constantFrom('user', 'assistant', 'system', 'developer')),
      content: mostly(fc.oneof(text, fc.array(part, { maxLength: 3 }))),
    },
    { requiredKeys: ['role'] },
  ),
  fc.record({
    type: fc.constant('function_call'),
    call_id: callId,
    name: fc.string(),
    arguments: fc.oneof(fc.constant('{}'), fc.json(), fc.string()),
  }),
  fc.record({
    type: fc.constantFrom('function_call_output', 'custom_tool_call_output'),
    call_id: callId,
    output: fc.oneof(text, fc.array(part, { maxLength: 2 }), anything),
  }),
  fc.record({
    type: fc.constant('custom_tool_call'),
    call_id: callId,
    name: fc.string(),
    input: text,
  }),
  fc.record({
    type: fc.constant('reasoning'),
    summary: fc.array(fc.record({ type: fc.constant('summary_text'), text })),
    encrypted_content: fc.oneof(
      fc.string(),
      fc.constant('octoproxy.thinking.v1.e30='),
      fc.constant(null),
    ),
  }),
  fc.record({
    type: fc.constant('local_shell_call'),
    call_id: callId,
    action: fc.oneof(
      fc.record({ type: fc.constant('exec'), command: fc.array(fc.string()) }),
      anything,
    ),
  }),
  fc.record({ type: fc.string(), id: fc.string() }),
);

const tool = fc.oneof(
  fc.record({
    type: fc.constant('function'),
    name: fc.string({ minLength: 1 }),
    parameters: mostly(fc.constant({ type: 'object' })),
  }),
  fc.record({
    type: fc.constant('custom'),
    name: fc.string(),
    format: fc.oneof(
      fc.record({ type: fc.constant('grammar'), syntax: fc.string(), definition: fc.string() }),
      anything,
    ),
  }),
  fc.record({ type: fc.constantFrom('local_shell', 'web_search', 'file_search') }),
  fc.record({
    type: fc.constant('namespace'),
    name: fc.string({ minLength: 1 }),
    tools: mostly(fc.constant([{ type: 'function', name: 'inner' }])),
  }),
);

const responsesBody = fc.record(
  {
    model: mostly(fc.constantFrom('claude-sonnet-4-6', 'gpt-5-codex')),
    input: mostly(fc.oneof(text, fc.array(item, { maxLength: 5 }))),
    instructions: mostly(text),
    tools: mostly(fc.array(tool, { maxLength: 3 })),
    tool_choice: mostly(
      fc.oneof(
        fc.constantFrom('auto', 'none', 'required'),
        fc.record({ type: fc.constantFrom('function', 'custom', 'web_search'), name: fc.string() }),
      ),
    ),
    reasoning: mostly(
      fc.record({
        effort: fc.constantFrom('minimal', 'low', 'medium', 'high', 'none'),
        summary: fc.constantFrom('auto', 'detailed'),
      }),
    ),
    max_output_tokens: mostly(fc.integer({ min: -5, max: 200_000 })),
    text: mostly(
      fc.record({ format: fc.record({ type: fc.constantFrom('text', 'json_object') }) }),
    ),
    stream: mostly(fc.boolean()),
    include: mostly(fc.constant(['reasoning.encrypted_content'])),
    previous_response_id: fc.oneof(
      { arbitrary: fc.constant(null), weight: 19 },
      { arbitrary: anything, weight: 1 },
    ),
    prompt_cache_key: mostly(fc.string()),
    temperature: mostly(fc.double({ min: 0, max: 2, noNaN: true })),
    parallel_tool_calls: mostly(fc.boolean()),
  },
  { requiredKeys: ['model', 'input'] },
);

const rawBody = fc.oneof(
  fc.string(),
  fc.constantFrom('', '{', '[]', 'null', '{"model":', '\u0000', '{"input":[{]}'),
);

const terminal = /^event: response\.(completed|incomplete|failed)$/gm;

describe('fuzzed Responses request bodies', () => {
  it(`never answer 5xx; 4xx in the OpenAI shape; streams end once (${runs} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { arbitrary: responsesBody.map((value) => JSON.stringify(value)), weight: 9 },
          { arbitrary: rawBody, weight: 1 },
        ),
        async (body) => {
          const response = await fuzz.app.app.request('/v1/responses', {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${fuzz.apiKey}` },
            body,
          });
          const payload = await response.text();
          expect(response.status, payload).toBeLessThan(500);
          if (response.status >= 400) {
            const error = (JSON.parse(payload) as { error?: { message?: unknown; type?: unknown } })
              .error;
            expect(
              typeof error?.message === 'string' && typeof error.type === 'string',
              payload,
            ).toBe(true);
          } else if (response.headers.get('content-type')?.includes('text/event-stream')) {
            expect(payload.match(terminal), payload).toHaveLength(1);
          }
        },
      ),
      { numRuns: runs },
    );
  }, 600_000);
});
