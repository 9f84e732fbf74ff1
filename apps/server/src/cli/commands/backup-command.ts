import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import type { Command } from 'commander';

import { print, withCore } from '../cli-context';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(
      'copy the database online (safe while the server runs); keep the secret key with it',
    )
    .option('-o, --out <file>', 'destination file (default: <data>/backups/octo-proxy-<time>.db)')
    .action(async (options: { out?: string }) => {
      await withCore(async (core, env) => {
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const destination = options.out ?? join(env.dataDir, 'backups', `octo-proxy-${stamp}.db`);
        await mkdir(dirname(destination), { recursive: true });
        await core.storage.backup(destination);
        print(destination);
      });
    });
}
