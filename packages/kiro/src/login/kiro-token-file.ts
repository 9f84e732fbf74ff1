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
  if (provider === 'externalidp' || method === 'external_idp') {
    throw new TypeError('External IdP (Entra ID, Okta) Kiro logins are not supported.');
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
  const needsRegistration = authMethod !== 'social' && (!clientId || !clientSecret);
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
      ssoRegion: authMethod === 'social' ? undefined : (data.region ?? undefined),
      credentials: {
        accessToken: data.accessToken ?? undefined,
        refreshToken: data.refreshToken ?? undefined,
        expiresAt,
        clientId,
        clientSecret,
        clientSecretExpiresAt: registration?.expiresAt ?? undefined,
      },
    },
    missingRegistrationFile:
      needsRegistration && data.clientIdHash ? `${data.clientIdHash}.json` : undefined,
  };
}
