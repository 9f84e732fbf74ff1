import type { Command } from 'commander';

import { migrateFromOriginal } from '../../accounts/migrate/migrate-from-original';
import { loadConfigFile } from '../../config/load-config-file';
import { print } from '../cli-context';
import { printImportResults, withAccountTransfer } from './cli-account-transfer';

export function registerMigrateFrom(program: Command): void {
  program
    .command('migrate-from')
    .description(
      "bring over the original OctoProxy's accounts, users, API keys (kp_ keys keep working) and settings",
    )
    .argument('<database>', "the original's SQLite file (data/octo-proxy.db)")
    .option('--config <file>', "the original's configs/config.json, for its settings")
    .option(
      '--update',
      'replace the credentials of accounts already in the pool (default: skip them)',
    )
    .action(async (database: string, options: { config?: string; update?: boolean }) => {
      const config =
        options.config === undefined ? undefined : (await loadConfigFile(options.config)).patch;
      await withAccountTransfer(async (transfer, core) => {
        const report = await migrateFromOriginal({
          databasePath: database,
          config,
          storage: core.storage,
          hasher: core.hasher,
          settings: core.settings,
          transfer,
          onDuplicate: options.update ? 'update' : 'skip',
        });
        for (const user of report.users) print(`user\t${user.status}\t${user.username}`);
        for (const key of report.apiKeys)
          print(`api key\t${key.status}\t${key.name}\t${key.prefix}…`);
        if (report.settings.length > 0) print(`settings\t${report.settings.join(', ')}`);
        printImportResults(report.accounts);
        const created = report.users.filter((user) => user.status === 'created').length;
        if (created > 0) {
          print(
            `${created} user${created === 1 ? '' : 's'} migrated: their old passwords work once, then must be changed.`,
          );
        }
      });
    });
}
