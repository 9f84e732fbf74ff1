import { describe, expect, it } from 'vitest';

import { defaultModels, ModelCatalog } from '../models/model-catalog';
import { requestRules } from './request-rules';
import { validateRequest, type ValidationResult } from './validate-request';

/** JSON the tests read loosely or break on purpose, which the types would forbid. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const png = Buffer.from('not really a png').toString('base64');
const schema = { type: 'object', properties: { command: { type: 'string' } } };

/** A body that uses every feature the rules look at, and breaks none of them. */
function validBody(): Loose {
  return {
    conversationState: {
      chatTriggerType: 'MANUAL',
      agentTaskType: 'vibe',
      conversationId: 'conv-1',
      history: [
        {
          userInputMessage: {
            content: 'look at this',
            modelId: 'claude-sonnet-4.5',
            origin: 'AI_EDITOR',
            images: [{ format: 'png', source: { bytes: png } }],
          },
        },
        {
          assistantResponseMessage: {
            content: 'Running it.',
            toolUses: [{ toolUseId: 'tooluse_1', name: 'Bash', input: { command: 'ls' } }],
          },
        },
        {
          userInputMessage: {
            content: '',
            userInputMessageContext: {
              toolResults: [
                { toolUseId: 'tooluse_1', status: 'success', content: [{ text: 'a' }] },
              ],
            },
          },
        },
        {
          assistantResponseMessage: {
            content: 'Reading too.',
            toolUses: [{ toolUseId: 'tooluse_2', name: 'Read', input: { path: 'a' } }],
          },
        },
      ],
      currentMessage: {
        userInputMessage: {
          content: 'Tool results provided.',
          modelId: 'claude-sonnet-4.5',
          origin: 'AI_EDITOR',
          images: [{ format: 'jpeg', source: { bytes: png } }],
          userInputMessageContext: {
            envState: { operatingSystem: 'linux', currentWorkingDirectory: '/w' },
            toolResults: [
              { toolUseId: 'tooluse_2', status: 'error', content: [{ json: { e: 1 } }] },
            ],
            tools: [
              {
                toolSpecification: {
                  name: 'Bash',
                  description: 'Run a command',
                  inputSchema: { json: structuredClone(schema) },
                },
              },
              {
                toolSpecification: {
                  name: 'Read',
                  description: 'Read a file',
                  inputSchema: { json: structuredClone(schema) },
                },
              },
            ],
          },
        },
      },
    },
    profileArn: 'arn:aws:codewhisperer:us-east-1:699475941385:profile/EHGA3GRVQMUK',
  };
}

function validate(body: unknown, maxBodyBytes = 600_000): ValidationResult {
  const bodyText = typeof body === 'string' ? body : JSON.stringify(body);
  return validateRequest({
    bodyText,
    bodyBytes: Buffer.byteLength(bodyText),
    maxBodyBytes,
    context: { models: new ModelCatalog(defaultModels) },
  });
}

function ruleOf(result: ValidationResult): string | undefined {
  return result.ok ? undefined : result.error.rule;
}

const current = (body: Loose): Loose => body.conversationState.currentMessage.userInputMessage;
const context = (body: Loose): Loose => current(body).userInputMessageContext;
const history = (body: Loose): Loose => body.conversationState.history;
const spec = (body: Loose, i = 0): Loose => context(body).tools[i].toolSpecification;

