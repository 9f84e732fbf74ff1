import type { KiroCredentials } from '../../api/api-types';
import {
  parseJson,
  parseRegistration,
  parseToken,
  type ClientRegistration,
  type TokenKind,
  type TokenProblem,
} from './kiro-token-file';

export interface SourceFile {
  name: string;
  text: string;
}

/** One row of the import preview: a token ready to import, or why it is not. */
export interface ImportEntry {
  /** File name, with `#n` for the n-th token of an array. */
  source: string;
  kind?: TokenKind;
  provider?: string;
  region?: string;
  credentials?: KiroCredentials;
  problem?: TokenProblem;
}

function stem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.json$/i, '');
}

function describe(credentials: KiroCredentials): Pick<ImportEntry, 'provider' | 'region'> {
  return {
    ...(typeof credentials.provider === 'string' ? { provider: credentials.provider } : {}),
    ...(typeof credentials.region === 'string' ? { region: credentials.region } : {}),
  };
}

/**
 * Turns uploaded files (token files, registration files, JSON arrays of tokens) into import
 * entries. Registration files pair with tokens by Kiro's naming (`<clientIdHash>.json`); when the
 * batch holds exactly one registration it pairs with every token that still needs one.
 */
export function importEntries(files: readonly SourceFile[]): ImportEntry[] {
  const registrations = new Map<string, ClientRegistration>();
  const tokens: { source: string; value: unknown }[] = [];
  const entries: ImportEntry[] = [];

  for (const file of files) {
    const parsed = parseJson(file.text);
    if (!parsed.ok) {
      entries.push({ source: file.name, problem: 'invalidJson' });
      continue;
    }
    const { value } = parsed;
    if (Array.isArray(value)) {
      value.forEach((item, index) =>
        tokens.push({ source: `${file.name} #${index + 1}`, value: item }),
      );
      continue;
    }
    const registration = parseRegistration(value);
    const isToken =
      typeof value === 'object' &&
      value !== null &&
      ('refreshToken' in value || 'refresh_token' in value);
    if (registration !== undefined && !isToken) {
      registrations.set(stem(file.name), registration);
      continue;
    }
    tokens.push({ source: file.name, value });
  }

  const onlyRegistration = registrations.size === 1 ? [...registrations.values()][0] : undefined;
  for (const token of tokens) {
    let result = parseToken(token.value);
    if (!result.ok && result.problem === 'missingRegistration') {
      const paired =
        (result.clientIdHash === undefined ? undefined : registrations.get(result.clientIdHash)) ??
        onlyRegistration;
      if (paired !== undefined) result = parseToken(token.value, paired);
    }
    entries.push(
      result.ok
        ? {
            source: token.source,
            kind: result.kind,
            credentials: result.credentials,
            ...describe(result.credentials),
          }
        : { source: token.source, problem: result.problem },
    );
  }
  return entries;
}
