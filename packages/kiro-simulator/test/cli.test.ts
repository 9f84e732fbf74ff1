import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import type { SimulatedAccount } from '../src/index';
import { decodeResponse, textOf } from './helpers/decode-event-stream';
import { chatBody, postChat } from './helpers/kiro-request';

const cli = fileURLToPath(new URL('../src/bin/kiro-simulator.ts', import.meta.url));

function run(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function outputOf(child: ReturnType<typeof run>): Promise<string> {
  let text = '';
  child.stdout.setEncoding('utf8');
  for await (const chunk of child.stdout) {
    text += String(chunk);
    if (text.trimEnd().endsWith('}')) {
      try {
        JSON.parse(text);
        return text;
      } catch {
        // not complete yet
      }
    }
  }
  return text;
}

// Spawning tsx on a busy two-core machine takes seconds.
describe('kiro-simulator CLI', { timeout: 60_000 }, () => {
  it('prints URLs and working credentials, and stops on SIGTERM', async () => {
    const child = run(['--port', '0', '--accounts', '2', '--auth-method', 'social,builder-id']);
    try {
      const printed = JSON.parse(await outputOf(child)) as {
        apiUrl: string;
        controlUrl: string;
        accounts: SimulatedAccount[];
      };
      expect(printed.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/\{region\}$/);
      expect(printed.accounts.map((a) => a.authMethod)).toEqual(['social', 'builder-id']);
      const [account] = printed.accounts;
      const response = await postChat({
        apiUrl: printed.apiUrl,
        account: account!,
        body: chatBody(account!, 'from the CLI'),
      });
      expect(textOf(await decodeResponse(response))).toBe('from the CLI');
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});
