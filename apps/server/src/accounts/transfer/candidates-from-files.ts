import { isPassphraseBundle } from '@octoproxy/auth';
import {
  classifyKiroCredentialFile,
  fromKiroCliRecord,
  withClientRegistration,
  type KiroTokenRecord,
} from '@octoproxy/kiro';

import { accountBundleFormat } from './account-bundle';
import type { ImportCandidate } from './import-result';
import { candidateFromProviderEntry } from './provider-entry-candidate';
import { candidateFromTokenRecord } from './token-record-candidate';

/** A file as uploaded or read: its name (or path) and its text. */
export interface ImportFile {
  name: string;
  content: string;
}

export interface CandidatesFromFilesOptions {
  /**
   * Reads a token file's `<clientIdHash>.json` companion when it was not among the files (a local
   * scan reads it from the same folder). Returns the parsed JSON, or undefined when absent.
   */
  readCompanion?: (tokenFileName: string, companionName: string) => Promise<unknown>;
  now?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function baseName(name: string): string {
  return name.split(/[\\/]/).pop()!.toLowerCase();
}

const registrationKinds = new Set(['client-registration', 'kiro-cli-registration']);

/**
 * Every account in a set of files: Kiro's `kiro-auth-token.json` with its `<clientIdHash>.json`
 * companion (matched by name among the files), AWS SSO cache files, kiro-cli records, JSON arrays
 * of any of these, and `{providers: [...]}` exports (the original OctoProxy's, or this server's
 * import body). One candidate per account found, or per file that holds none (with the reason).
 */
export async function candidatesFromFiles(
  files: readonly ImportFile[],
  options: CandidatesFromFilesOptions = {},
): Promise<ImportCandidate[]> {
  const parsed = files.map((file) => {
    try {
      return { file, value: JSON.parse(file.content) as unknown };
    } catch {
      return { file, value: undefined, error: 'Not a JSON file.' };
    }
  });
  const registrations = new Map<string, { value: Record<string, unknown>; used: boolean }>();
  for (const { file, value } of parsed) {
    if (isRecord(value) && registrationKinds.has(classifyKiroCredentialFile(value))) {
      registrations.set(baseName(file.name), { value, used: false });
    }
  }

  const companionOf = async (
    fileName: string,
    record: KiroTokenRecord,
  ): Promise<Record<string, unknown> | undefined> => {
    if (typeof record.clientIdHash !== 'string' || (record.clientId && record.clientSecret)) {
      return undefined;
    }
    const companionName = `${record.clientIdHash}.json`;
    const uploaded = registrations.get(companionName.toLowerCase());
    if (uploaded !== undefined) {
      uploaded.used = true;
      return uploaded.value;
    }
    const read = await options.readCompanion?.(fileName, companionName);
    return isRecord(read) ? read : undefined;
  };

  const fromValue = async (
    source: string,
    fileName: string,
    value: unknown,
  ): Promise<ImportCandidate[]> => {
    if (Array.isArray(value)) {
      const nested = await Promise.all(
        value.map((item, index) => fromValue(`${source}[${index}]`, fileName, item)),
      );
      return nested.flat();
    }
    if (!isRecord(value)) return [{ source, problem: 'Not a Kiro token file.', warnings: [] }];
    if (isPassphraseBundle(value, accountBundleFormat)) {
      return [
        {
          source,
          problem: 'An encrypted OctoProxy account bundle: import it with its passphrase.',
          warnings: [],
        },
      ];
    }
    if (Array.isArray(value.providers)) {
      // The original's export carries `version: "1.0"` and snake_case fields.
      const dialect = typeof value.exportedAt === 'string' ? 'original' : 'octoproxy';
      return value.providers.map((entry, index) =>
        candidateFromProviderEntry({
          source: `${source}[${index}]`,
          entry,
          dialect,
          now: options.now,
        }),
      );
    }
    if (Array.isArray(value.tokens)) return fromValue(source, fileName, value.tokens);
    const kind = classifyKiroCredentialFile(value);
    switch (kind) {
      case 'kiro-token': {
        const record: KiroTokenRecord = { ...value };
        const companion = await companionOf(fileName, record);
        return [
          candidateFromTokenRecord({
            source,
            record: companion === undefined ? record : withClientRegistration(record, companion),
            now: options.now,
          }),
        ];
      }
      case 'kiro-cli-token':
        return [
          candidateFromTokenRecord({
            source,
            record: fromKiroCliRecord({ token: value }),
            now: options.now,
          }),
        ];
      case 'aws-sso-token':
        return [
          {
            source,
            problem: 'Not a Kiro token: an AWS CLI SSO login (aws sso login) for other AWS tools.',
            warnings: [],
          },
        ];
      case 'client-registration':
      case 'kiro-cli-registration':
        return [];
      case 'other':
        return [{ source, problem: 'Not a Kiro token file.', warnings: [] }];
    }
  };

  const candidates: ImportCandidate[] = [];
  for (const { file, value, error } of parsed) {
    if (error !== undefined) {
      candidates.push({ source: file.name, problem: error, warnings: [] });
      continue;
    }
    const found = await fromValue(file.name, file.name, value);
    if (found.length === 0 && !registrations.has(baseName(file.name))) {
      candidates.push({ source: file.name, problem: 'No account in this file.', warnings: [] });
    }
    candidates.push(...found);
  }
  for (const { file } of parsed) {
    const registration = registrations.get(baseName(file.name));
    if (registration !== undefined && !registration.used) {
      candidates.push({
        source: file.name,
        problem:
          'A client registration only, not an account: add it together with the kiro-auth-token.json that names it.',
        warnings: [],
      });
    }
  }
  return candidates;
}
