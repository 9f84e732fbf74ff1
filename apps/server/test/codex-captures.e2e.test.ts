import {
  aggregateResponsesStream,
  createSseParserStream,
  type ResponsesStreamEvent,
} from '@octoproxy/converters';
import { codexCaptures } from '@octoproxy/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2E, type E2E } from './helpers/e2e-server';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e.close();
});

/** Headers worth replaying: everything the client sent except its own credentials and transport. */
function replayHeaders(headers: Record<string, string>, apiKey: string): Record<string, string> {
  const skipped = new Set([
    'authorization',
    'host',
    'content-length',
    'connection',
    'accept-encoding',
  ]);
  const kept = Object.entries(headers).filter(([name]) => !skipped.has(name.toLowerCase()));
  return { ...Object.fromEntries(kept), authorization: `Bearer ${apiKey}` };
}

function decodeEvents(body: ReadableStream<Uint8Array>): ReadableStream<ResponsesStreamEvent> {
  return body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(createSseParserStream())
    .pipeThrough(
      new TransformStream({
        transform(message, controller) {
          controller.enqueue(JSON.parse(message.data) as ResponsesStreamEvent);
        },
      }),
    );
}

describe('real Codex CLI requests replayed through the gateway', () => {
  it.each(codexCaptures.map((capture) => [capture.name, capture] as const))(
    '%s reaches the simulator with its tools and streams back a completed response',
    async (_name, capture) => {
      const before = e2e.sim.requests.count('generateAssistantResponse');
      const response = await fetch(`${e2e.url}${new URL(capture.url, 'http://capture').pathname}`, {
        method: capture.method,
        headers: replayHeaders(capture.headers, e2e.apiKey),
        body: JSON.stringify(capture.body),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const final = await aggregateResponsesStream(decodeEvents(response.body!));
      expect(final.status).toBe('completed');
      expect(final.id).toMatch(/^resp_/);
      expect(final.model).toBe(capture.body['model']);
      expect(final.prompt_cache_key).toBe(capture.body['prompt_cache_key']);
      expect(final.usage?.input_tokens).toBeGreaterThan(1000);
      const text = final.output.flatMap((item) =>
        item.type === 'message' ? item.content.map((part) => part.text) : [],
      );
      expect(text.join('')).toContain('what is 2+2');

      expect(e2e.sim.requests.count('generateAssistantResponse')).toBe(before + 1);
      const sent = e2e.sim.requests.last('generateAssistantResponse')!;
      expect(sent.status).toBe(200);
      const tools = JSON.stringify(sent.body);
      for (const name of ['exec_command', 'write_stdin', 'multi_agent_v1__spawn_agent']) {
        expect(tools).toContain(name);
      }
      expect(tools).not.toContain('web_search');
    },
  );
});
