import type { OidcClient } from '../../accounts/oidc-clients';
import type { Exchange } from '../../http/exchange';
import { sendOAuthError } from '../../http/responses';
import type { SimulatorCore } from '../../simulator/simulator-core';

export const builderIdStartUrl = 'https://view.awsapps.com/start';

/** The API region an OIDC region's accounts use: `eu-*` → eu-central-1, else us-east-1 (ZKRS). */
export function apiRegionForSsoRegion(ssoRegion: string): 'us-east-1' | 'eu-central-1' {
  return ssoRegion.startsWith('eu-') ? 'eu-central-1' : 'us-east-1';
}

/** Authenticates `clientId`/`clientSecret` in the path's region; answers 401 `invalid_client` if not. */
export function authenticateClient(
  exchange: Exchange,
  core: SimulatorCore,
  credentials: { clientId: string; clientSecret: string },
): OidcClient | undefined {
  const check = core.accounts.clients.authenticate({
    ...credentials,
    region: exchange.log.region ?? '',
  });
  if (check.ok) return check.client;
  sendOAuthError(exchange, { status: 401, error: check.error, description: check.description });
  return undefined;
}
