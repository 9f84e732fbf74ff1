import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { startKiroSimulator, type KiroSimulator, type SimulatedAccount } from '../src/index';
import { decodeResponse, textOf, type DecodedFrame } from './helpers/decode-event-stream';
import { chatBody, kiroHeaders, postChat } from './helpers/kiro-request';

const sim: KiroSimulator = await startKiroSimulator();
afterAll(() => sim.close());

let account: SimulatedAccount;
beforeEach(() => {
  sim.reset();
  account = sim.addAccount({ authMethod: 'social', plan: 'PRO' });
});

async function chat(content: string, body?: unknown): Promise<DecodedFrame[]> {
  const response = await postChat({
    apiUrl: sim.apiUrl,
    account,
    body: body ?? chatBody(account, content),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/vnd.amazon.eventstream');
  return decodeResponse(response);
}

const toolEvents = (frames: DecodedFrame[]) =>
  frames.filter((frame) => frame.eventType === 'toolUseEvent').map((frame) => frame.payload);

describe('generateAssistantResponse stream', () => {
  it('echoes the message in valid event frames, then metering and context usage', async () => {
    const frames = await chat('Hello 你好 🌍, how are you?');
    expect(textOf(frames)).toBe('Hello 你好 🌍, how are you?');
    expect(frames.length).toBeGreaterThan(3);
    for (const frame of frames) {
      expect(frame.messageType).toBe('event');
      expect(frame.contentType).toBe('application/json');
    }
    const [metering, context] = frames.slice(-2);
    expect(metering?.eventType).toBe('meteringEvent');
    expect(metering?.payload).toMatchObject({ unit: 'credit', unitPlural: 'credits' });
    expect(metering?.payload['usage']).toBeGreaterThan(0);
    expect(context?.eventType).toBe('contextUsageEvent');
    expect(context?.payload['contextUsagePercentage']).toBeGreaterThan(0);
  });

  it('charges the metered credits to the account', async () => {
    const frames = await chat('sim: credits 2.5\nbill me');
    expect(frames.at(-2)?.payload['usage']).toBe(2.5);
    expect(sim.usage(account.id).base.currentUsage).toBe(2.5);
  });

  it('computes context usage from the request size against the model window', async () => {
    const content = `sim: text ok\n${'x'.repeat(40_000)}`;
    const frames = await chat(
      content,
      chatBody(account, content, { modelId: 'claude-sonnet-4.6' }),
    );
    const bytes = sim.requests.last()?.bodyBytes ?? 0;
    const percentage = Number(frames.at(-1)?.payload['contextUsagePercentage']);
    expect(percentage).toBeCloseTo((Math.ceil(bytes / 4) / 1_000_000) * 100, 3);
  });

  it('takes a screenshot larger than the body limit; an image counts 1 600 input tokens', async () => {
    const screenshot = Buffer.alloc(700_000, 1).toString('base64');
    const body = chatBody(account, 'sim: text seen\nWhat is on it?') as {
      conversationState: { currentMessage: { userInputMessage: Record<string, unknown> } };
    };
    body.conversationState.currentMessage.userInputMessage['images'] = [
      { format: 'png', source: { bytes: screenshot } },
    ];
    const frames = await chat('', body);
    expect(textOf(frames)).toBe('seen');
    const textBytes = (sim.requests.last()?.bodyBytes ?? 0) - screenshot.length;
    expect(textBytes).toBeLessThan(1_000);
    const percentage = Number(frames.at(-1)?.payload['contextUsagePercentage']);
    expect(percentage).toBeCloseTo(((Math.ceil(textBytes / 4) + 1_600) / 200_000) * 100, 3);
  });

  it('splits text across frames without breaking multi-byte characters', async () => {
    const frames = await chat('sim: words 300');
    const pieces = frames.filter((f) => f.eventType === 'assistantResponseEvent');
    expect(pieces.length).toBeGreaterThan(50);
    const text = textOf(frames);
    expect(text.split(' ')).toHaveLength(300);
    expect(text).toMatch(/🚀/u);
    const multiByteAtEdge = (content: string): boolean =>
      [content.codePointAt(0), [...content].at(-1)?.codePointAt(0)].some(
        (codePoint) => (codePoint ?? 0) > 0x7f,
      );
    expect(pieces.some((piece) => multiByteAtEdge(String(piece.payload['content'])))).toBe(true);
  });

  it('sends scripted chunks exactly, repeats included', async () => {
    const frames = await chat('sim: chunks ["ha","ha","<thin","king>"]');
    const contents = frames
      .filter((f) => f.eventType === 'assistantResponseEvent')
      .map((f) => f.payload['content']);
    expect(contents).toEqual(['ha', 'ha', '<thin', 'king>']);
  });

  it('scripts a tool call as an opening frame, input fragments and a stop frame', async () => {
    const frames = await chat(
      'sim: text "I will list the files."\nsim: tool Bash {"command":"ls -la","description":"List files ✓"}',
    );
    expect(textOf(frames)).toBe('I will list the files.');
    const events = toolEvents(frames);
    const id = events[0]?.['toolUseId'];
    expect(id).toMatch(/^tooluse_[A-Za-z0-9]{22}$/);
    expect(events.every((e) => e['toolUseId'] === id && e['name'] === 'Bash')).toBe(true);
    expect(events[0]).not.toHaveProperty('input');
    expect(events.at(-1)).toEqual({ toolUseId: id, name: 'Bash', stop: true });
    const fragments = events.slice(1, -1).map((e) => e['input']);
    expect(fragments.length).toBeGreaterThan(2);
    expect(JSON.parse(fragments.join(''))).toEqual({
      command: 'ls -la',
      description: 'List files ✓',
    });
  });

  it('answers a turn carrying tool results with a summary that mentions them', async () => {
    const body = {
      conversationState: {
        chatTriggerType: 'MANUAL',
        history: [
          {
            userInputMessage: {
              content: 'list files',
              modelId: 'claude-sonnet-4.5',
              origin: 'AI_EDITOR',
            },
          },
          {
            assistantResponseMessage: {
              content: 'Listing.',
              toolUses: [{ toolUseId: 'tooluse_1', name: 'Bash', input: { command: 'ls' } }],
            },
          },
        ],
        currentMessage: {
          userInputMessage: {
            content: 'Tool results provided.',
            modelId: 'claude-sonnet-4.5',
            origin: 'AI_EDITOR',
            userInputMessageContext: {
              toolResults: [
                { toolUseId: 'tooluse_1', status: 'success', content: [{ text: 'a.txt\nb.txt' }] },
              ],
              tools: [
                {
                  toolSpecification: {
                    name: 'Bash',
                    description: 'Run a shell command',
                    inputSchema: {
                      json: { type: 'object', properties: { command: { type: 'string' } } },
                    },
                  },
                },
              ],
            },
          },
        },
      },
      profileArn: account.profileArn,
    };
    const frames = await chat('', body);
    expect(textOf(frames)).toBe('Received 1 tool result(s).\n- Bash (success): a.txt b.txt');
    expect(toolEvents(frames)).toEqual([]);
  });

  it('streams inline thinking tags or native reasoning events with a signature', async () => {
    const inline = await chat('sim: think "weighing options"\nsim: text done');
    expect(textOf(inline)).toBe('<thinking>weighing options</thinking>\n\ndone');

    const native = await chat('sim: reasoning weighing options\nsim: text done');
    const reasoning = native.filter((f) => f.eventType === 'reasoningContentEvent');
    const thought = reasoning.map((f) => f.payload['text']).filter((t) => typeof t === 'string');
    expect(thought.join('')).toBe('weighing options');
    expect(reasoning.at(-1)?.payload['signature']).toMatch(/^sig_/);
    expect(textOf(native)).toBe('done');
  });

  it('thinks by default when the prompt enables thinking mode', async () => {
    const frames = await chat(
      '<thinking_mode>enabled</thinking_mode><max_thinking_length>4000</max_thinking_length>\nhi',
    );
    expect(textOf(frames)).toMatch(/^<thinking>Thinking about .*<\/thinking>\n\n/s);
  });

  it('adds the events a client must skip, and metadataEvent on request', async () => {
    const frames = await chat('sim: noise\nsim: metadata\nsim: text ok');
    const types = frames.map((f) => f.eventType);
    expect(types[0]).toBe('messageMetadataEvent');
    expect(types).toContain('followupPromptEvent');
    expect(types).toContain('simulatorUnknownEvent');
    expect(
      frames.find((f) => f.eventType === 'metadataEvent')?.payload['tokenUsage'],
    ).toMatchObject({
      outputTokens: 1,
    });
    expect(types.slice(-2)).toEqual(['meteringEvent', 'contextUsageEvent']);
  });

  it('ends with an exception frame when scripted', async () => {
    const frames = await chat('sim: exception ThrottlingException after 2\nsim: words 50');
    expect(frames).toHaveLength(3);
    expect(frames[2]).toMatchObject({
      messageType: 'exception',
      exceptionType: 'ThrottlingException',
      payload: { message: 'Rate exceeded' },
    });
  });

  it('writes the stream in byte slices when asked, which still decodes', async () => {
    const frames = await chat('sim: slice 3\nsim: text Grüße 👋 from the slicer');
    expect(textOf(frames)).toBe('Grüße 👋 from the slicer');
  });

  it('accepts the awsJson 1.0 style at POST / with x-amz-target', async () => {
    const response = await fetch(`${sim.apiUrlFor('us-east-1')}/`, {
      method: 'POST',
      headers: {
        ...kiroHeaders(account.credentials.accessToken),
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'AmazonCodeWhispererStreamingService.GenerateAssistantResponse',
      },
      body: JSON.stringify(chatBody(account, 'via awsJson')),
    });
    expect(response.status).toBe(200);
    expect(textOf(await decodeResponse(response))).toBe('via awsJson');
    expect(sim.requests.last()?.operation).toBe('generateAssistantResponse');
  });

  it('answers a bad directive with a 400 that names it', async () => {
    const response = await postChat({
      apiUrl: sim.apiUrl,
      account,
      body: chatBody(account, 'sim: dance'),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      message: 'kiro-simulator: sim directive "sim: dance": unknown directive "dance"',
      reason: 'SIMULATOR_DIRECTIVE_INVALID',
    });
  });
});
