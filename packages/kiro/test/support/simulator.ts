import {
  startKiroSimulator,
  type KiroSimulator,
  type KiroSimulatorOptions,
  type SimulatedAccount,
} from '@octoproxy/kiro-simulator';
import {
  anthropicMessagesRequestSchema,
  type AnthropicMessagesRequest,
  type AnthropicStreamEvent,
} from '@octoproxy/converters';

import {
  createKiroClient,
  parseKiroTokenFile,
  type KiroAccount,
  type KiroClient,
  type KiroClientOptions,
} from '../../src/index';

export interface SimulatorHarness {
  sim: KiroSimulator;
  client: KiroClient;
  close(): Promise<void>;
}

/** A simulator on an ephemeral loopback port and a client pointed at it. */
export async function startHarness(
  simulatorOptions: KiroSimulatorOptions = {},
  clientOptions: KiroClientOptions = {},
): Promise<SimulatorHarness> {
  const sim = await startKiroSimulator({ port: 0, ...simulatorOptions });
  const client = createKiroClient({
    ...clientOptions,
    endpoints: {
      api: sim.apiUrl,
      auth: sim.authUrl,
      oidc: sim.oidcUrl,
      ...clientOptions.endpoints,
    },
  });
  return {
    sim,
    client,
    close: async () => {
      await client.close();
      await sim.close();
    },
  };
}

/** The simulator's account as the server would store it, read through Kiro's token files. */
export function kiroAccountOf(
  simulated: SimulatedAccount,
  extra: Partial<KiroAccount> = {},
): KiroAccount {
  const { account } = parseKiroTokenFile({
    tokenFile: simulated.tokenFile,
    registrationFile: simulated.clientRegistration,
  });
  return {
    ...account,
    id: simulated.id,
    apiRegion: simulated.region,
    profileArn: simulated.profileArn,
    machineId: 'a'.repeat(64),
    ...extra,
  };
}

export function messagesRequest(partial: Record<string, unknown> = {}): AnthropicMessagesRequest {
  return anthropicMessagesRequestSchema.parse({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    messages: [{ role: 'user', content: 'Hello there' }],
    ...partial,
  });
}

export async function readAll(
  stream: ReadableStream<AnthropicStreamEvent>,
): Promise<AnthropicStreamEvent[]> {
  const events: AnthropicStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

export function textOf(events: readonly AnthropicStreamEvent[]): string {
  return events
    .map((event) =>
      event.type === 'content_block_delta' && event.delta.type === 'text_delta'
        ? event.delta.text
        : '',
    )
    .join('');
}
