export { systemClock, type Clock } from './clock';

export { AuthenticationError, type AuthenticationErrorCode } from './errors/authentication-error';
export { PermissionError, type PermissionErrorCode } from './errors/permission-error';
export { RateLimitError, type RateLimitErrorCode } from './errors/rate-limit-error';
export { SecretBoxError, type SecretBoxErrorReason } from './errors/secret-box-error';

export { safeEqual } from './crypto/safe-equal';

export { owaspArgon2Parameters, type Argon2Parameters } from './passwords/argon2-parameters';
export {
  createPasswordHasher,
  type PasswordHasher,
  type PasswordHasherOptions,
} from './passwords/password-hasher';
export {
  assertPasswordAcceptable,
  defaultAdminPassword,
  defaultPasswordPolicy,
  normalizePassword,
  type PasswordPolicy,
} from './passwords/password-policy';

export type { NewSession, SessionRecord, SessionStore } from './sessions/session-store';
export {
  generateSessionToken,
  hashSessionToken,
  looksLikeSessionToken,
} from './sessions/session-token';
export {
  createSessionService,
  defaultSessionTimeouts,
  type AuthenticatedSession,
  type IssuedSession,
  type SessionService,
  type SessionServiceOptions,
} from './sessions/session-service';

export {
  toAuthenticatedUser,
  userRoles,
  type AuthenticatedUser,
  type NewUser,
  type UserRecord,
  type UserRole,
  type UserStore,
} from './users/user-store';
export {
  createLoginThrottle,
  type LoginThrottle,
  type LoginThrottleOptions,
} from './users/login-throttle';
export { addressBucket } from './users/address-bucket';
export {
  estimatePasswordStrength,
  type PasswordScore,
  type PasswordStrength,
} from './passwords/password-strength';
export {
  createLoginService,
  type LoginAttempt,
  type LoginResult,
  type LoginService,
  type LoginServiceOptions,
  type PasswordChange,
} from './users/login-service';
export {
  bootstrapAdmin,
  bootstrapAdminUsername,
  planBootstrap,
  type BootstrapPlan,
  type BootstrapResult,
} from './users/bootstrap-admin';
export { resetPassword, type ResetPasswordOptions } from './users/reset-password';

export type { ApiKeyRecord, ApiKeyStore } from './api-keys/api-key-store';
export {
  apiKeyPrefix,
  displayApiKey,
  generateApiKey,
  hashApiKey,
  hashLegacyApiKeyDigest,
  looksLikeApiKey,
  looksLikeLegacyApiKey,
  mintApiKey,
  type MintedApiKey,
} from './api-keys/api-key-format';
export {
  createApiKeyAuthenticator,
  type ApiKeyAuthenticator,
  type ApiKeyAuthenticatorOptions,
  type AuthenticateApiKeyOptions,
  type AuthenticatedApiKey,
} from './api-keys/api-key-authenticator';
export {
  createSlidingWindowLimiter,
  maxSlidingWindowLimit,
  type AcquireResult,
  type SlidingWindowLimiter,
  type SlidingWindowLimiterOptions,
} from './api-keys/sliding-window-limiter';
export { assertModelAllowed, isModelAllowed } from './api-keys/model-access';
export { secondsUntilNextUtcDay, utcDay } from './api-keys/utc-day';

export {
  createSecretKeyring,
  generateSecretKey,
  parseSecretKey,
  parseSecretKeyring,
  secretKeyBytes,
  secretKeyId,
  type SecretKey,
  type SecretKeyring,
} from './secret-box/secret-key';
export { createSecretBox, type SecretBox } from './secret-box/secret-box';
export { assertKeyCheck, createKeyCheck } from './secret-box/key-check';

export {
  PassphraseBundleError,
  type PassphraseBundleErrorReason,
} from './errors/passphrase-bundle-error';
export {
  isPassphraseBundle,
  minPassphraseLength,
  openPassphraseBundle,
  sealPassphraseBundle,
  type PassphraseBundle,
  type SealBundleOptions,
} from './passphrase-bundle/passphrase-bundle';
