import type { Command } from 'commander';

import { print } from '../cli-context';
import { printImportResults, withAccountTransfer } from './cli-account-transfer';

export function registerAccountsScan(accounts: Command): void {
  accounts
    .command('scan')
    .description(
      'list the Kiro IDE, kiro-cli and AWS SSO logins on this machine (no secrets shown); --import adds the usable ones',
    )
    .option('--import', 'import every usable login found')
    .option('--update', 'with --import: replace the credentials of accounts already in the pool')
    .action(async (options: { import?: boolean; update?: boolean }) => {
      await withAccountTransfer(async (transfer) => {
        if (options.import) {
          printImportResults(
            await transfer.importLocal(undefined, options.update ? 'update' : 'skip'),
          );
          return;
        }
        const scan = await transfer.scanLocal();
        if (!scan.available) {
          print(scan.reason ?? 'Nothing to scan on this machine.');
          return;
        }
        for (const file of scan.files) {
          print(
            [
              file.usable ? 'usable' : 'unusable',
              file.kind,
              file.authMethod ?? '-',
              file.region ?? '-',
              file.expiresAt ?? '-',
              file.path,
              file.problem ?? '',
            ]
              .join('\t')
              .trimEnd(),
          );
        }
        print(
          `Found ${scan.files.filter((file) => file.usable).length} usable of ${scan.files.length}.`,
        );
      });
    });
}
