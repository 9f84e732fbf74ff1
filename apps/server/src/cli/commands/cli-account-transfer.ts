import { readFile } from 'node:fs/promises';

import { createKiroClient } from '@octoproxy/kiro';

import {
  createAccountTransfer,
  type AccountTransfer,
} from '../../accounts/transfer/account-transfer';
import type { ImportResult } from '../../accounts/transfer/import-result';
import type { ServerEnv } from '../../env';
import type { Core } from '../../runtime/open-core';
import { kiroEndpointsOf } from '../../runtime/start-server';
import { print, withCore } from '../cli-context';

/** Where a bundle passphrase may come from; never an argument, which other users can read in `ps`. */
export const passphraseEnvVariable = 'OCTOPROXY_BUNDLE_PASSPHRASE';

/**
 * Account import and export from the CLI, validating each account with Kiro like the server does.
 * A running server notices the new accounts by itself (it watches the database for commits by
 * other processes), so there is no pool to reload here. Close the returned client when done.
 */
function cliAccountTransfer(
  core: Core,
  env: ServerEnv,
): { transfer: AccountTransfer; close: () => Promise<void> } {
  const kiro = createKiroClient({
    endpoints: kiroEndpointsOf(env),
    kiroVersion: core.settings.current.kiroVersion,
  });
  const transfer = createAccountTransfer({
    onboarding: { storage: core.storage, box: core.box, kiro, reload: () => Promise.resolve() },
    homeDir: env.homeDir,
  });
  return { transfer, close: () => kiro.close() };
}

/** Opens the data folder and a Kiro client for one command, and closes both after it. */
export function withAccountTransfer<T>(
  run: (transfer: AccountTransfer, core: Core) => Promise<T>,
): Promise<T> {
  return withCore(async (core, env) => {
    const { transfer, close } = cliAccountTransfer(core, env);
    try {
      return await run(transfer, core);
    } finally {
      await close();
    }
  });
}

/** The passphrase from `--passphrase-file` (first line) or the environment. */
export async function readPassphrase(options: {
  passphraseFile?: string | undefined;
  environment?: Record<string, string | undefined>;
}): Promise<string> {
  if (options.passphraseFile !== undefined) {
    const text = await readFile(options.passphraseFile, 'utf8');
    return text.split(/\r?\n/)[0] ?? '';
  }
  const fromEnv = (options.environment ?? process.env)[passphraseEnvVariable];
  if (fromEnv === undefined || fromEnv === '') {
    throw new Error(
      `A bundle needs its passphrase: pass --passphrase-file <file> or set ${passphraseEnvVariable}.`,
    );
  }
  return fromEnv;
}

/** One line per result (no secret), then a summary; sets a failing exit code when nothing was stored. */
export function printImportResults(results: readonly ImportResult[]): void {
  for (const result of results) {
    const detail = result.error ?? result.warnings.join(' ');
    print(
      [
        result.status,
        result.source,
        result.name ?? '-',
        result.accountId ?? result.duplicateOf ?? '-',
        detail,
      ]
        .join('\t')
        .trimEnd(),
    );
  }
  const stored = results.filter(
    (result) => result.status === 'created' || result.status === 'updated',
  ).length;
  print(`Imported ${stored} account${stored === 1 ? '' : 's'}.`);
  if (stored === 0 && results.some((result) => result.status === 'invalid')) process.exitCode = 1;
}
