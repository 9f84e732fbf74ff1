import { z } from 'zod';

import type { KiroAccount, KiroAuthMethod } from '../account';

const tokenFileSchema = z.looseObject({
  accessToken: z.string().nullish(),
  refreshToken: z.string().nullish(),
  expiresAt: z.string().nullish(),
  authMethod: z.string().nullish(),
  provider: z.string().nullish(),
  profileArn: z.string().nullish(),
  clientIdHash: z.string().nullish(),
  region: z.string().nullish(),
  startUrl: z.string().nullish(),
  clientId: z.string().nullish(),
  clientSecret: z.string().nullish(),
  tokenEndpoint: z.string().nullish(),
  scopes: z.union([z.string(), z.array(z.string())]).nullish(),
});

const registrationFileSchema = z.looseObject({
  clientId: z.string(),
  clientSecret: z.string(),
  expiresAt: z.string().nullish(),
});

/** An account read from the Kiro IDE's token files, without an id (the caller assigns one). */
export type ImportedKiroAccount = Omit<KiroAccount, 'id'> & {
  /** `Google`, `Github`, `BuilderId`, `Enterprise`, … as the file says. */
  provider: string | undefined;
  startUrl: string | undefined;
};

export interface ParsedKiroTokenFile {
  account: ImportedKiroAccount;
  /**
   * Name of the companion registration file (`<clientIdHash>.json`, next to the token file) that
   * holds the client id and secret, when it is needed and was not passed in.
   */
  missingRegistrationFile: string | undefined;
}

function authMethodOf(data: z.infer<typeof tokenFileSchema>): KiroAuthMethod {
  const method = (data.authMethod ?? '').toLowerCase();
  const provider = (data.provider ?? '').toLowerCase();
  if (provider === 'externalidp' || method === 'external_idp' || method === 'external-idp') {
    return 'external-idp';
  }
  if (method === 'api_key' || method === 'api-key' || data.accessToken?.startsWith('ksk_')) {
    return 'api-key';
  }
  if (method === 'social' || provider === 'google' || provider === 'github') return 'social';
  if (provider === 'builderid') return 'builder-id';
  if (provider === 'enterprise') return 'idc';
  if (method === 'idc' || data.clientIdHash) {
    return data.startUrl && !data.startUrl.startsWith('https://view.awsapps.com')
      ? 'idc'
      : 'builder-id';
  }
  return 'social';
}

/**
 * Parses the Kiro IDE's `kiro-auth-token.json` (and, for Builder ID / IdC, its `<clientIdHash>.json`
 * registration) into an account. Takes the files' contents: reading them is the caller's job.
 * @throws TypeError when the token file is not a Kiro token file.
 */
export function parseKiroTokenFile(options: {
  tokenFile: unknown;
  registrationFile?: unknown;
}): ParsedKiroTokenFile {
  const parsed = tokenFileSchema.safeParse(
    typeof options.tokenFile === 'string' ? JSON.parse(options.tokenFile) : options.tokenFile,
  );
  if (!parsed.success || (!parsed.data.accessToken && !parsed.data.refreshToken)) {
    throw new TypeError('Not a Kiro token file: it has no accessToken or refreshToken.');
  }
  const data = parsed.data;
  const authMethod = authMethodOf(data);
  const registration =
    options.registrationFile === undefined
      ? undefined
      : registrationFileSchema.parse(
          typeof options.registrationFile === 'string'
            ? JSON.parse(options.registrationFile)
            : options.registrationFile,
        );
  const clientId = registration?.clientId ?? data.clientId ?? undefined;
  const clientSecret = registration?.clientSecret ?? data.clientSecret ?? undefined;
  const needsRegistration =
    (authMethod === 'builder-id' || authMethod === 'idc') && (!clientId || !clientSecret);
  if (authMethod === 'external-idp' && (!data.tokenEndpoint || !clientId || !data.refreshToken)) {
    throw new TypeError(
      'An external IdP (Entra ID) token file needs tokenEndpoint, clientId and refreshToken.',
    );
  }
  const scopes = Array.isArray(data.scopes) ? data.scopes.join(' ') : (data.scopes ?? undefined);
  const expiresAt =
    data.expiresAt && !Number.isNaN(Date.parse(data.expiresAt))
      ? new Date(Date.parse(data.expiresAt)).toISOString()
      : undefined;
  return {
    account: {
      authMethod,
      provider: data.provider ?? undefined,
      startUrl: data.startUrl ?? undefined,
      profileArn: data.profileArn ?? undefined,
      ssoRegion:
        authMethod === 'builder-id' || authMethod === 'idc'
          ? (data.region ?? undefined)
          : undefined,
      credentials: {
        accessToken: data.accessToken ?? undefined,
        refreshToken: data.refreshToken ?? undefined,
        expiresAt,
        clientId,
        clientSecret,
        clientSecretExpiresAt: registration?.expiresAt ?? undefined,
        ...(authMethod === 'external-idp'
          ? { tokenEndpoint: data.tokenEndpoint ?? undefined, scopes }
          : {}),
      },
    },
    missingRegistrationFile:
      needsRegistration && data.clientIdHash ? `${data.clientIdHash}.json` : undefined,
  };
}
