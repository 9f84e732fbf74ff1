import { createHash, randomBytes } from 'node:crypto';

/**
 * Opaque credentials in the shapes seen on the wire: access tokens start `aoa`, refresh tokens `aor`
 * (kiro-protocol.md §5.1), and refresh tokens are long, since some clients reject ones under 100 chars.
 */
export function newAccessToken(): string {
  return `aoa${randomBytes(120).toString('base64url')}`;
}

export function newRefreshToken(): string {
  return `aor${randomBytes(180).toString('base64url')}`;
}

/** A Kiro API key as Kiro's web settings issue it (kiro-2026-updates.md). */
export function newApiKey(): string {
  return `ksk_${randomBytes(40).toString('base64url')}`;
}

/** An Entra ID access token (a JWT in reality; opaque here) and refresh token. */
export function newEntraAccessToken(): string {
  return `eyJ0eXAiOiJKV1Qi.${randomBytes(90).toString('base64url')}`;
}

export function newEntraRefreshToken(): string {
  return `0.AXEA${randomBytes(150).toString('base64url')}`;
}

export function newOpaqueId(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** The name of Kiro's client-registration file; how Kiro derives it is unverified (sha1 is one report). */
export function clientIdHashOf(clientId: string): string {
  return createHash('sha1').update(clientId).digest('hex');
}

/** RFC 7636 S256: base64url(sha256(verifier)). */
export function pkceChallengeOf(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
