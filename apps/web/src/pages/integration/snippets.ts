export interface SnippetOptions {
  /** The gateway's origin as the browser sees it, e.g. `https://octo.example.com`. */
  origin: string;
  apiKey: string;
  model: string;
  /** Background model (titles, summaries) for Claude Code. */
  smallModel: string;
}

export type SnippetId =
  | 'claudeCode'
  | 'claudeCodeShell'
  | 'codex'
  | 'cursor'
  | 'continue'
  | 'aider'
  | 'openaiPython'
  | 'openaiNode'
  | 'anthropicPython'
  | 'anthropicNode'
  | 'curlOpenai'
  | 'curlAnthropic';

export interface Snippet {
  id: SnippetId;
  /** Where the text goes (a file path or "shell"). */
  target: string;
  language: 'json' | 'toml' | 'yaml' | 'bash' | 'python' | 'javascript' | 'text';
  code: string;
}

/** Every copy-paste snippet, built from where this page was loaded and the chosen key and model. */
export function buildSnippets(options: SnippetOptions): Snippet[] {
  const { origin, apiKey, model, smallModel } = options;
  const v1 = `${origin}/v1`;
  return [
    {
      id: 'claudeCode',
      target: '~/.claude/settings.json',
      language: 'json',
      code: JSON.stringify(
        {
          env: {
            ANTHROPIC_BASE_URL: origin,
            ANTHROPIC_AUTH_TOKEN: apiKey,
            ANTHROPIC_MODEL: model,
            ANTHROPIC_DEFAULT_SONNET_MODEL: model,
            ANTHROPIC_DEFAULT_HAIKU_MODEL: smallModel,
            CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
          },
        },
        null,
        2,
      ),
    },
    {
      id: 'claudeCodeShell',
      target: 'shell',
      language: 'bash',
      code: [
        `export ANTHROPIC_BASE_URL=${origin}`,
        `export ANTHROPIC_API_KEY=${apiKey}`,
        `export ANTHROPIC_MODEL=${model}`,
        `export ANTHROPIC_DEFAULT_HAIKU_MODEL=${smallModel}`,
        'claude',
      ].join('\n'),
    },
    {
      id: 'codex',
      target: '~/.codex/config.toml',
      language: 'toml',
      code: [
        `model = "${model}"`,
        'model_provider = "octoproxy"',
        '# Codex has no metadata for Claude models: tell it the context window.',
        'model_context_window = 200000',
        '',
        '[model_providers.octoproxy]',
        'name = "OctoProxy"',
        `base_url = "${v1}"`,
        'env_key = "OCTOPROXY_API_KEY"',
        'wire_api = "responses"',
        'stream_idle_timeout_ms = 300000',
        '',
        `# then, in the shell: export OCTOPROXY_API_KEY=${apiKey}`,
      ].join('\n'),
    },
    {
      id: 'cursor',
      target: 'Cursor → Settings → Models',
      language: 'text',
      code: [
        `OpenAI API Key:            ${apiKey}`,
        `Override OpenAI Base URL:  ${v1}`,
        `Model:                     ${model}`,
      ].join('\n'),
    },
    {
      id: 'continue',
      target: '~/.continue/config.yaml',
      language: 'yaml',
      code: [
        'models:',
        '  - name: OctoProxy',
        '    provider: openai',
        `    model: ${model}`,
        `    apiBase: ${v1}`,
        `    apiKey: ${apiKey}`,
        '    roles: [chat, edit, apply]',
      ].join('\n'),
    },
    {
      id: 'aider',
      target: 'shell',
      language: 'bash',
      code: [
        `export OPENAI_API_BASE=${v1}`,
        `export OPENAI_API_KEY=${apiKey}`,
        `aider --model openai/${model}`,
      ].join('\n'),
    },
    {
      id: 'openaiPython',
      target: 'pip install openai',
      language: 'python',
      code: [
        'from openai import OpenAI',
        '',
        `client = OpenAI(base_url="${v1}", api_key="${apiKey}")`,
        'response = client.chat.completions.create(',
        `    model="${model}",`,
        '    messages=[{"role": "user", "content": "Hello!"}],',
        ')',
        'print(response.choices[0].message.content)',
      ].join('\n'),
    },
    {
      id: 'openaiNode',
      target: 'npm install openai',
      language: 'javascript',
      code: [
        "import OpenAI from 'openai';",
        '',
        `const client = new OpenAI({ baseURL: '${v1}', apiKey: '${apiKey}' });`,
        'const response = await client.chat.completions.create({',
        `  model: '${model}',`,
        "  messages: [{ role: 'user', content: 'Hello!' }],",
        '});',
        'console.log(response.choices[0].message.content);',
      ].join('\n'),
    },
    {
      id: 'anthropicPython',
      target: 'pip install anthropic',
      language: 'python',
      code: [
        'import anthropic',
        '',
        `client = anthropic.Anthropic(base_url="${origin}", api_key="${apiKey}")`,
        'message = client.messages.create(',
        `    model="${model}",`,
        '    max_tokens=1024,',
        '    messages=[{"role": "user", "content": "Hello!"}],',
        ')',
        'print(message.content[0].text)',
      ].join('\n'),
    },
    {
      id: 'anthropicNode',
      target: 'npm install @anthropic-ai/sdk',
      language: 'javascript',
      code: [
        "import Anthropic from '@anthropic-ai/sdk';",
        '',
        `const client = new Anthropic({ baseURL: '${origin}', apiKey: '${apiKey}' });`,
        'const message = await client.messages.create({',
        `  model: '${model}',`,
        '  max_tokens: 1024,',
        "  messages: [{ role: 'user', content: 'Hello!' }],",
        '});',
        'console.log(message.content);',
      ].join('\n'),
    },
    {
      id: 'curlOpenai',
      target: 'shell',
      language: 'bash',
      code: [
        `curl ${v1}/chat/completions \\`,
        '  -H "Content-Type: application/json" \\',
        `  -H "Authorization: Bearer ${apiKey}" \\`,
        `  -d '{"model": "${model}", "messages": [{"role": "user", "content": "Hello!"}]}'`,
      ].join('\n'),
    },
    {
      id: 'curlAnthropic',
      target: 'shell',
      language: 'bash',
      code: [
        `curl ${v1}/messages \\`,
        '  -H "Content-Type: application/json" \\',
        `  -H "x-api-key: ${apiKey}" \\`,
        '  -H "anthropic-version: 2023-06-01" \\',
        `  -d '{"model": "${model}", "max_tokens": 1024, "messages": [{"role": "user", "content": "Hello!"}]}'`,
      ].join('\n'),
    },
  ];
}