/** One violation per rule: each must be reported by exactly that rule. */
const violations: Record<string, (body: Loose) => void> = {
  'current-message-is-user': (body) => {
    body.conversationState.currentMessage = { assistantResponseMessage: { content: 'x' } };
  },
  'current-content-non-empty': (body) => {
    current(body).content = '  \n';
  },
  'chat-trigger-type': (body) => {
    body.conversationState.chatTriggerType = 'AUTO';
  },
  'agent-task-type': (body) => {
    body.conversationState.agentTaskType = 'chat';
  },
  origin: (body) => {
    current(body).origin = 'KIRO_IDE';
  },
  'history-starts-with-user': (body) => {
    history(body).splice(0, 1);
  },
  'history-alternates': (body) => {
    history(body).splice(1, 0, { userInputMessage: { content: 'again' } });
  },
  'history-ends-with-assistant': (body) => {
    history(body).push({ userInputMessage: { content: 'prefill follows' } });
  },
  'tools-only-on-current-message': (body) => {
    history(body)[2].userInputMessage.userInputMessageContext.tools = context(body).tools;
  },
  'tool-results-answer-previous-tool-uses': (body) => {
    context(body).toolResults[0].toolUseId = 'tooluse_unknown';
  },
  'tool-uses-answered': (body) => {
    history(body)[3].assistantResponseMessage.toolUses.push({
      toolUseId: 'tooluse_3',
      name: 'Bash',
      input: {},
    });
  },
  'unique-tool-use-ids': (body) => {
    history(body)[3].assistantResponseMessage.toolUses[0].toolUseId = 'tooluse_1';
    context(body).toolResults[0].toolUseId = 'tooluse_1';
  },
  'tools-required-with-tool-history': (body) => {
    delete context(body).tools;
  },
  'tools-cover-history': (body) => {
    context(body).tools.splice(1, 1);
  },
  'no-cache-point-tools': (body) => {
    context(body).tools.push({ cachePoint: { type: 'default' } });
  },
  'tool-name-pattern': (body) => {
    context(body).tools.push({
      toolSpecification: { name: 'mcp-server.tool', description: 'd', inputSchema: { json: {} } },
    });
  },
  'tool-name-length': (body) => {
    context(body).tools.push({
      toolSpecification: {
        name: `t${'x'.repeat(64)}`,
        description: 'd',
        inputSchema: { json: {} },
      },
    });
  },
  'unique-tool-names': (body) => {
    context(body).tools.push(structuredClone(context(body).tools[0]));
  },
  'tool-description': (body) => {
    spec(body).description = 'x'.repeat(10_005);
  },
  'tool-input-schema': (body) => {
    spec(body).inputSchema = { json: '{"type":"object"}' };
  },
  'tool-use-input': (body) => {
    history(body)[1].assistantResponseMessage.toolUses[0].input = { '': 'empty key' };
  },
  'tool-result-status': (body) => {
    context(body).toolResults[0].status = 'failed';
  },
  'image-placement': (body) => {
    context(body).images = current(body).images;
  },
  'image-shape': (body) => {
    current(body).images[0] = { format: 'bmp', source: { bytes: png } };
  },
  'image-count': (body) => {
    current(body).images = Array.from({ length: 10 }, (): Loose => current(body).images[0]);
  },
  'env-state-os': (body) => {
    context(body).envState.operatingSystem = 'darwin';
  },
  'model-id': (body) => {
    current(body).modelId = 'CLAUDE_SONNET_4_5_20250929_V1_0';
  },
};

describe('request rules', () => {
  it('accept a body that uses every checked feature correctly', () => {
    expect(validate(validBody())).toMatchObject({ ok: true });
  });

  it('have a violation test for every rule', () => {
    expect(Object.keys(violations).sort()).toEqual(requestRules.map((rule) => rule.id).sort());
  });

  it.each(requestRules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
    const body = validBody();
    violations[id]?.(body);
    const result = validate(body);
    expect(ruleOf(result)).toBe(id);
    if (result.ok) return;
    expect(result.error.status).toBe(400);
    expect(result.error.reason).toBe(rule.reason);
    expect(result.error.message).toBe(
      rule.kind === 'model'
        ? 'Invalid model. Please select a different model to continue.'
        : 'Improperly formed request.',
    );
    expect(result.detail).not.toBe('');
  });
});

