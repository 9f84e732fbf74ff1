/**
 * Base URL templates; `{region}` is replaced per call. Tests and the simulator point these at
 * loopback; production uses the defaults.
 */
export interface KiroEndpoints {
  /** The Kiro API (chat, usage, models, profiles), per API region. */
  api: string;
  /** Kiro's social auth service (refresh, login, code exchange). */
  auth: string;
  /** AWS SSO-OIDC, per SSO region. */
  oidc: string;
  /** The region of the social auth service. */
  authRegion: string;
}

export const defaultKiroEndpoints: KiroEndpoints = {
  api: 'https://q.{region}.amazonaws.com',
  auth: 'https://prod.{region}.auth.desktop.kiro.dev',
  oidc: 'https://oidc.{region}.amazonaws.com',
  authRegion: 'us-east-1',
};

export function resolveEndpoints(partial: Partial<KiroEndpoints> | undefined): KiroEndpoints {
  return { ...defaultKiroEndpoints, ...partial };
}

/** Fills `{region}` and appends `path` (which starts with `/`). */
export function endpointUrl(options: { template: string; region: string; path: string }): string {
  const { template, region, path } = options;
  const base = template.replaceAll('{region}', encodeURIComponent(region)).replace(/\/+$/, '');
  return `${base}${path}`;
}
