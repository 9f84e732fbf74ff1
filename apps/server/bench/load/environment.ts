import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';

/** The machine and code a run measured, recorded with the results. */
export interface RunEnvironment {
  date: string;
  commit: string;
  /** Uncommitted changes to tracked files (saved results aside) when the run started. */
  dirty: boolean;
  node: string;
  kernel: string;
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  /** 1-, 5- and 15-minute load averages when the run started. */
  loadAverage: [number, number, number];
  ulimitNofile: string;
  cpuFrequencyScaling: string;
  /** How processes were pinned (`taskset`), or why they were not. */
  pinning: string;
}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function scalingGovernor(): string {
  try {
    const governor = readFileSync(
      '/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor',
      'utf8',
    ).trim();
    return `governor ${governor}`;
  } catch {
    return 'not exposed (no cpufreq in this VM); frequency not controlled';
  }
}

export function describeEnvironment(options: { repoDir: string; pinning: string }): RunEnvironment {
  const [one, five, fifteen] = loadavg();
  return {
    date: new Date().toISOString(),
    commit: git(['rev-parse', '--short', 'HEAD'], options.repoDir),
    // Saved results are data, not code: a reformatted old run does not make the measured code dirty.
    dirty:
      git(
        ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!apps/server/bench/results'],
        options.repoDir,
      ) !== '',
    node: process.version,
    kernel: release(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryBytes: totalmem(),
    loadAverage: [one ?? 0, five ?? 0, fifteen ?? 0],
    ulimitNofile: (() => {
      try {
        return execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim();
      } catch {
        return 'unknown';
      }
    })(),
    cpuFrequencyScaling: scalingGovernor(),
    pinning: options.pinning,
  };
}
