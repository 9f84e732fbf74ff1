import {
  aggregateAnthropicStream,
  createAnthropicEventDecoderStream,
  createSseParserStream,
} from '@octoproxy/converters';
import { claudeCodeCaptures } from '@octoproxy/fixtures';
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
  const skipped = new Set(['authorization', 'x-api-key', 'host', 'content-length', 'connection']);
  const kept = Object.entries(headers).filter(([name]) => !skipped.has(name.toLowerCase()));
  return { ...Object.fromEntries(kept), 'x-api-key': apiKey, 'content-type': 'application/json' };
}

describe('real Claude Code requests replayed through the gateway', () => {
  it.each(claudeCodeCaptures.map((capture) => [capture.name, capture] as const))(
    '%s reaches the simulator and streams back a well-formed message',
    async (_name, capture) => {
      const path =
        new URL(capture.url, 'http://capture').pathname +
        new URL(capture.url, 'http://capture').search;
      const before = e2e.sim.requests.count('generateAssistantResponse');
      const response = await fetch(`${e2e.url}${path}`, {
        method: capture.method,
        headers: replayHeaders(capture.headers, e2e.apiKey),
        body: JSON.stringify(capture.body),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const events = response
        .body!.pipeThrough(new TextDecoderStream())
        .pipeThrough(createSseParserStream())
        .pipeThrough(createAnthropicEventDecoderStream());
      const message = await aggregateAnthropicStream(events);
      expect(message.role).toBe('assistant');
      expect(message.usage.input_tokens).toBeGreaterThan(1000);
      expect(message.stop_reason).not.toBeNull();
      expect(e2e.sim.requests.count('generateAssistantResponse')).toBe(before + 1);
      const sent = e2e.sim.requests.last('generateAssistantResponse')!;
      expect(sent.status).toBe(200);
    },
  );
});
