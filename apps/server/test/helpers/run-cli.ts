import { vi } from 'vitest';

import { buildCli } from '../../src/cli/build-cli';

/** Runs the CLI in this process (with the environment as set) and returns what it printed. */
export async function runCli(...args: string[]): Promise<string> {
  const output: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    output.push(String(chunk));
    return true;
  });
  try {
    await buildCli({ exitOverride: true }).parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return output.join('');
}
