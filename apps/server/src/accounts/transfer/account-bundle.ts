import {
  openPassphraseBundle,
  sealPassphraseBundle,
  type PassphraseBundle,
  type SecretBox,
} from '@octoproxy/auth';
import { InvalidRequestError } from '@octoproxy/converters';
import type { Account, Storage } from '@octoproxy/storage';
import { z } from 'zod';

import { openAllCredentials } from '../stored-credentials';
import type { ImportCandidate } from './import-result';
import { candidateFromTokenRecord } from './token-record-candidate';

/** The `format` of an encrypted account export. */
export const accountBundleFormat = 'octoproxy-accounts';

/** One account inside a bundle: its configuration and its credentials as stored (opened). */
const bundledAccountSchema = z.object({
  name: z.string(),
  authMethod: z.enum(['social', 'builder-id', 'idc', 'api-key', 'external-idp']),
  provider: z.enum(['Google', 'Github', 'BuilderId', 'Enterprise', 'ExternalIdp']).nullable(),
  region: z.string(),
  ssoRegion: z.string().nullable(),
  startUrl: z.string().nullable(),
  profileArn: z.string().nullable(),
  machineId: z.string().nullable(),
  proxyUrl: z.string().nullable(),
  email: z.string().nullable(),
  allowedModels: z.array(z.string()).nullable(),
  weight: z.number(),
  concurrencyCap: z.number().nullable(),
  disabled: z.boolean(),
  healthCheckEnabled: z.boolean(),
  healthCheckModel: z.string().nullable(),
  credentials: z.record(z.string(), z.unknown()),
});

type BundledAccount = z.infer<typeof bundledAccountSchema>;

const bundleContentSchema = z.object({
  exportedAt: z.string(),
  accounts: z.array(bundledAccountSchema),
});

function bundledAccountOf(account: Account, credentials: Record<string, unknown>): BundledAccount {
  return {
    name: account.name,
    authMethod: account.authMethod,
    provider: account.provider,
    region: account.region,
    ssoRegion: account.ssoRegion,
    startUrl: account.startUrl,
    profileArn: account.profileArn,
    machineId: account.machineId,
    proxyUrl: account.proxyUrl,
    email: account.email,
    allowedModels: account.allowedModels,
    weight: account.weight,
    concurrencyCap: account.concurrencyCap,
    disabled: account.disabled,
    healthCheckEnabled: account.healthCheckEnabled,
    healthCheckModel: account.healthCheckModel,
    credentials,
  };
}

/**
 * Seals the accounts (all, or those in `ids`) under a passphrase. Tokens leave the secret box only
 * inside the bundle's ciphertext.
 * @throws InvalidRequestError when an id in `ids` is not an account.
 */
export async function exportAccountBundle(options: {
  storage: Storage;
  box: SecretBox;
  passphrase: string;
  ids?: readonly string[] | undefined;
  /** scrypt's log2 N; tests lower it to the floor. */
  log2N?: number;
}): Promise<{ bundle: PassphraseBundle; count: number }> {
  const { storage, box } = options;
  const all = await storage.accounts.listAll();
  const chosen =
    options.ids === undefined ? all : all.filter((account) => options.ids!.includes(account.id));
  const missing = options.ids?.filter((id) => !all.some((account) => account.id === id)) ?? [];
  if (missing.length > 0) {
    throw new InvalidRequestError({
      message: `No such account: ${missing.join(', ')}`,
      param: 'ids',
    });
  }
  const opened = await openAllCredentials(storage, box);
  const unreadable = chosen.filter((account) => !opened.has(account.id));
  if (unreadable.length > 0) {
    throw new InvalidRequestError({
      message: `The credentials of ${unreadable.map((account) => account.name).join(', ')} cannot be opened with the current secret key.`,
    });
  }
  const accounts = chosen.map((account) => bundledAccountOf(account, opened.get(account.id)!));
  const bundle = await sealPassphraseBundle({
    format: accountBundleFormat,
    plaintext: JSON.stringify({ exportedAt: new Date().toISOString(), accounts }),
    passphrase: options.passphrase,
    log2N: options.log2N,
  });
  return { bundle, count: accounts.length };
}

/**
 * Opens a bundle and turns each account into an import candidate.
 * @throws PassphraseBundleError for a wrong passphrase or an altered or foreign file.
 */
export async function candidatesFromBundle(options: {
  bundle: unknown;
  passphrase: string;
}): Promise<ImportCandidate[]> {
  const plaintext = await openPassphraseBundle({ ...options, format: accountBundleFormat });
  const content = bundleContentSchema.parse(JSON.parse(plaintext));
  return content.accounts.map((account, index) =>
    candidateFromTokenRecord({
      source: `bundle[${index}] ${account.name}`,
      record: {
        ...account.credentials,
        authMethod: account.authMethod,
        ...(account.provider === null ? {} : { provider: account.provider }),
        ...(account.profileArn === null ? {} : { profileArn: account.profileArn }),
        ...(account.startUrl === null ? {} : { startUrl: account.startUrl }),
      },
      apiRegion: account.region,
      ssoRegion: account.ssoRegion ?? undefined,
      settings: {
        name: account.name,
        proxyUrl: account.proxyUrl,
        allowedModels: account.allowedModels,
        weight: account.weight,
        concurrencyCap: account.concurrencyCap,
        healthCheckEnabled: account.healthCheckEnabled,
        healthCheckModel: account.healthCheckModel,
      },
      extras: { disabled: account.disabled, machineId: account.machineId },
    }),
  );
}
