export const integration = {
  integration: {
    description: 'Point your tools at this gateway: copy the settings below.',
    apiKey: 'Your API key',
    apiKeyHelp: 'Paste a key to fill it into the snippets. It stays in this page and is not saved.',
    model: 'Model',
    smallModel: 'Background model (Claude Code)',
    baseUrls: 'Anthropic clients use {{origin}}; OpenAI clients use {{origin}}/v1.',
    noKeyYet: 'No key yet? Create one on',
    accounts: {
      title: 'Adding Kiro accounts',
      intro:
        'Accounts → Add account has every way in; each account is checked with Kiro before it is saved and named by its e-mail.',
      social:
        'Google or GitHub: sign in on Kiro’s page. A server on your own computer finishes by itself; otherwise copy the address the browser ends on (kiro://…) and paste it back.',
      device:
        'AWS Builder ID and IAM Identity Center: enter the code shown on AWS’s page. For Identity Center, give your start URL and its SSO region.',
      apiKey: 'Kiro API key: paste a ksk_… key (paid plans).',
      entra: 'Microsoft Entra ID: paste the token file the Kiro IDE wrote after signing in.',
      files:
        'Token files: drop kiro-auth-token.json with its <clientIdHash>.json, AWS SSO cache files or JSON lists, or import what the server finds on its own machine.',
      move: 'Another OctoProxy: Export on the Accounts page (with a passphrase), then Add account → Import an export bundle.',
      open: 'Open Accounts',
    },
    groups: {
      agents: 'Coding agents',
      editors: 'Editors',
      sdks: 'SDKs',
      curl: 'curl',
    },
    snippets: {
      claudeCode: { title: 'Claude Code', hint: 'Add to' },
      claudeCodeShell: { title: 'Claude Code (environment variables)', hint: 'Run in a' },
      codex: {
        title: 'Codex CLI',
        hint: 'Codex CLI speaks the OpenAI Responses API, which the gateway serves at /v1/responses. Add to',
      },
      cursor: {
        title: 'Cursor',
        hint: 'Cursor calls from its own servers: the gateway must be reachable from the internet over HTTPS. Set in',
      },
      continue: { title: 'Continue', hint: 'Add to' },
      aider: { title: 'Aider', hint: 'Run in a' },
      openaiPython: { title: 'OpenAI SDK (Python)', hint: 'Install with' },
      openaiNode: { title: 'OpenAI SDK (Node.js)', hint: 'Install with' },
      anthropicPython: { title: 'Anthropic SDK (Python)', hint: 'Install with' },
      anthropicNode: { title: 'Anthropic SDK (Node.js)', hint: 'Install with' },
      curlOpenai: { title: 'OpenAI Chat Completions', hint: 'Run in a' },
      curlAnthropic: { title: 'Anthropic Messages', hint: 'Run in a' },
    },
  },
} as const;
