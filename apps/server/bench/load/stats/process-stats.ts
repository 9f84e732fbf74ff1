import { readdir, readFile } from 'node:fs/promises';

/** What `/proc` says about one process at one instant. */
export interface ProcessSample {
  /** Resident set size in bytes (`VmRSS`). */
  rssBytes: number;
  /** User + system CPU time in seconds (`utime + stime` of `/proc/<pid>/stat`). */
  cpuSeconds: number;
  /** Open file descriptors (sockets included). */
  openFds: number;
}

// Linux reports CPU time in clock ticks; USER_HZ is 100 on every mainstream kernel build.
const ticksPerSecond = 100;

/** Reads RSS, CPU time and open descriptors of a process from `/proc` (Linux only). */
export async function sampleProcess(pid: number): Promise<ProcessSample> {
  const [status, stat, fds] = await Promise.all([
    readFile(`/proc/${pid}/status`, 'utf8'),
    readFile(`/proc/${pid}/stat`, 'utf8'),
    readdir(`/proc/${pid}/fd`).catch(() => []),
  ]);
  return {
    rssBytes: parseRssBytes(status),
    cpuSeconds: parseCpuSeconds(stat),
    openFds: fds.length,
  };
}

export function parseRssBytes(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (match === null) throw new Error('VmRSS missing from /proc/<pid>/status');
  return Number(match[1]) * 1024;
}

/** `utime` and `stime` are fields 14 and 15; the command name (field 2) may contain spaces. */
export function parseCpuSeconds(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field n is fields[n - 3].
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error('bad /proc/<pid>/stat');
  return (utime + stime) / ticksPerSecond;
}

/** CPU seconds a process spent while `work` ran (its other activity included). */
export async function measureCpu<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; cpuSeconds: number }> {
  const before = await sampleProcess(pid);
  const result = await work();
  const after = await sampleProcess(pid);
  return { result, cpuSeconds: after.cpuSeconds - before.cpuSeconds };
}
