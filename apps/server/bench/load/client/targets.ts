import { randomUUID } from 'node:crypto';

import type { Turn } from './prompts';
import type { ContentSink, ReadOutcome } from './readers/content-sink';
import { readJson } from './readers/read-json';
import { readKiroFrames } from './readers/read-kiro-frames';
import { readSse } from './readers/read-sse';

/**
 * Where a request goes: `direct` is the simulator itself (baseline B0, Kiro's own protocol),
 * `null` the same Kiro call through the null proxy (B1, the Node floor), `messages` and `chat` the
 * gateway's Anthropic and OpenAI routes (B2).
 */
export type TargetName = 'direct' | 'null' | 'messages' | 'chat';

export const targetNames: readonly TargetName[] = ['direct', 'null', 'messages', 'chat'];

export interface Endpoints {
  /** The simulator's API base for the direct account's region (`…/api/us-east-1`). */
  kiroApiUrl: string;
  /** The null proxy's origin; it forwards paths unchanged to the simulator. */
  nullProxyUrl: string;
  gatewayUrl: string;
  apiKey: string;
  /** The baseline's own Kiro account (not in the gateway's pool). */
  directAccount: { accessToken: string; profileArn: string | undefined };
}

export interface PreparedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  read(body: AsyncIterable<Uint8Array>, sink: ContentSink): Promise<ReadOutcome>;
}

// The client-facing name and the Kiro id of the same model.
const model = 'claude-sonnet-4-5';
const kiroModelId = 'claude-sonnet-4.5';

function kiroHistory(history: readonly Turn[]): unknown[] {
  return history.map((turn) =>
    turn.role === 'user'
      ? { userInputMessage: { content: turn.content, modelId: kiroModelId, origin: 'AI_EDITOR' } }
      : { assistantResponseMessage: { content: turn.content } },
  );
}

function kiroRequest(
  endpoints: Endpoints,
  base: string,
  spec: { content: string; history?: readonly Turn[] },
): PreparedRequest {
  return {
    url: `${base}/generateAssistantResponse`,
    headers: {
      authorization: `Bearer ${endpoints.directAccount.accessToken}`,
      'content-type': 'application/json',
      'amz-sdk-invocation-id': randomUUID(),
      'amz-sdk-request': 'attempt=1; max=1',
    },
    body: JSON.stringify({
      conversationState: {
        chatTriggerType: 'MANUAL',
        conversationId: randomUUID(),
        ...(spec.history === undefined ? {} : { history: kiroHistory(spec.history) }),
        currentMessage: {
          userInputMessage: { content: spec.content, modelId: kiroModelId, origin: 'AI_EDITOR' },
        },
      },
      profileArn: endpoints.directAccount.profileArn,
    }),
    read: readKiroFrames,
  };
}

/** The request for one exchange; Kiro answers always stream, the gateway's as asked. */
export function prepareRequest(
  endpoints: Endpoints,
  spec: { target: TargetName; content: string; stream: boolean; history?: readonly Turn[] },
): PreparedRequest {
  const gatewayHeaders = { 'x-api-key': endpoints.apiKey, 'content-type': 'application/json' };
  const messages = [...(spec.history ?? []), { role: 'user', content: spec.content }];
  switch (spec.target) {
    case 'direct':
      return kiroRequest(endpoints, endpoints.kiroApiUrl, spec);
    case 'null':
      return kiroRequest(
        endpoints,
        endpoints.nullProxyUrl + new URL(endpoints.kiroApiUrl).pathname,
        spec,
      );
    case 'messages':
      return {
        url: `${endpoints.gatewayUrl}/v1/messages`,
        headers: { ...gatewayHeaders, 'anthropic-version': '2023-06-01' },
        body: JSON.stringify({ model, max_tokens: 4096, stream: spec.stream, messages }),
        read: (body, sink) =>
          spec.stream ? readSse('anthropic', body, sink) : readJson('anthropic', body, sink),
      };
    case 'chat':
      return {
        url: `${endpoints.gatewayUrl}/v1/chat/completions`,
        headers: gatewayHeaders,
        body: JSON.stringify({ model, stream: spec.stream, messages }),
        read: (body, sink) =>
          spec.stream ? readSse('openai', body, sink) : readJson('openai', body, sink),
      };
  }
}
