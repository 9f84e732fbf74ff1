import { InvalidRequestError } from '@octoproxy/converters';
import { parseKiroTokenFile } from '@octoproxy/kiro';
import type { AccountProvider } from '@octoproxy/storage';

import type { AccountCandidate } from './onboard-account';

const providers: readonly AccountProvider[] = [
  'Google',
  'Github',
  'BuilderId',
  'Enterprise',
  'ExternalIdp',
];

function providerOf(
  value: string | undefined,
  authMethod: AccountCandidate['authMethod'],
): AccountProvider | null {
  const known = providers.find((entry) => entry.toLowerCase() === value?.toLowerCase());
  if (known !== undefined) return known;
  if (authMethod === 'builder-id') return 'BuilderId';
  if (authMethod === 'idc') return 'Enterprise';
  if (authMethod === 'external-idp') return 'ExternalIdp';
  return null;
}

/**
 * What an admin pastes into "add account" as a candidate for onboarding: a Kiro API key (`ksk_…`,
 * bare or as `{ apiKey }`), or a token file (Kiro IDE social / Builder ID / IdC with its
 * registration merged in, or an external-IdP file with `tokenEndpoint`, `clientId`, `scopes`).
 * @throws InvalidRequestError when it is none of these.
 */
export function directAddCandidate(input: {
  credentials: Record<string, unknown>;
  region?: string | undefined;
  ssoRegion?: string | undefined;
  proxyUrl?: string | null | undefined;
}): AccountCandidate {
  const { credentials } = input;
  const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey.trim() : undefined;
  if (apiKey !== undefined) {
    if (!apiKey.startsWith('ksk_')) {
      throw new InvalidRequestError({
        code: 'invalid_credentials',
        message: 'A Kiro API key starts with ksk_.',
      });
    }
    return {
      authMethod: 'api-key',
      provider: null,
      credentials: { accessToken: apiKey },
      apiRegion: input.region ?? null,
      proxyUrl: input.proxyUrl ?? null,
    };
  }
  let parsed: ReturnType<typeof parseKiroTokenFile>;
  try {
    parsed = parseKiroTokenFile({ tokenFile: credentials });
  } catch (error) {
    throw new InvalidRequestError({
      code: 'invalid_credentials',
      message: error instanceof Error ? error.message : String(error),
    });
  }
  const { account } = parsed;
  if (parsed.missingRegistrationFile !== undefined) {
    throw new InvalidRequestError({
      code: 'invalid_credentials',
      message: `This ${account.authMethod} token needs its client registration: paste clientId and clientSecret from ${parsed.missingRegistrationFile} too.`,
    });
  }
  return {
    authMethod: account.authMethod,
    provider: providerOf(account.provider, account.authMethod),
    credentials: account.credentials,
    ssoRegion: input.ssoRegion ?? account.ssoRegion ?? null,
    apiRegion: input.region ?? null,
    startUrl: account.startUrl ?? null,
    profileArn: account.profileArn ?? null,
    proxyUrl: input.proxyUrl ?? null,
  };
}
