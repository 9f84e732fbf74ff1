/**
 * The load harness: the Kiro simulator, a null proxy and the built gateway as three processes,
 * a load client in this one, the scenarios of BENCHMARKS.md, raw JSON to `bench/results/` and a
 * markdown summary on stdout. `pnpm --filter @octoproxy/server run bench:load [-- --quick]`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

import { Agent } from 'undici';

import type { BenchContext } from './bench-context';
import type { BenchResults } from './bench-results';
import { describeEnvironment } from './environment';
import { spawnAnnouncing } from './processes/child-process';
import { gatewayBenchConfig, startGateway } from './processes/gateway-process';
import type { SimulatorAnnouncement } from './processes/simulator-process';
import { renderMarkdown } from './report/render-markdown';
import { parseRunOptions } from './run-options';
import { runCpuPerToken } from './scenarios/cpu-per-token';
import { runS1 } from './scenarios/s1-added-latency';
import { runS2 } from './scenarios/s2-large-bodies';
import { runS3 } from './scenarios/s3-sustained-rate';
import { runS4 } from './scenarios/s4-streams';
import { runS5 } from './scenarios/s5-memory';
import { runS7 } from './scenarios/s7-failover';
import { sampleProcess } from './stats/process-stats';
import { waitForIdle } from './wait-for-idle';

const here = dirname(fileURLToPath(import.meta.url));
const serverDir = resolve(here, '../..');
const repoDir = resolve(serverDir, '../..');
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Proxies on CPU 0, the simulator and this load client on CPU 1, when taskset and 2 CPUs exist. */
function choosePinning(wanted: boolean): { proxies?: string; others?: string; note: string } {
  if (!wanted) return { note: 'off (--no-pin)' };
  if (cpus().length < 2) return { note: 'off: fewer than 2 CPUs' };
  if (spawnSync('taskset', ['--version']).status !== 0) return { note: 'off: taskset missing' };
  execFileSync('taskset', ['-cp', '1', String(process.pid)]);
  return {
    proxies: '0',
    others: '1',
    note: 'taskset: proxy under test (gateway or null proxy) on CPU 0; simulator and load client on CPU 1',
  };
}

async function main(): Promise<void> {
  const options = parseRunOptions(process.argv.slice(2));
  if (options.waitIdleSeconds > 0) {
    await waitForIdle({ maxSeconds: options.waitIdleSeconds, log });
  }
  const pinning = choosePinning(options.pin);
  const environment = describeEnvironment({ repoDir, pinning: pinning.note });
  log(`load average at start: ${environment.loadAverage.map((n) => n.toFixed(2)).join(' ')}`);
  const work = await mkdtemp(join(tmpdir(), 'octoproxy-bench-'));
  const tsx = ['--import', 'tsx'];
  const started = Date.now();
  const sim = await spawnAnnouncing<SimulatorAnnouncement>({
    command: process.execPath,
    args: [...tsx, join(here, 'processes/simulator-process.ts'), '4'],
    cwd: serverDir,
    cpus: pinning.others,
    logFile: join(work, 'simulator.log'),
  });
  const stops: (() => Promise<void>)[] = [sim.stop];
  try {
    const nullProxy = await spawnAnnouncing<{ url: string }>({
      command: process.execPath,
      args: [...tsx, join(here, 'processes/null-proxy-process.ts'), sim.announced.url],
      cwd: serverDir,
      cpus: pinning.proxies,
      logFile: join(work, 'null-proxy.log'),
    });
    stops.push(nullProxy.stop);
    const [directAccount, ...gatewayAccounts] = sim.announced.accounts;
    if (directAccount === undefined) throw new Error('the simulator created no account');
    const dataDir = join(work, 'data');
    mkdirSync(dataDir);
    const gateway = await startGateway({
      serverDir,
      dataDir,
      sim: sim.announced,
      accounts: gatewayAccounts,
      cpus: pinning.proxies,
      logFile: join(work, 'gateway.log'),
    });
    stops.push(gateway.stop);
    await sleep(2000);
    const gatewayIdleRssBytes = (await sampleProcess(gateway.pid)).rssBytes;
    const dispatcher = new Agent({ keepAliveTimeout: 30_000, connect: { timeout: 30_000 } });
    const context: BenchContext = {
      dispatcher,
      endpoints: {
        kiroApiUrl: sim.announced.apiUrl.replace('{region}', directAccount.region),
        nullProxyUrl: nullProxy.announced.url,
        gatewayUrl: gateway.url,
        apiKey: gateway.apiKey,
        directAccount: {
          accessToken: directAccount.credentials.accessToken,
          profileArn: directAccount.profileArn,
        },
      },
      pids: { simulator: sim.pid, nullProxy: nullProxy.pid, gateway: gateway.pid },
      gateway,
      simulatorControlUrl: sim.announced.controlUrl,
      gatewayAccountIds: gatewayAccounts.map((account) => account.id),
      quick: options.quick,
      log,
    };
    const results: BenchResults = {
      schema: 1,
      environment,
      quick: options.quick,
      gatewayConfig: gatewayBenchConfig,
      durationSeconds: 0,
      gatewayIdleRssBytes,
    };
    const run = options.scenarios;
    if (run.has('S1')) results.s1 = await runS1(context);
    if (run.has('S2')) results.s2 = await runS2(context);
    if (run.has('S3')) results.s3 = await runS3(context);
    if (run.has('S4')) results.s4 = await runS4(context);
    if (run.has('CPU')) results.cpuPerToken = await runCpuPerToken(context);
    if (run.has('S7')) results.s7 = await runS7(context);
    if (run.has('S5')) results.s5 = await runS5(context, gatewayIdleRssBytes);
    results.durationSeconds = (Date.now() - started) / 1000;
    await dispatcher.close();

    const out =
      options.out ??
      (options.quick
        ? join(work, 'results.json')
        : join(
            serverDir,
            'bench/results',
            `${environment.date.slice(0, 10)}-${environment.commit}.json`,
          ));
    mkdirSync(dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${renderMarkdown(results)}\n`);
    log(`raw results: ${out}`);
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
  if (!options.quick || options.out !== undefined) await rm(work, { recursive: true, force: true });
}

await main();
