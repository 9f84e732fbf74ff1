import { describe, expect, it } from 'vitest';

import { parseAnthropicMessagesRequest } from '../anthropic/parse-anthropic-request';
import { parseOpenAIChatRequest } from '../openai/parse-openai-chat-request';
import { toAnthropicError, toOpenAIError } from './error-bodies';
import { errorFromAnthropicBody, errorFromOpenAIBody } from './error-from-protocol-body';
import { InvalidRequestError } from './invalid-request-error';
import { UpstreamProtocolError } from './upstream-protocol-error';

function failure(action: () => unknown): InvalidRequestError {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidRequestError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('request parse errors', () => {
  it.each([
    [
      {
        model: 'm',
        messages: [
          { role: 'user', content: 'a' },
          { role: 'user', content: 'b' },
          { role: 'user', content: 5 },
        ],
      },
      'messages.2.content',
      'messages.2.content: expected string or array',
    ],
    [
      { model: 'm', messages: [{ role: 'robot', content: 'x' }] },
      'messages.0.role',
      "messages.0.role: Invalid discriminator value. Expected 'system' | 'developer' | 'user' | 'assistant' | 'tool' | 'function'",
    ],
    [
      { model: 'm', messages: [{ role: 'user', content: [{ type: 'text' }] }] },
      'messages.0.content.0.text',
      'messages.0.content.0.text: expected string, received undefined',
    ],
    [{ messages: [] }, 'model', 'model: expected string, received undefined'],
    [
      { model: 'm', messages: [], temperature: 3 },
      'temperature',
      'temperature: Too big: expected number to be <=2',
    ],
  ])('names the failing OpenAI path %#', (body, param, message) => {
    const error = failure(() => parseOpenAIChatRequest(body));
    expect(error.param).toBe(param);
    expect(error.message).toBe(message);
    expect(toOpenAIError(error)).toMatchObject({
      status: 400,
      body: { error: { type: 'invalid_request_error', param, message } },
    });
  });

  it('rejects n > 1 and bodies that are not objects', () => {
    expect(failure(() => parseOpenAIChatRequest({ model: 'm', messages: [], n: 3 }))).toMatchObject(
      { param: 'n', code: 'unsupported_value' },
    );
    expect(parseOpenAIChatRequest({ model: 'm', messages: [], n: 1 }).n).toBe(1);
    expect(failure(() => parseOpenAIChatRequest([])).message).toBe(
      'The request body must be a JSON object.',
    );
    expect(failure(() => parseAnthropicMessagesRequest('x')).message).toBe(
      'The request body must be a JSON object.',
    );
  });

  it('names the failing Anthropic path', () => {
    const error = failure(() =>
      parseAnthropicMessagesRequest({
        model: 'm',
        max_tokens: 5,
        messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64' } }] }],
      }),
    );
    expect(error.param).toBe('messages.0.content.0.source.media_type');
    expect(toAnthropicError(error)).toMatchObject({
      status: 400,
      body: {
        type: 'error',
        error: {
          type: 'invalid_request_error',
          message: expect.stringContaining('messages.0.content.0.source'),
        },
      },
    });
  });
});

describe('errors rebuilt from protocol bodies', () => {
  it.each([
    ['invalid_request_error', 'invalid_request', 'client', 400],
    ['authentication_error', 'authentication', 'account', 401],
    ['billing_error', 'permission', 'account', 402],
    ['permission_error', 'permission', 'account', 403],
    ['not_found_error', 'not_found', 'client', 404],
    ['request_too_large', 'request_too_large', 'client', 413],
    ['rate_limit_error', 'rate_limit', 'account', 429],
    ['api_error', 'upstream', 'upstream', 502],
    ['timeout_error', 'timeout', 'upstream', 504],
    ['overloaded_error', 'overloaded', 'upstream', 529],
  ])('Anthropic %s keeps its kind and renders back faithfully', (type, kind, fault, status) => {
    const error = errorFromAnthropicBody({ type: 'error', error: { type, message: 'm' } });
    expect(error).toMatchObject({ kind, fault, upstreamType: type, protocol: 'anthropic' });
    expect(UpstreamProtocolError.isUpstreamProtocolError(error)).toBe(true);
    expect(toAnthropicError(error)).toMatchObject({
      status,
      body: { error: { type, message: 'm' } },
    });
  });

  it('keeps OpenAI code, param and type', () => {
    const error = errorFromOpenAIBody(
      {
        error: {
          message: 'too long',
          type: 'invalid_request_error',
          param: 'messages',
          code: 'context_length_exceeded',
        },
      },
      { status: 400 },
    );
    expect(error).toMatchObject({
      kind: 'invalid_request',
      code: 'context_length_exceeded',
      param: 'messages',
    });
    expect(toOpenAIError(error).body).toEqual({
      error: {
        message: 'too long',
        type: 'invalid_request_error',
        param: 'messages',
        code: 'context_length_exceeded',
      },
    });
    expect(toAnthropicError(error).body.error.type).toBe('invalid_request_error');
    expect(
      errorFromOpenAIBody({ error: { message: 'x', type: 'server_error' } }, { status: 503 }).kind,
    ).toBe('overloaded');
    expect(errorFromOpenAIBody({ error: { message: 'x', type: 'insufficient_quota' } }).kind).toBe(
      'rate_limit',
    );
    expect(errorFromOpenAIBody('garbage')).toMatchObject({
      kind: 'upstream',
      message: 'The upstream reported an error.',
    });
  });

  it('translates across protocols by kind', () => {
    const overloaded = errorFromAnthropicBody({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
    expect(toOpenAIError(overloaded)).toMatchObject({
      status: 503,
      body: { error: { type: 'server_error', code: 'overloaded_error' } },
    });
    const limited = errorFromOpenAIBody(
      { error: { message: 'slow', type: 'rate_limit_error' } },
      { status: 429, retryAfterSeconds: 3 },
    );
    expect(toAnthropicError(limited)).toMatchObject({
      status: 429,
      headers: { 'retry-after': '3' },
      body: { error: { type: 'rate_limit_error' } },
    });
  });
});
