import { mintApiKey } from '@octoproxy/auth';
import type { Command } from 'commander';

import { print, withCore } from '../cli-context';

export function registerKeysCreate(keys: Command): void {
  keys
    .command('create')
    .description('create an API key and print it (it is shown only this once)')
    .option('-n, --name <name>', 'a name for the key', 'CLI key')
    .option('-u, --user <username>', 'the owner', 'admin')
    .option('--daily-limit <n>', 'requests per UTC day', Number)
    .option('--rate-limit <n>', 'requests per minute', Number)
    .option('--models <list>', 'comma-separated allowed models (`prefix*` patterns allowed)')
    .option('--expires <date>', 'expiry, as an ISO date')
    .action(
      async (options: {
        name: string;
        user: string;
        dailyLimit?: number;
        rateLimit?: number;
        models?: string;
        expires?: string;
      }) => {
        await withCore(async (core) => {
          const owner = await core.storage.users.getByUsername(options.user);
          if (owner === undefined) throw new Error(`No user named ${options.user}.`);
          const expiresAt = options.expires === undefined ? null : Date.parse(options.expires);
          if (Number.isNaN(expiresAt)) throw new Error(`--expires: not a date: ${options.expires}`);
          const minted = mintApiKey();
          await core.storage.apiKeys.create({
            keyHash: minted.keyHash,
            displayPrefix: minted.display.split('…')[0] ?? '',
            last4: minted.key.slice(-4),
            name: options.name,
            userId: owner.id,
            dailyRequestLimit: options.dailyLimit ?? null,
            rateLimitPerMinute: options.rateLimit ?? null,
            allowedModels: options.models?.split(',').map((model) => model.trim()) ?? null,
            expiresAt,
          });
          print(minted.key);
        });
      },
    );
}
