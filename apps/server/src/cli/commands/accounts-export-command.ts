import { writeFile } from 'node:fs/promises';

import type { Command } from 'commander';

import { print } from '../cli-context';
import { passphraseEnvVariable, readPassphrase, withAccountTransfer } from './cli-account-transfer';

export function registerAccountsExport(accounts: Command): void {
  accounts
    .command('export')
    .description(
      'write the accounts (configuration and credentials) to a passphrase-encrypted bundle',
    )
    .requiredOption('--out <file>', 'bundle file to write (mode 0600)')
    .option(
      '--passphrase-file <file>',
      `file whose first line is the passphrase, at least 12 characters (else $${passphraseEnvVariable})`,
    )
    .option('--ids <ids>', 'comma-separated account ids (default: every account)')
    .action(async (options: { out: string; passphraseFile?: string; ids?: string }) => {
      const passphrase = await readPassphrase({ passphraseFile: options.passphraseFile });
      const ids = options.ids
        ?.split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '');
      await withAccountTransfer(async (transfer) => {
        const bundle = await transfer.exportBundle(passphrase, ids);
        await writeFile(options.out, `${JSON.stringify(bundle, null, 2)}\n`, { mode: 0o600 });
        print(options.out);
      });
    });
}
