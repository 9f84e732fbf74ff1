import { InvalidRequestError } from '@octoproxy/converters';
import type { Account } from '@octoproxy/storage';
import type { z } from '@hono/zod-openapi';

import { directAddCandidate } from '../../accounts/direct-add-candidate';
import { onboardAccount } from '../../accounts/onboard-account';
import {
  accountOfSourceToken,
  rememberImportedSource,
} from '../../accounts/transfer/imported-sources';
import type { AdminDeps } from './admin-deps';
import type { addProviderInputSchema } from './schemas/direct-add-schemas';
import { kiroCredentialsSchema } from './schemas/provider-schemas';

type AddProviderInput = z.infer<typeof addProviderInputSchema>;

/**
 * `POST /api/providers`: the account is validated with Kiro and stored through onboarding. A server
 * without a Kiro client (tests of the admin API on a scripted upstream) stores the token file as
 * given, as it always did.
 */
export async function addProvider(
  deps: Pick<AdminDeps, 'onboarding' | 'accounts'>,
  input: AddProviderInput,
): Promise<{ status: 'created' | 'updated'; account: Account; validated: boolean }> {
  const settings = {
    name: input.name,
    proxyUrl: input.proxyUrl,
    allowedModels: input.allowedModels,
    weight: input.weight,
    concurrencyCap: input.concurrencyCap,
    healthCheckEnabled: input.checkHealth,
    healthCheckModel: input.checkModelName,
  };
  if (deps.onboarding === undefined) {
    const credentials = kiroCredentialsSchema.safeParse(input.credentials);
    if (!credentials.success) {
      throw new InvalidRequestError({
        code: 'invalid_credentials',
        message: 'credentials: a token file with a refreshToken is required.',
      });
    }
    const { onDuplicate: _onDuplicate, ...rest } = input;
    const account = await deps.accounts.create({ ...rest, credentials: credentials.data });
    return { status: 'created', account, validated: false };
  }
  const candidate = directAddCandidate({
    credentials: input.credentials,
    region: input.region,
    ssoRegion: input.ssoRegion,
    proxyUrl: input.proxyUrl,
  });
  const onDuplicate = input.onDuplicate ?? 'report';
  const sourceToken = candidate.credentials.refreshToken;
  // A token file pasted again after its account was added here: its refresh token was rotated by
  // that first validation, so validating it again would only report it revoked.
  const known =
    sourceToken === undefined || onDuplicate !== 'report'
      ? undefined
      : await accountOfSourceToken(deps.onboarding, sourceToken);
  const outcome =
    known === undefined
      ? await onboardAccount(deps.onboarding, candidate, { settings, onDuplicate })
      : { status: 'duplicate' as const, duplicateOf: known };
  if (outcome.status === 'duplicate') {
    throw new InvalidRequestError({
      code: 'duplicate',
      message: `This account is already in the pool as "${outcome.duplicateOf.name}" (${outcome.duplicateOf.id}); send onDuplicate "update" to give it these credentials, or "create" to add it anyway.`,
    });
  }
  if (sourceToken !== undefined) {
    await rememberImportedSource(deps.onboarding, outcome.account.id, sourceToken);
  }
  return { status: outcome.status, account: outcome.account, validated: true };
}
