import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2E, type E2E } from './helpers/e2e-server';
import { killRunningProcessGroups, runInProcessGroup } from './helpers/run-in-process-group';
import { tempDir } from './helpers/temp-dir';

/**
 * The real Codex CLI (`@openai/codex`, a Rust binary in the npm package) driven non-interactively
 * against the gateway, with the Kiro simulator as the model: the scripted answer calls Codex's shell
 * tool, Codex runs it and sends the output back, and the simulator's summary of the tool result is
 * the final answer. A missing binary fails the test: resolving the package throws.
 */

const codexEntry = createRequire(import.meta.url).resolve('@openai/codex/bin/codex.js');

let e2e: E2E;
let dir: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  e2e = await startE2E();
  dir = await tempDir('codex');
});
afterAll(async () => {
  killRunningProcessGroups();
  await e2e.close();
  await dir.remove();
});

/** The `config.toml` README.md shows, pointed at this gateway. */
function codexConfig(baseUrl: string): string {
  return [
    'model = "claude-sonnet-4-5"',
    'model_provider = "octoproxy"',
    '',
    '[model_providers.octoproxy]',
    'name = "OctoProxy"',
    `base_url = "${baseUrl}/v1"`,
    'env_key = "OCTOPROXY_API_KEY"',
    'wire_api = "responses"',
    // A failure must show, not be retried away.
    'request_max_retries = 0',
    'stream_max_retries = 0',
    '',
  ].join('\n');
}

async function runExec(options: { name: string; prompt: string; extraArgs?: string[] }) {
  const home = join(dir.path, options.name, 'codex-home');
  const work = join(dir.path, options.name, 'work');
  await mkdir(home, { recursive: true });
  await mkdir(work, { recursive: true });
  await writeFile(join(home, 'config.toml'), codexConfig(e2e.url));
  const lastMessage = join(dir.path, options.name, 'last-message.txt');
  // Its own process group: the launcher starts the native binary, and a timeout must stop both.
  const result = await runInProcessGroup({
    command: process.execPath,
    args: [
      codexEntry,
      'exec',
      '--skip-git-repo-check',
      '--ephemeral',
      '--sandbox',
      'danger-full-access',
      '--color',
      'never',
      '--cd',
      work,
      '--output-last-message',
      lastMessage,
      ...(options.extraArgs ?? []),
      options.prompt,
    ],
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: join(dir.path, options.name),
      CODEX_HOME: home,
      OCTOPROXY_API_KEY: e2e.apiKey,
      NO_COLOR: '1',
    },
    cwd: work,
    timeoutMs: 120_000,
  });
  const transcript = `exit ${result.code}${result.timedOut ? ' (timed out)' : ''}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
  expect(result.code, transcript).toBe(0);
  return { work, transcript, answer: await readFile(lastMessage, 'utf8') };
}

/** The simulator's chat requests answered since `from`. */
const chatTurns = (from: number) =>
  e2e.sim.requests
    .entries('generateAssistantResponse')
    .slice(from)
    .filter((entry) => entry.status === 200);

describe('Codex CLI through the gateway', () => {
  it('runs a shell tool call that creates a file, then prints the final answer', async () => {
    const from = e2e.sim.requests.count('generateAssistantResponse');
    const target = join(dir.path, 'shell', 'work', 'created-by-codex.txt');
    const command = { cmd: `printf 'made by codex' > '${target}'` };
    const { transcript, answer } = await runExec({
      name: 'shell',
      prompt: `Create the file, please.\nsim: tool exec_command ${JSON.stringify(command)}`,
    });
    expect(await readFile(target, 'utf8'), transcript).toBe('made by codex');
    expect(answer, transcript).toContain('Received 1 tool result(s).');
    expect(answer).toContain('exec_command (success)');
    expect(chatTurns(from)).toHaveLength(2);
  }, 180_000);

  it('with reasoning on: the reasoning item Codex replays restores the thinking on the next turn', async () => {
    const from = e2e.sim.requests.count('generateAssistantResponse');
    const target = join(dir.path, 'reasoning', 'work', 'thought.txt');
    const command = { cmd: `printf 'thought first' > '${target}'` };
    const { transcript, answer } = await runExec({
      name: 'reasoning',
      extraArgs: ['-c', 'model_reasoning_effort="low"', '-c', 'model_reasoning_summary="auto"'],
      prompt: [
        'Think, then create the file.',
        'sim: reasoning Planning the file carefully.',
        `sim: tool exec_command ${JSON.stringify(command)}`,
      ].join('\n'),
    });
    expect(await readFile(target, 'utf8'), transcript).toBe('thought first');
    expect(answer, transcript).toContain('Received 1 tool result(s).');
    const turns = chatTurns(from);
    expect(turns).toHaveLength(2);
    // The replayed thinking sits in the assistant turn of the history (the prompt holds it too, as a
    // directive, but never inside thinking tags).
    expect(JSON.stringify(turns[1]?.body)).toContain(
      '<thinking>Planning the file carefully.</thinking>',
    );
  }, 180_000);
});
