import { readFile } from 'node:fs/promises';

import { isPassphraseBundle } from '@octoproxy/auth';
import type { Command } from 'commander';

import { accountBundleFormat } from '../../accounts/transfer/account-bundle';
import type { ImportResult, OnDuplicate } from '../../accounts/transfer/import-result';
import {
  passphraseEnvVariable,
  printImportResults,
  readPassphrase,
  withAccountTransfer,
} from './cli-account-transfer';

export function registerAccountsImport(accounts: Command): void {
  accounts
    .command('import')
    .description(
      "import Kiro accounts: kiro-auth-token.json with its <clientIdHash>.json, AWS SSO cache files, kiro-cli records, lists, the original OctoProxy's export, or an encrypted bundle",
    )
    .argument('<files...>', 'JSON files to import')
    .option('--name <name>', 'name for a single imported account')
    .option(
      '--update',
      'replace the credentials of accounts already in the pool (default: skip them)',
    )
    .option(
      '--passphrase-file <file>',
      `file whose first line is the bundle's passphrase (else $${passphraseEnvVariable})`,
    )
    .action(
      async (
        files: string[],
        options: { name?: string; update?: boolean; passphraseFile?: string },
      ) => {
        const onDuplicate: OnDuplicate = options.update ? 'update' : 'skip';
        const contents = await Promise.all(
          files.map(async (name) => ({ name, content: await readFile(name, 'utf8') })),
        );
        await withAccountTransfer(async (transfer, core) => {
          const results: ImportResult[] = [];
          const plain: typeof contents = [];
          for (const file of contents) {
            const value = parseJson(file.content);
            if (isPassphraseBundle(value, accountBundleFormat)) {
              const passphrase = await readPassphrase({ passphraseFile: options.passphraseFile });
              results.push(...(await transfer.importBundle(value, passphrase, onDuplicate)));
            } else {
              plain.push(file);
            }
          }
          if (plain.length > 0) {
            const imported = await transfer.importFiles(plain, onDuplicate);
            const created = imported.filter((result) => result.status === 'created');
            if (options.name !== undefined && created.length === 1 && created[0]!.accountId) {
              await core.storage.accounts.update(created[0]!.accountId, { name: options.name });
              created[0]!.name = options.name;
            }
            results.push(...imported);
          }
          printImportResults(results);
        });
      },
    );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
