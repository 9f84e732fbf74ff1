import { spawn } from 'node:child_process';

export interface ProcessGroupResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The process group was killed because it outlived `timeoutMs`. */
  timedOut: boolean;
}

/** Process groups still running (killed by `killRunningProcessGroups` if a test gave up on them). */
const running = new Set<number>();

function killGroup(group: number): void {
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Kills every group started here that has not exited yet; for `afterAll`. */
export function killRunningProcessGroups(): void {
  for (const group of running) killGroup(group);
}

/**
 * Runs a command in its own process group without blocking the event loop (the gateway under test
 * lives in this process). Past `timeoutMs` the whole group is killed, so helpers the command started
 * (shells, tool processes) go too.
 */
export function runInProcessGroup(options: {
  command: string;
  args: readonly string[];
  env: Record<string, string>;
  cwd: string;
  timeoutMs: number;
}): Promise<ProcessGroupResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.command, options.args, {
      env: options.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const group = child.pid;
    if (group !== undefined) running.add(group);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      if (group !== undefined) killGroup(group);
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      if (group !== undefined) running.delete(group);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (group !== undefined) running.delete(group);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}
