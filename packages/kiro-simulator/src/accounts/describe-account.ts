import type { AccountRecord } from './account-record';
import type { KiroTokenFile, SimulatedAccount } from './account-types';
import { clientIdHashOf } from './secrets';

/** The account's newest credentials in Kiro's on-disk shapes (kiro-protocol.md §5.7). */
export function describeAccount(record: AccountRecord): SimulatedAccount {
  const tokenFile: KiroTokenFile = {
    accessToken: record.accessToken,
    refreshToken: record.refreshToken,
    expiresAt: new Date(record.accessTokenExpiresAt).toISOString(),
    authMethod: record.authMethod === 'social' ? 'social' : 'IdC',
    provider: record.provider,
  };
  if (record.authMethod === 'social') tokenFile.profileArn = record.profileArn;
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
