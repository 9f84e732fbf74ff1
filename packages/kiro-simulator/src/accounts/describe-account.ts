import type { AccountRecord } from './account-record';
import type { KiroTokenFile, SimulatedAccount } from './account-types';
import { clientIdHashOf } from './secrets';

/** The account's newest credentials in Kiro's on-disk shapes (kiro-protocol.md §5.7). */
const tokenFileAuthMethods = {
  social: 'social',
  'builder-id': 'IdC',
  idc: 'IdC',
  'external-idp': 'external_idp',
  'api-key': 'api_key',
} as const;

/** The scopes Kiro asks Entra ID for (the IdP's resource scope plus a refresh token). */
export const externalIdpScopes = 'api://kiro/codewhisperer offline_access';

/** The external IdP token endpoint of a tenant on the simulator (`*.microsoftonline.com` for real). */
export function entraTokenEndpoint(baseUrl: string, tenant: string): string {
  return `${baseUrl}/entra/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
}

export function describeAccount(
  record: AccountRecord,
  options: { baseUrl: string },
): SimulatedAccount {
  const apiKey = record.authMethod === 'api-key';
  const tokenFile: KiroTokenFile = {
    accessToken: record.accessToken,
    refreshToken: record.refreshToken,
    // API keys never expire; the file says so with a date far away.
    expiresAt: new Date(apiKey ? 253402300799000 : record.accessTokenExpiresAt).toISOString(),
    authMethod: tokenFileAuthMethods[record.authMethod],
    provider: record.provider,
  };
  if (record.authMethod === 'social') tokenFile.profileArn = record.profileArn;
  if (record.tenant !== undefined && record.externalClientId !== undefined) {
    tokenFile.tokenEndpoint = entraTokenEndpoint(options.baseUrl, record.tenant);
    tokenFile.clientId = record.externalClientId;
    tokenFile.scopes = externalIdpScopes;
    tokenFile.issuerUrl = `https://login.microsoftonline.com/${record.tenant}/v2.0`;
  }
  const { client } = record;
  if (client !== undefined) {
    tokenFile.region = client.region;
    tokenFile.clientIdHash = clientIdHashOf(client.clientId);
    if (record.startUrl !== undefined) tokenFile.startUrl = record.startUrl;
  }
  const account: SimulatedAccount = {
    id: record.id,
    authMethod: record.authMethod,
    plan: record.plan,
    region: record.region,
    userId: record.userId,
    email: record.email,
    tokenFile,
    credentials: { ...tokenFile },
  };
  if (apiKey) account.apiKey = record.accessToken;
  if (record.ssoRegion !== undefined) account.ssoRegion = record.ssoRegion;
  if (record.profileArn !== undefined) account.profileArn = record.profileArn;
  if (client !== undefined) {
    account.clientRegistration = {
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      expiresAt: new Date(client.clientSecretExpiresAt).toISOString(),
    };
    account.credentials.clientId = client.clientId;
    account.credentials.clientSecret = client.clientSecret;
  }
  return account;
}
