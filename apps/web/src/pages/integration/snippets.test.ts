import { describe, expect, it } from 'vitest';

import { buildSnippets } from './snippets';

const snippets = buildSnippets({
  origin: 'https://octo.example.com',
  apiKey: 'sk-octo-test',
  model: 'claude-sonnet-4.5',
  smallModel: 'claude-haiku-4.5',
});
const byId = (id: string) => snippets.find((snippet) => snippet.id === id)!.code;

describe('integration snippets', () => {
  it('gives Claude Code the origin (no /v1) in a settings.json env block', () => {
    const settings = JSON.parse(byId('claudeCode')) as { env: Record<string, string> };
    expect(settings.env).toMatchObject({
      ANTHROPIC_BASE_URL: 'https://octo.example.com',
      ANTHROPIC_AUTH_TOKEN: 'sk-octo-test',
      ANTHROPIC_MODEL: 'claude-sonnet-4.5',
      ANTHROPIC_DEFAULT_HAIKU_MODEL: 'claude-haiku-4.5',
    });
  });

  it('gives OpenAI-style clients the /v1 base and Anthropic SDKs the origin', () => {
    expect(byId('codex')).toContain('base_url = "https://octo.example.com/v1"');
    expect(byId('codex')).toContain('wire_api = "responses"');
    expect(byId('codex')).toContain('model_context_window = 200000');
    expect(byId('continue')).toContain('apiBase: https://octo.example.com/v1');
    expect(byId('aider')).toContain('OPENAI_API_BASE=https://octo.example.com/v1');
    expect(byId('openaiPython')).toContain('base_url="https://octo.example.com/v1"');
    expect(byId('anthropicNode')).toContain("baseURL: 'https://octo.example.com'");
    expect(byId('curlAnthropic')).toContain('curl https://octo.example.com/v1/messages');
    expect(byId('curlOpenai')).toContain('Authorization: Bearer sk-octo-test');
  });
});
