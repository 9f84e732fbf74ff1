import { z } from 'zod';

import { startKiroSimulator } from '../simulator/start-kiro-simulator';
import { parseCli, usage } from './cli-options';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : String(error);
    process.stderr.write(`kiro-simulator: ${message}\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    process.stdout.write(usage);
    return;
  }
  const sim = await startKiroSimulator({
    port: options.port,
    host: options.host,
    strictHeaders: options.strictHeaders,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.firstTokenDelayMs === undefined
      ? {}
      : { firstTokenDelayMs: options.firstTokenDelayMs }),
    ...(options.tokensPerSecond === undefined ? {} : { tokensPerSecond: options.tokensPerSecond }),
    ...(options.tokenLifetime === undefined
      ? {}
      : { accessTokenLifetimeSeconds: options.tokenLifetime }),
  });
  const methods = options.authMethods;
  const accounts = Array.from({ length: options.accounts }, (_, i) =>
    sim.addAccount({ authMethod: methods[i % methods.length] ?? 'social', plan: options.plan }),
  );
  const { url, apiUrl, authUrl, oidcUrl, controlUrl } = sim;
  process.stdout.write(
    `${JSON.stringify({ url, apiUrl, authUrl, oidcUrl, controlUrl, accounts }, null, 2)}\n`,
  );
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
