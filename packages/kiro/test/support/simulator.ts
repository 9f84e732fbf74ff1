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
import { afterAll, afterEach, beforeAll } from 'vitest';

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

/**
 * One harness for the whole test file: started before its tests and closed after them. Read it
 * inside tests and hooks only.
 */
export function useHarness(
  simulatorOptions: KiroSimulatorOptions = {},
  clientOptions: KiroClientOptions = {},
): SimulatorHarness {
  let started: SimulatorHarness | undefined;
  beforeAll(async () => {
    started = await startHarness(simulatorOptions, clientOptions);
  });
  afterAll(async () => {
    await started?.close();
  });
  const current = (): SimulatorHarness => {
    if (started === undefined)
      throw new Error('The harness starts before the tests: use it in one.');
    return started;
  };
  return {
    get sim() {
      return current().sim;
    },
    get client() {
      return current().client;
    },
    close: () => current().close(),
  };
}

/** Starts a harness inside a test, with that test's options; each is closed after its test. */
export function harnessPerTest(): (
  simulatorOptions?: KiroSimulatorOptions,
  clientOptions?: KiroClientOptions,
) => Promise<SimulatorHarness> {
  const open: SimulatorHarness[] = [];
  afterEach(async () => {
    for (const harness of open.splice(0)) await harness.close();
  });
  return async (simulatorOptions = {}, clientOptions = {}) => {
    const harness = await startHarness(simulatorOptions, clientOptions);
    open.push(harness);
    return harness;
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

/** What a call that must fail threw. */
export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}
