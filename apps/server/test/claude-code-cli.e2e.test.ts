import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { RequestLogEntry } from '@octoproxy/kiro-simulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

import { claudeCodeBinary } from './helpers/claude-code-binary';
import { startE2E, type E2E } from './helpers/e2e-server';
import { killRunningProcessGroups, runInProcessGroup } from './helpers/run-in-process-group';
import { tempDir } from './helpers/temp-dir';

/**
 * The real Claude Code CLI (`@anthropic-ai/claude-code`, a native binary) in print mode against the
 * gateway, configured the way users do it (`ANTHROPIC_BASE_URL` plus `ANTHROPIC_API_KEY` or
 * `ANTHROPIC_AUTH_TOKEN`), with the Kiro simulator as the model. Skipped only on a platform the
 * package publishes no binary for; a missing binary on a supported platform fails.
 */

const binary = claudeCodeBinary();

/** The fields of `claude -p --output-format json` this test reads. */
const printResultSchema = z.object({
  type: z.literal('result'),
  is_error: z.boolean(),
  result: z.string(),
  num_turns: z.number(),
  api_error_status: z.number().nullable().optional(),
  permission_denials: z.array(z.unknown()),
  usage: z.object({ input_tokens: z.number(), output_tokens: z.number() }),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The line `requestContext` logs for every request the gateway answers. */
const gatewayLineSchema = z.object({
  msg: z.literal('request'),
  requestId: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number(),
});
type GatewayRequest = z.infer<typeof gatewayLineSchema>;

/** The parts of a Kiro chat request the tool round trip is checked on. */
const toolTurnSchema = z.object({
  conversationState: z.object({
    history: z.array(
      z.looseObject({
        assistantResponseMessage: z
          .object({
            content: z.string(),
            toolUses: z
              .array(z.object({ toolUseId: z.string(), name: z.string(), input: z.unknown() }))
              .optional(),
          })
          .optional(),
      }),
    ),
    currentMessage: z.object({
      userInputMessage: z.object({
        userInputMessageContext: z.object({
          toolResults: z.array(
            z.object({
              toolUseId: z.string(),
              status: z.string(),
              content: z.array(z.object({ text: z.string() })),
            }),
          ),
        }),
      }),
    }),
  }),
});

describe.skipIf(binary.kind === 'unsupported')('Claude Code CLI through the gateway', () => {
  let e2e: E2E;
  let dir: Awaited<ReturnType<typeof tempDir>>;

  beforeAll(async () => {
    e2e = await startE2E();
    dir = await tempDir('claude-code');
  });
  afterAll(async () => {
    killRunningProcessGroups();
    await e2e.close();
    await dir.remove();
  });

  /** The working folder (`cwd`) of the run called `name`. */
  const workOf = (name: string) => join(dir.path, name, 'work');

  const gatewayRequests = (): GatewayRequest[] =>
    e2e.logs.lines().flatMap((line) => {
      const parsed = gatewayLineSchema.safeParse(line);
      return parsed.success ? [parsed.data] : [];
    });

  /**
   * Runs `claude -p <prompt> --output-format json` in a fresh HOME, config dir and working folder,
   * and returns its result with the gateway requests and upstream chat requests it caused.
   */
  async function runClaude(options: {
    name: string;
    prompt: string;
    /** Which variable carries the gateway key: `x-api-key` or `Authorization: Bearer`. */
    credential: 'ANTHROPIC_API_KEY' | 'ANTHROPIC_AUTH_TOKEN';
    key?: string;
    /** Only the API traffic (`CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC`); else its side requests too. */
    essentialTrafficOnly: boolean;
    args?: string[];
    env?: Record<string, string>;
    files?: Record<string, string>;
  }) {
    if (binary.kind !== 'available') throw new Error(binary.reason);
    const home = join(dir.path, options.name, 'home');
    const work = workOf(options.name);
    const tmp = join(dir.path, options.name, 'tmp');
    for (const folder of [home, work, tmp]) await mkdir(folder, { recursive: true });
    for (const [name, text] of Object.entries(options.files ?? {})) {
      await writeFile(join(work, name), text);
    }
    const gatewayFrom = gatewayRequests().length;
    const upstreamFrom = e2e.sim.requests.count('generateAssistantResponse');
    const run = await runInProcessGroup({
      command: binary.path,
      args: ['-p', options.prompt, '--output-format', 'json', ...(options.args ?? [])],
      cwd: work,
      timeoutMs: 120_000,
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        // Nothing of the user's own Claude Code set-up is read or written.
        HOME: home,
        CLAUDE_CONFIG_DIR: join(home, '.claude'),
        TMPDIR: tmp,
        XDG_RUNTIME_DIR: tmp,
        ANTHROPIC_BASE_URL: e2e.url,
        [options.credential]: options.key ?? e2e.apiKey,
        // Nothing leaves loopback: no telemetry, error reports or update checks.
        DISABLE_TELEMETRY: '1',
        DISABLE_ERROR_REPORTING: '1',
        DISABLE_AUTOUPDATER: '1',
        ...(options.essentialTrafficOnly ? { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' } : {}),
        NO_COLOR: '1',
        ...options.env,
      },
    });
    const transcript = `exit ${run.code}${run.timedOut ? ' (timed out)' : ''}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
    const parsed = printResultSchema.safeParse(parseJson(run.stdout));
    if (!parsed.success) throw new Error(`no print-mode result\n${transcript}`);
    return {
      code: run.code,
      result: parsed.data,
      transcript,
      gateway: gatewayRequests().slice(gatewayFrom),
      upstream: e2e.sim.requests.entries('generateAssistantResponse').slice(upstreamFrom),
    };
  }

  /** The request-log rows of these gateway requests (written off the request path). */
  async function requestLogRows(requests: readonly GatewayRequest[]) {
    const ids = new Set(requests.map((request) => request.requestId));
    return vi.waitFor(
      async () => {
        const page = await e2e.server.core.storage.requestLogs.list({ limit: 100 });
        const rows = page.items.filter((row) => row.requestId !== null && ids.has(row.requestId));
        expect(rows).toHaveLength(ids.size);
        return rows;
      },
      { timeout: 5000 },
    );
  }

  const completed = (entries: readonly RequestLogEntry[]) =>
    entries.filter((entry) => entry.status === 200 && entry.outcome === 'completed');

  it('print mode with ANTHROPIC_API_KEY: the scripted answer comes back over a streamed /v1/messages', async () => {
    const answer = 'Hello from the Kiro simulator, through OctoProxy.';
    const { code, result, transcript, gateway, upstream } = await runClaude({
      name: 'print',
      prompt: `Say hello.\nsim: text ${answer}`,
      credential: 'ANTHROPIC_API_KEY',
      essentialTrafficOnly: true,
    });
    expect(code, transcript).toBe(0);
    expect(result.is_error, transcript).toBe(false);
    expect(result.result).toBe(answer);
    expect(result.num_turns).toBe(1);
    // Usage came through message_start / message_delta.
    expect(result.usage.input_tokens).toBeGreaterThan(0);
    expect(result.usage.output_tokens).toBeGreaterThan(0);

    expect(gateway.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
      { method: 'POST', path: '/v1/messages', status: 200 },
    ]);
    const [row] = await requestLogRows(gateway);
    expect(row).toMatchObject({ route: '/v1/messages', stream: true, status: 200 });
    expect(row?.modelSent).toMatch(/^claude-/);

    expect(completed(upstream)).toHaveLength(1);
    expect(JSON.stringify(upstream[0]?.body)).toContain('Say hello.');
  }, 180_000);

  it('runs a Bash tool call and sends its output back as a tool result', async () => {
    // The shell computes the marker: `octo-42` appears nowhere in the prompt.
    const call = { command: 'echo octo-$((6*7))', description: 'Print a marker' };
    const { code, result, transcript, gateway, upstream } = await runClaude({
      name: 'bash',
      prompt: [
        'Print the marker.',
        'sim: think Plan: echo the marker.',
        `sim: tool Bash ${JSON.stringify(call)}`,
      ].join('\n'),
      credential: 'ANTHROPIC_API_KEY',
      essentialTrafficOnly: true,
      args: ['--allowedTools', 'Bash'],
    });
    expect(code, transcript).toBe(0);
    expect(result.is_error, transcript).toBe(false);
    expect(result.permission_denials).toEqual([]);
    expect(result.num_turns).toBe(2);
    // The simulator's default answer to a tool result names the tool and quotes its output.
    expect(result.result).toContain('Received 1 tool result(s).');
    expect(result.result).toContain('Bash (success): octo-42');

    expect(gateway.map(({ method, path, status }) => `${method} ${path} ${status}`)).toEqual([
      'POST /v1/messages 200',
      'POST /v1/messages 200',
    ]);
    const turns = completed(upstream);
    expect(turns).toHaveLength(2);
    const second = toolTurnSchema.parse(turns[1]?.body).conversationState;
    const assistant = second.history.at(-1)?.assistantResponseMessage;
    // Claude Code asks for `display: "omitted"` and replays the thinking block with empty text:
    // the signature the gateway minted brings the thinking back for the next turn.
    expect(assistant?.content).toContain('<thinking>Plan: echo the marker.</thinking>');
    const toolUse = assistant?.toolUses?.[0];
    expect(toolUse).toMatchObject({ name: 'Bash', input: call });
    const [toolResult] = second.currentMessage.userInputMessage.userInputMessageContext.toolResults;
    expect(toolResult).toEqual({
      toolUseId: toolUse?.toolUseId,
      status: 'success',
      content: [{ text: 'octo-42' }],
    });
  }, 180_000);

  it('with ANTHROPIC_AUTH_TOKEN and side traffic on: every request Claude Code makes is answered', async () => {
    // Read counts the tokens of a file whose rough estimate passes a quarter of its limit
    // (POST /v1/messages/count_tokens); start-up warms the connection (HEAD /api/hello).
    const lines = Array.from(
      { length: 200 },
      (_, index) => `line ${index}: the quick brown fox jumps over the lazy dog`,
    );
    const { code, result, transcript, gateway, upstream } = await runClaude({
      name: 'side-requests',
      prompt: `Read the notes.\nsim: tool Read ${JSON.stringify({ file_path: join(workOf('side-requests'), 'notes.txt') })}`,
      credential: 'ANTHROPIC_AUTH_TOKEN',
      essentialTrafficOnly: false,
      // --strict-mcp-config: no MCP registry download from api.anthropic.com.
      args: ['--allowedTools', 'Read', '--strict-mcp-config'],
      env: { CLAUDE_CODE_FILE_READ_MAX_OUTPUT_TOKENS: '8000' },
      files: { 'notes.txt': `${lines.join('\n')}\n` },
    });
    expect(code, transcript).toBe(0);
    expect(result.is_error, transcript).toBe(false);
    expect(result.result).toContain('Read (success)');

    const seen = gateway.map(({ method, path }) => `${method} ${path}`);
    expect(seen).toContain('HEAD /api/hello');
    expect(seen).toContain('POST /v1/messages/count_tokens');
    expect(seen.filter((request) => request === 'POST /v1/messages')).toHaveLength(2);
    expect(
      gateway.filter((request) => request.status >= 400),
      JSON.stringify(gateway),
    ).toEqual([]);
    const turns = completed(upstream);
    expect(turns).toHaveLength(2);
    const { toolResults } = toolTurnSchema.parse(turns[1]?.body).conversationState.currentMessage
      .userInputMessage.userInputMessageContext;
    // The whole file went back: the token count did not make Claude Code refuse or cut it.
    expect(toolResults[0]?.content[0]?.text).toContain(lines.at(-1));
  }, 180_000);

  it('a wrong key: Claude Code reports the gateway’s 401 authentication error', async () => {
    const { result, transcript, gateway, upstream } = await runClaude({
      name: 'wrong-key',
      prompt: 'sim: text never reached',
      credential: 'ANTHROPIC_API_KEY',
      key: 'sk-octo-not-a-real-key',
      essentialTrafficOnly: true,
    });
    expect(result.is_error, transcript).toBe(true);
    expect(result.api_error_status).toBe(401);
    expect(result.result).toContain('Invalid API key');
    expect(gateway.map(({ method, path, status }) => `${method} ${path} ${status}`)).toEqual([
      'POST /v1/messages 401',
    ]);
    expect(upstream).toEqual([]);
  }, 180_000);
});
