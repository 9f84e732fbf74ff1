import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { classifyKiroCredentialFile, type KiroCredentialFileKind } from '@octoproxy/kiro';

import { candidatesFromFiles } from './candidates-from-files';
import type { ImportCandidate } from './import-result';
import { readKiroCliDatabase } from './kiro-cli-database';
import { candidateFromTokenRecord } from './token-record-candidate';

/** Where the Kiro IDE, kiro-cli and the AWS CLI keep logins, relative to the home folder (octoproxy.md §3.7, kiro-protocol.md §5.7). */
const tokenFolders = [
  '.aws/sso/cache',
  '.aws/cli/cache',
  '.kiro',
  '.config/Kiro/User/globalStorage/kiro.kiroagent',
  'Library/Application Support/Kiro/User/globalStorage/kiro.kiroagent',
  'Library/Application Support/kiro-cli',
  'AppData/Roaming/Kiro/User/globalStorage/kiro.kiroagent',
];

const kiroCliDatabases = [
  '.local/share/kiro-cli/data.sqlite3',
  '.local/share/amazon-q/data.sqlite3',
  'Library/Application Support/kiro-cli/data.sqlite3',
  'Library/Application Support/amazon-q/data.sqlite3',
];

const maxDepth = 3;
const maxFileBytes = 1024 * 1024;

/** A token file (or kiro-cli record) found on this machine, described without any secret. */
export interface LocalTokenFile {
  /** The file, or `<database>#<auth_kv key>` for kiro-cli. */
  path: string;
  kind: KiroCredentialFileKind;
  authMethod: string | null;
  provider: string | null;
  region: string | null;
  expiresAt: string | null;
  usable: boolean;
  problem: string | null;
}

export interface LocalTokenScan {
  available: boolean;
  reason: string | null;
  files: LocalTokenFile[];
  /** The accounts, by path, for an import. */
  candidates: ImportCandidate[];
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

async function jsonFilesUnder(folder: string, depth = 0): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && depth + 1 < maxDepth) {
      found.push(...(await jsonFilesUnder(path, depth + 1)));
    } else if (entry.isFile() && entry.name.endsWith('.json')) {
      const size = await stat(path).then(
        (info) => info.size,
        () => Infinity,
      );
      if (size <= maxFileBytes) found.push(path);
    }
  }
  return found;
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function describe(
  candidate: ImportCandidate,
  kind: KiroCredentialFileKind,
  path: string,
): LocalTokenFile {
  const account = candidate.account;
  return {
    path,
    kind,
    authMethod: account?.authMethod ?? null,
    provider: account?.provider ?? null,
    region: account?.ssoRegion ?? account?.apiRegion ?? null,
    expiresAt: account?.credentials.expiresAt ?? null,
    usable: account !== undefined,
    problem: candidate.problem ?? null,
  };
}

/**
 * Finds the logins kept on this machine under `homeDir`: Kiro IDE token files with their client
 * registrations (read from the same folder), AWS SSO cache files (other AWS tools' logins are
 * listed as not Kiro's) and kiro-cli's SQLite database. Client registrations and unrelated JSON
 * are not listed.
 */
export async function scanLocalTokens(options: {
  homeDir: string;
  now?: number;
}): Promise<LocalTokenScan> {
  const { homeDir } = options;
  if (!(await isDirectory(homeDir))) {
    return {
      available: false,
      reason: `The server's home folder (${homeDir}) does not exist: there is nothing to scan on this machine.`,
      files: [],
      candidates: [],
    };
  }
  const files: LocalTokenFile[] = [];
  const candidates: ImportCandidate[] = [];
  const readCompanion = (tokenFile: string, companion: string) =>
    readJson(join(dirname(tokenFile), companion));
  for (const folder of tokenFolders) {
    for (const path of await jsonFilesUnder(join(homeDir, folder))) {
      const value = await readJson(path);
      const kind = classifyKiroCredentialFile(value);
      if (kind !== 'kiro-token' && kind !== 'kiro-cli-token' && kind !== 'aws-sso-token') continue;
      const found = await candidatesFromFiles([{ name: path, content: JSON.stringify(value) }], {
        readCompanion,
        now: options.now,
      });
      for (const candidate of found) {
        files.push(describe(candidate, kind, candidate.source));
        candidates.push(candidate);
      }
    }
  }
  for (const database of kiroCliDatabases) {
    const path = join(homeDir, database);
    if (
      !(await stat(path).then(
        (info) => info.isFile(),
        () => false,
      ))
    )
      continue;
    let tokens: ReturnType<typeof readKiroCliDatabase>;
    try {
      tokens = readKiroCliDatabase(path);
    } catch (error) {
      const problem = `kiro-cli's database cannot be read: ${error instanceof Error ? error.message : String(error)}`;
      files.push({
        path,
        kind: 'kiro-cli-token',
        authMethod: null,
        provider: null,
        region: null,
        expiresAt: null,
        usable: false,
        problem,
      });
      continue;
    }
    for (const token of tokens) {
      const source = `${path}#${token.key}`;
      const candidate = candidateFromTokenRecord({
        source,
        record: token.record,
        now: options.now,
      });
      files.push(describe(candidate, 'kiro-cli-token', source));
      candidates.push(candidate);
    }
  }
  return { available: true, reason: null, files, candidates };
}
