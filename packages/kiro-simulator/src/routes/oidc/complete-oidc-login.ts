import type { AddAccountOptions } from '../../accounts/account-types';
import type { OidcClient } from '../../accounts/oidc-clients';
import type { Exchange } from '../../http/exchange';
import { sendJson } from '../../http/responses';
import type { SimulatorCore } from '../../simulator/simulator-core';
import { apiRegionForSsoRegion } from './oidc-client-auth';

/**
 * Ends a Builder ID or IdC login (device code or authorization code): adds the account the user
 * signed in to, with the simulator's login defaults, and answers with its tokens.
 */
export function completeOidcLogin(
  exchange: Exchange,
  core: SimulatorCore,
  login: {
    client: OidcClient;
    ssoRegion: string;
    /** The API region defaults to the one for `ssoRegion`. */
    account: Omit<AddAccountOptions, 'ssoRegion'>;
  },
): void {
  const account = core.accounts.add(
    {
      region: apiRegionForSsoRegion(login.ssoRegion),
      ...core.settings.loginAccount,
      ...login.account,
      ssoRegion: login.ssoRegion,
    },
    login.client,
  );
  exchange.log.accountId = account.id;
  sendJson(exchange, 200, {
    accessToken: account.tokenFile.accessToken,
    refreshToken: account.tokenFile.refreshToken,
    expiresIn: core.accounts.require(account.id).accessTokenLifetimeSeconds,
    tokenType: 'Bearer',
  });
}
