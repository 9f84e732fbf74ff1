/** The null proxy as its own process: `null-proxy-process.ts <upstream origin>`; prints `{url}`. */
import { startNullProxy } from './null-proxy';

const upstream = process.argv[2];
if (upstream === undefined) throw new Error('usage: null-proxy-process <upstream origin>');
const proxy = await startNullProxy({ upstream });
process.stdout.write(`${JSON.stringify({ url: proxy.url })}\n`);

const stop = (): void => {
  void proxy.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
