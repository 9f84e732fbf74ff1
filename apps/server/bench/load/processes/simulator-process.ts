/**
 * The Kiro simulator as its own process (so its CPU and memory are not the gateway's): a request
 * log without bodies, accounts with credits for any run, and one JSON line on stdout that says
 * where it listens and what the accounts are. Faults are injected over its control endpoints.
 */
import { startKiroSimulator, type SimulatedAccount } from '@octoproxy/kiro-simulator';

export interface SimulatorAnnouncement {
  url: string;
  apiUrl: string;
  authUrl: string;
  oidcUrl: string;
  controlUrl: string;
  /** The first account is the direct baseline's; the others are imported into the gateway. */
  accounts: SimulatedAccount[];
}

const accountCount = Number(process.argv[2] ?? '4');

const sim = await startKiroSimulator({
  port: 0,
  requestLog: { maxEntries: 100, bodies: false },
});
const accounts = Array.from({ length: accountCount }, () =>
  // Credits for millions of requests: a 500 KB body costs 2.5 credits.
  sim.addAccount({ authMethod: 'social', plan: 'POWER', usageLimit: 100_000_000 }),
);
const announcement: SimulatorAnnouncement = {
  url: sim.url,
  apiUrl: sim.apiUrl,
  authUrl: sim.authUrl,
  oidcUrl: sim.oidcUrl,
  controlUrl: sim.controlUrl,
  accounts,
};
process.stdout.write(`${JSON.stringify(announcement)}\n`);

const stop = (): void => {
  void sim.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
