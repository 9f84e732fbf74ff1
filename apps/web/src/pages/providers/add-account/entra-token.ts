/** Why a pasted Entra ID token file cannot be sent. */
export type EntraTokenProblem = 'invalidJson' | 'notExternalIdp';

function text(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Reads the token file the Kiro IDE writes after a Microsoft Entra ID (external IdP) sign-in. It
 * must carry a refresh token and the token endpoint to refresh it at; the sign-in kind is added
 * when the file leaves it out, so the server refreshes it the external-IdP way.
 */
export function parseEntraToken(
  source: string,
): { ok: true; credentials: Record<string, unknown> } | { ok: false; problem: EntraTokenProblem } {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return { ok: false, problem: 'invalidJson' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'notExternalIdp' };
  }
  const token = value as Record<string, unknown>;
  const refreshToken = token.refreshToken ?? token.refresh_token;
  const tokenEndpoint = token.tokenEndpoint ?? token.token_endpoint;
  if (!text(refreshToken) || !text(tokenEndpoint)) return { ok: false, problem: 'notExternalIdp' };
  const marked =
    token.authMethod !== undefined ||
    token.auth_method !== undefined ||
    token.provider !== undefined;
  return { ok: true, credentials: marked ? token : { ...token, authMethod: 'external_idp' } };
}
