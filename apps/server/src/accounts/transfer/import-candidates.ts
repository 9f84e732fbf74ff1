import type { Account } from '@octoproxy/storage';

import {
  findDuplicate,
  newAccountOf,
  updateAccountWith,
  validateAccount,
  type OnboardingDeps,
} from '../onboard-account';
import { openAllCredentials } from '../stored-credentials';
import { importedSourcesOf, rememberImportedSource, sourceFingerprint } from './imported-sources';
import {
  invalidResult,
  type ImportCandidate,
  type ImportResult,
  type OnDuplicate,
} from './import-result';

function result(
  source: string,
  status: Exclude<ImportResult['status'], 'invalid'>,
  account: Pick<Account, 'id' | 'name'>,
  warnings: string[],
): ImportResult {
  return {
    source,
    status,
    accountId: status === 'duplicate' ? null : account.id,
    name: account.name,
    duplicateOf: status === 'created' ? null : account.id,
    error: status === 'duplicate' ? `Already in the pool as "${account.name}".` : null,
    warnings,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Onboards the candidates that are accounts, one by one: a candidate whose refresh token (or the
 * e-mail its source recorded) is already stored, or came earlier in the batch, is a duplicate
 * before Kiro is asked; the others are
 * validated with Kiro (refresh, profile lookup, usage with e-mail, models), matched again by token
 * and e-mail, then created, or updated when `onDuplicate` is `update`. One result per candidate; a
 * failure never stops the others.
 */
export async function importCandidates(options: {
  candidates: readonly ImportCandidate[];
  onDuplicate?: OnDuplicate | undefined;
  deps: OnboardingDeps;
}): Promise<ImportResult[]> {
  const { deps } = options;
  const { storage } = deps;
  const onDuplicate = options.onDuplicate ?? 'skip';
  const byRefreshToken = new Map<string, Account>();
  const byEmail = new Map<string, Account>();
  const emailKey = (email: string, authMethod: string) => `${authMethod} ${email.toLowerCase()}`;
  const opened = await openAllCredentials(storage, deps.box);
  for (const account of await storage.accounts.listAll()) {
    const credentials = opened.get(account.id);
    const token = credentials?.refreshToken;
    if (typeof token === 'string') byRefreshToken.set(sourceFingerprint(token), account);
    for (const source of importedSourcesOf(credentials)) byRefreshToken.set(source, account);
    if (account.email !== null) byEmail.set(emailKey(account.email, account.authMethod), account);
  }
  const results: ImportResult[] = [];
  let created = 0;
  for (const candidate of options.candidates) {
    const { source, warnings } = candidate;
    if (candidate.account === undefined) {
      results.push(invalidResult(source, candidate.problem, warnings));
      continue;
    }
    const sourceToken = candidate.account.credentials.refreshToken;
    const sourceEmail = candidate.extras.email;
    const known =
      (sourceToken === undefined
        ? undefined
        : byRefreshToken.get(sourceFingerprint(sourceToken))) ??
      (sourceEmail === undefined
        ? undefined
        : byEmail.get(emailKey(sourceEmail, candidate.account.authMethod)));
    if (known !== undefined && onDuplicate === 'skip') {
      results.push(result(source, 'duplicate', known, warnings));
      continue;
    }
    try {
      const validated = await validateAccount(deps, candidate.account);
      const duplicate = known ?? (await findDuplicate(deps, validated));
      let account: Account;
      if (duplicate !== undefined && onDuplicate === 'skip') {
        results.push(result(source, 'duplicate', duplicate, warnings));
        account = duplicate;
      } else if (duplicate !== undefined) {
        account = await updateAccountWith(deps, duplicate.id, validated);
        results.push(result(source, 'updated', account, warnings));
      } else {
        const row = newAccountOf(deps, validated, candidate.settings);
        const { disabled, machineId } = candidate.extras;
        account = await storage.accounts.create({
          ...row,
          ...(disabled === undefined ? {} : { disabled }),
          ...(machineId ? { machineId } : {}),
        });
        created += 1;
        results.push(result(source, 'created', account, warnings));
      }
      // The file's token may have just been rotated by the validation: recognise the file next time.
      if (sourceToken !== undefined) await rememberImportedSource(deps, account.id, sourceToken);
      for (const token of [sourceToken, validated.credentials.refreshToken]) {
        if (token !== undefined) byRefreshToken.set(sourceFingerprint(token), account);
      }
      if (account.email !== null) byEmail.set(emailKey(account.email, account.authMethod), account);
    } catch (error) {
      results.push(invalidResult(source, messageOf(error), warnings));
    }
  }
  if (created > 0) await deps.reload();
  return results;
}
