import type { PassphraseBundle } from '@octoproxy/auth';

import type { OnboardingDeps } from '../onboard-account';
import { candidatesFromBundle, exportAccountBundle } from './account-bundle';
import { candidatesFromFiles, type ImportFile } from './candidates-from-files';
import { importCandidates } from './import-candidates';
import type { ImportResult, OnDuplicate } from './import-result';
import { scanLocalTokens, type LocalTokenScan } from './local-token-scan';

/** Every way accounts come in and go out besides one-by-one adds: files, this machine, bundles. */
export interface AccountTransfer {
  importFiles(files: readonly ImportFile[], onDuplicate?: OnDuplicate): Promise<ImportResult[]>;
  scanLocal(): Promise<Omit<LocalTokenScan, 'candidates'>>;
  /** Imports what a scan finds now, all of it or the listed paths. */
  importLocal(
    paths: readonly string[] | undefined,
    onDuplicate?: OnDuplicate,
  ): Promise<ImportResult[]>;
  exportBundle(passphrase: string, ids?: readonly string[]): Promise<PassphraseBundle>;
  importBundle(
    bundle: unknown,
    passphrase: string,
    onDuplicate?: OnDuplicate,
  ): Promise<ImportResult[]>;
}

export interface AccountTransferOptions {
  /** Storage, secret box, the Kiro client each account is validated with, and the pool's reload. */
  onboarding: OnboardingDeps;
  /** The home folder scanned for local logins. */
  homeDir: string;
  /** scrypt's log2 N for exports; tests lower it to the floor. */
  bundleLog2N?: number;
}

export function createAccountTransfer(options: AccountTransferOptions): AccountTransfer {
  const { homeDir, onboarding } = options;
  const { storage, box } = onboarding;
  const store = (
    candidates: Parameters<typeof importCandidates>[0]['candidates'],
    onDuplicate?: OnDuplicate,
  ) => importCandidates({ candidates, onDuplicate, deps: onboarding });
  return {
    async importFiles(files, onDuplicate) {
      return store(await candidatesFromFiles(files), onDuplicate);
    },
    async scanLocal() {
      const { candidates: _candidates, ...scan } = await scanLocalTokens({ homeDir });
      return scan;
    },
    async importLocal(paths, onDuplicate) {
      const scan = await scanLocalTokens({ homeDir });
      const chosen =
        paths === undefined
          ? scan.candidates.filter((candidate) => candidate.account !== undefined)
          : paths.map(
              (path) =>
                scan.candidates.find((candidate) => candidate.source === path) ?? {
                  source: path,
                  problem: 'No login found at this path.',
                  warnings: [],
                },
            );
      return store(chosen, onDuplicate);
    },
    async exportBundle(passphrase, ids) {
      const { bundle } = await exportAccountBundle({
        storage,
        box,
        passphrase,
        ids,
        log2N: options.bundleLog2N,
      });
      return bundle;
    },
    async importBundle(bundle, passphrase, onDuplicate) {
      return store(await candidatesFromBundle({ bundle, passphrase }), onDuplicate);
    },
  };
}
