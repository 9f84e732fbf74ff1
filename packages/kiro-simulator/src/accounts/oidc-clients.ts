import { newOpaqueId } from './secrets';

const registrationLifetimeMs = 90 * 86_400_000;

/** An SSO-OIDC client registration (`/client/register`), valid in one region for about 90 days. */
export interface OidcClient {
  clientId: string;
  clientSecret: string;
  region: string;
  clientName: string;
  grantTypes: readonly string[];
  redirectUris: readonly string[];
  scopes: readonly string[];
  issuerUrl: string | undefined;
  clientIdIssuedAt: number;
  clientSecretExpiresAt: number;
}

export interface RegisterClientInput {
  region: string;
  clientName: string;
  grantTypes: readonly string[];
  redirectUris: readonly string[];
  scopes?: readonly string[];
  issuerUrl?: string;
}

export type ClientCheck =
  { ok: true; client: OidcClient } | { ok: false; error: 'invalid_client'; description: string };

export class OidcClientRegistry {
  private readonly clients = new Map<string, OidcClient>();

  constructor(private readonly now: () => number) {}

  register(input: RegisterClientInput): OidcClient {
    const issuedAt = this.now();
    const client: OidcClient = {
      clientId: newOpaqueId(16),
      clientSecret: `sim-secret.${newOpaqueId(96)}`,
      region: input.region,
      clientName: input.clientName,
      grantTypes: [...input.grantTypes],
      redirectUris: [...input.redirectUris],
      scopes: [...(input.scopes ?? [])],
      issuerUrl: input.issuerUrl,
      clientIdIssuedAt: issuedAt,
      clientSecretExpiresAt: issuedAt + registrationLifetimeMs,
    };
    this.clients.set(client.clientId, client);
    return client;
  }

  /** Registrations exist only in the region they were made in, like the real regional service. */
  authenticate(input: { clientId: string; clientSecret: string; region: string }): ClientCheck {
    const client = this.clients.get(input.clientId);
    if (client === undefined || client.region !== input.region) {
      return { ok: false, error: 'invalid_client', description: 'Client not found' };
    }
    if (client.clientSecret !== input.clientSecret) {
      return { ok: false, error: 'invalid_client', description: 'Invalid client secret' };
    }
    if (this.now() >= client.clientSecretExpiresAt) {
      return { ok: false, error: 'invalid_client', description: 'Client registration expired' };
    }
    return { ok: true, client };
  }

  find(clientId: string): OidcClient | undefined {
    return this.clients.get(clientId);
  }

  /** Makes a registration's secret expired (tests of re-registration). */
  expire(clientId: string): void {
    const client = this.clients.get(clientId);
    if (client !== undefined) client.clientSecretExpiresAt = this.now();
  }
}
