export type { ApiKeyEnv, ApiKeyVariables, SessionEnv, SessionVariables } from './auth-env';
export { readApiKey, readBearerToken } from './credentials';
export { apiKeyAuth, type ApiKeyAuthOptions } from './api-key-auth';
export { sessionAuth, type SessionAuthOptions } from './session-auth';
export { requirePasswordChanged, requireRole } from './require-role';
export { csrfProtection, type CsrfProtectionOptions } from './csrf-protection';
export {
  createSessionCookie,
  type SessionCookie,
  type SessionCookieOptions,
} from './session-cookie';
