import type { AccountCandidate, AccountSettings } from '../onboard-account';

/** What happened to one account found in an import (one per account; partial success is normal). */
export interface ImportResult {
  /** Where it came from: a file name, `file.json[2]`, a path, or `bundle[0] name`. */
  source: string;
  status: 'created' | 'updated' | 'duplicate' | 'invalid';
  accountId: string | null;
  name: string | null;
  /** The stored account it matches (status `duplicate` or `updated`). */
  duplicateOf: string | null;
  error: string | null;
  warnings: string[];
}

/** Account state an import can carry besides the settings a new account takes (bundles, the original's export). */
export interface ImportedAccountExtras {
  disabled?: boolean;
  /** The e-mail the source recorded (the original's export): a match before Kiro is asked. */
  email?: string | undefined;
  machineId?: string | null;
}

/** One account found in what was uploaded or scanned, before Kiro and the pool are asked. */
export type ImportCandidate =
  | {
      source: string;
      account: AccountCandidate;
      settings: AccountSettings;
      extras: ImportedAccountExtras;
      warnings: string[];
      problem?: undefined;
    }
  | { source: string; account?: undefined; problem: string; warnings: string[] };

export type OnDuplicate = 'skip' | 'update';

export function invalidResult(
  source: string,
  error: string,
  warnings: string[] = [],
): ImportResult {
  return {
    source,
    status: 'invalid',
    accountId: null,
    name: null,
    duplicateOf: null,
    error,
    warnings,
  };
}