describe('structural checks', () => {
  it('answer "Input is too long." above the byte limit', () => {
    const result = validate(validBody(), 100);
    expect(result).toMatchObject({
      ok: false,
      error: { message: 'Input is too long.', reason: 'CONTENT_LENGTH_EXCEEDS_THRESHOLD' },
    });
  });

  it('count the body without image data against the byte limit', () => {
    const body = validBody();
    current(body).images[0].source.bytes = Buffer.alloc(30_000, 7).toString('base64');
    const bodyText = JSON.stringify(body);
    const imageData = [...bodyText.matchAll(/"bytes":"([^"]*)"/g)].reduce(
      (sum, match) => sum + (match[1]?.length ?? 0),
      0,
    );
    const textBytes = Buffer.byteLength(bodyText) - imageData;
    expect(textBytes).toBeLessThan(5_000);
    expect(validate(body, textBytes)).toMatchObject({ ok: true, textBytes, images: 2 });
    expect(validate(body, textBytes - 1)).toMatchObject({
      ok: false,
      error: { rule: 'body-size', message: 'Input is too long.' },
      detail: `body has ${textBytes} bytes without image data (> ${textBytes - 1})`,
    });
  });

  it('take images up to 10 MiB each, whatever the body limit', () => {
    const body = validBody();
    current(body).images[0].source.bytes = Buffer.alloc(10 * 1024 * 1024).toString('base64');
    expect(validate(body)).toMatchObject({ ok: true });
    current(body).images[0].source.bytes = Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64');
    expect(validate(body)).toMatchObject({
      ok: false,
      error: { rule: 'image-shape' },
      detail: 'images[0] exceeds 10 MiB',
    });
    for (const notBase64 of ['', 'abc', 'ab=c', '====', 'ab c']) {
      current(body).images[0].source.bytes = notBase64;
      expect(validate(body)).toMatchObject({ detail: 'images[0] bytes are not base64' });
    }
  });

  it('refuse a toolUseId answered twice in one message, the evidenced half of unique-tool-use-ids', () => {
    const body = validBody();
    context(body).toolResults.push({ ...context(body).toolResults[0] });
    expect(validate(body)).toMatchObject({
      ok: false,
      error: { rule: 'unique-tool-use-ids' },
      detail: 'toolUseId tooluse_2 is duplicated',
    });
  });

  it('refuse non-JSON and non-object bodies', () => {
    expect(ruleOf(validate('{"conversationState":'))).toBe('json');
    expect(ruleOf(validate('[1]'))).toBe('json');
  });

  it('refuse a null anywhere, as a tool schema problem inside tools', () => {
    const anywhere = validBody();
    anywhere.conversationState.conversationId = null;
    expect(validate(anywhere)).toMatchObject({
      ok: false,
      error: { rule: 'no-null-values', reason: null },
      detail: 'null at $.conversationState.conversationId',
    });
    const inSchema = validBody();
    spec(inSchema).inputSchema.json.properties.command.default = null;
    expect(validate(inSchema)).toMatchObject({
      ok: false,
      error: { rule: 'no-null-values', reason: 'TOOL_SCHEMA_INVALID' },
    });
  });

  it('refuse a body missing required members or mixing union keys', () => {
    const noContent = validBody();
    delete current(noContent).content;
    expect(ruleOf(validate(noContent))).toBe('shape');
    const bothKeys = validBody();
    history(bothKeys)[0].assistantResponseMessage = { content: 'x' };
    expect(ruleOf(validate(bothKeys))).toBe('shape');
    const badBlock = validBody();
    context(badBlock).toolResults[0].content = [{ text: 'a', json: {} }];
    expect(ruleOf(validate(badBlock))).toBe('shape');
  });

  it('let unknown members through, as the service does', () => {
    const body = validBody();
    context(body).toolResults[0].isError = true;
    body.conversationState.agentContinuationId = 'abc';
    expect(validate(body)).toMatchObject({ ok: true });
  });
});
