import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { openSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** A measured process: its pid is the process itself (taskset execs, it does not fork). */
export interface RunningChild {
  pid: number;
  stop: () => Promise<void>;
}

export interface SpawnOptions {
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Pin to this CPU list with `taskset -c` (e.g. `'0'`); undefined runs unpinned. */
  cpus: string | undefined;
  /** stdout and stderr go here (a log file), unless the first stdout line is awaited. */
  logFile: string;
}

function start(options: SpawnOptions, stdoutPiped: boolean): ChildProcess {
  const log = openSync(options.logFile, 'a');
  const [command, args] =
    options.cpus === undefined
      ? [options.command, options.args]
      : ['taskset', ['-c', options.cpus, options.command, ...options.args]];
  return spawn(command, [...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', stdoutPiped ? 'pipe' : log, log],
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
}

/** Spawns a process whose output goes to its log file. */
export function spawnChild(options: SpawnOptions): RunningChild {
  const child = start(options, false);
  if (child.pid === undefined) throw new Error(`could not start ${options.command}`);
  return { pid: child.pid, stop: stopper(child) };
}

/** Spawns a process that announces itself with one JSON line on stdout, and returns that line. */
export async function spawnAnnouncing<T>(
  options: SpawnOptions,
): Promise<RunningChild & { announced: T }> {
  const child = start(options, true);
  if (child.pid === undefined || child.stdout === null) {
    throw new Error(`could not start ${options.command}`);
  }
  const lines = createInterface({ input: child.stdout });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${options.command} exited with ${String(code)}; see ${options.logFile}`);
  });
  // Handled here so an exit after the announcement (a normal stop) is no unhandled rejection.
  exited.catch(() => undefined);
  const first = (async () => {
    for await (const line of lines) return line;
    throw new Error(`${options.command} printed nothing; see ${options.logFile}`);
  })();
  const line = await Promise.race([first, exited]);
  // Keep draining stdout so a chatty child never blocks on a full pipe.
  child.stdout.resume();
  return { pid: child.pid, stop: stopper(child), announced: JSON.parse(line) as T };
}
