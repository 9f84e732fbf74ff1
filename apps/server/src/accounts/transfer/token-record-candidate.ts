import { checkKiroTokenRecord, type KiroTokenRecord } from '@octoproxy/kiro';
import type { AccountAuthMethod, AccountProvider } from '@octoproxy/storage';

import type { AccountSettings } from '../onboard-account';
import type { ImportCandidate, ImportedAccountExtras } from './import-result';

const providers: readonly AccountProvider[] = [
  'Google',
  'Github',
  'BuilderId',
  'Enterprise',
  'ExternalIdp',
];

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The sign-in method of a token record. Kiro writes `authMethod: "IdC"` for Builder ID too: the
 * provider, or the start URL, tells them apart (kiro-protocol.md §5.7).
 */
export function authMethodOfRecord(record: KiroTokenRecord): AccountAuthMethod {
  const method = (record.authMethod ?? '').toLowerCase().replace(/[_\s]/g, '-');
  const provider = (record.provider ?? '').toLowerCase();
  if (method === 'api-key' || record.accessToken?.startsWith('ksk_')) return 'api-key';
  if (method === 'external-idp' || provider === 'externalidp') return 'external-idp';
  if (method === 'social' || provider === 'google' || provider === 'github') return 'social';
  if (method === 'builder-id' || provider === 'builderid') return 'builder-id';
  if (method === 'idc' || provider === 'enterprise' || record.clientIdHash !== undefined) {
    if (provider === 'enterprise') return 'idc';
    const startUrl = text(record.startUrl);
    if (startUrl?.startsWith('https://view.awsapps.com')) return 'builder-id';
    return method === 'idc' || startUrl !== undefined ? 'idc' : 'builder-id';
  }
  return record.clientId !== undefined && record.clientSecret !== undefined
    ? 'builder-id'
    : 'social';
}

function providerOf(
  record: KiroTokenRecord,
  authMethod: AccountAuthMethod,
): AccountProvider | null {
  const named = providers.find((entry) => entry.toLowerCase() === record.provider?.toLowerCase());
  if (named !== undefined) return named;
  if (authMethod === 'builder-id') return 'BuilderId';
  if (authMethod === 'idc') return 'Enterprise';
  if (authMethod === 'external-idp') return 'ExternalIdp';
  return null;
}

/**
 * A token record (any source, in Kiro's token-file shape) as an account to onboard, or the reason it
 * cannot be one. Checks what can be told without asking Kiro; Kiro is asked later.
 */
export function candidateFromTokenRecord(options: {
  source: string;
  record: KiroTokenRecord;
  /** The API region when the source knows it (an export's); else the profile or the default decides. */
  apiRegion?: string | undefined;
  /** The SSO region when the source keeps it apart from the record's `region`. */
  ssoRegion?: string | undefined;
  settings?: AccountSettings;
  extras?: ImportedAccountExtras;
  now?: number;
}): ImportCandidate {
  const { source, record } = options;
  const authMethod = authMethodOfRecord(record);
  const check =
    authMethod === 'api-key'
      ? { problem: undefined, warnings: [] }
      : checkKiroTokenRecord(record, options.now);
  if (check.problem !== undefined) {
    return { source, problem: check.problem, warnings: check.warnings };
  }
  const oidc = authMethod === 'builder-id' || authMethod === 'idc';
  return {
    source,
    account: {
      authMethod,
      provider: providerOf(record, authMethod),
      credentials: {
        accessToken: text(record.accessToken) ?? text(record.apiKey),
        refreshToken: text(record.refreshToken),
        expiresAt: text(record.expiresAt),
        clientId: text(record.clientId),
        clientSecret: text(record.clientSecret),
        clientSecretExpiresAt: text(record.clientSecretExpiresAt),
        tokenEndpoint: text(record.tokenEndpoint),
        scopes: Array.isArray(record.scopes) ? record.scopes.join(' ') : text(record.scopes),
      },
      // A token file's `region` is where it was issued: the SSO region, never the API's.
      ssoRegion: oidc
        ? (options.ssoRegion ??
          text(record.region) ??
          (authMethod === 'builder-id' ? 'us-east-1' : undefined))
        : undefined,
      apiRegion: options.apiRegion,
      startUrl: text(record.startUrl),
      profileArn: text(record.profileArn),
      proxyUrl: options.settings?.proxyUrl,
    },
    settings: options.settings ?? {},
    extras: options.extras ?? {},
    warnings: check.warnings,
  };
}
