export {
  apiRegionOf,
  tokenTypeOf,
  regionOfProfileArn,
  ssoRegionOf,
  type KiroAccount,
  type KiroAuthMethod,
  type KiroCredentials,
} from './account';
export {
  createKiroClient,
  type KiroClient,
  type KiroClientOptions,
} from './client/create-kiro-client';
export type { KiroTimeouts } from './client/client-context';
export type {
  GenerateAssistantResponseOptions,
  KiroResponse,
  RequestShapingOptions,
} from './client/generate-assistant-response';
export {
  KiroTokenManager,
  type KiroTokenManagerOptions,
  type KiroTokenUpdate,
} from './auth/kiro-token-manager';
export type { KiroTokenSet } from './auth/refresh-token';

export {
  isKiroError,
  KiroError,
  type KiroErrorDetails,
  type KiroErrorOptions,
  type KiroErrorReason,
  type KiroUpstreamDetails,
} from './errors/kiro-error';
export {
  KiroAccountUnusableError,
  KiroMalformedRequestError,
  KiroNetworkError,
  KiroUnknownHostError,
  KiroPromptTooLongError,
  KiroQuotaExhaustedError,
  KiroThrottledError,
  KiroTimeoutError,
  KiroTokenError,
  KiroUpstreamError,
} from './errors/kiro-errors';
export { classifyHttpError, type UpstreamHttpFailure } from './errors/classify-http-error';

export {
  buildKiroRequest,
  defaultMaxBodyBytes,
  type BuildKiroRequestOptions,
  type BuiltKiroRequest,
} from './request/build-kiro-request';
export type * from './request/kiro-request-types';
export {
  defaultContextWindowTokens,
  defaultFamilyModels,
  defaultKiroModelId,
  knownKiroModelIds,
  resolveKiroModelId,
  type ModelMappingOptions,
} from './request/model-id';
export { fromKiroToolName, toKiroToolName, type ToolNameMap } from './request/tool-name-codec';
export { resolveConversationId, sessionIdFromUserId } from './request/conversation-id';
export { estimateTextTokens } from './request/estimate-tokens';

export {
  createKiroEventDecoder,
  type KiroEventDecoderOptions,
} from './stream/create-kiro-event-decoder';
export type { KiroEvent, KiroEventType, KiroTokenUsage } from './stream/kiro-event';
export {
  createKiroToAnthropicStream,
  type KiroToAnthropicStream,
} from './stream/create-kiro-to-anthropic-stream';
export {
  KiroAnthropicConverter,
  type KiroAnthropicConverterOptions,
} from './stream/kiro-anthropic-converter';
export type { KiroStreamSummary } from './stream/kiro-stream-summary';
export {
  isMintedThinkingSignature,
  mintThinkingSignature,
  thinkingOfSignature,
} from './stream/thinking-signature';

export { defaultKiroEndpoints, type KiroEndpoints } from './http/endpoints';
export {
  defaultKiroVersion,
  generateMachineId,
  type KiroUserAgentOptions,
} from './http/kiro-headers';

export type { AccountCallOptions } from './metadata/account-metadata';
export type { KiroModel, KiroModelList, KiroProfile } from './metadata/kiro-models';
export type {
  KiroBonus,
  KiroCreditPool,
  KiroPlan,
  KiroUsageLimits,
} from './metadata/kiro-usage-limits';

export {
  kiroIdeRedirectUri,
  parseSocialCallback,
  startSocialLogin,
  type KiroSocialProvider,
  type SocialLoginStart,
} from './login/social-login';
export {
  builderIdRegion,
  builderIdStartUrl,
  idcStartUrl,
  kiroOidcScopes,
  type DeviceAuthorization,
  type DevicePollResult,
  type OidcClientRegistration,
} from './login/oidc-device-login';
export { startOidcAuthCodeLogin, type OidcAuthCodeStart } from './login/oidc-auth-code-login';
export { isAllowedTokenEndpoint } from './auth/external-idp-refresh';
export {
  checkKiroTokenRecord,
  classifyKiroCredentialFile,
  fromKiroCliRecord,
  kiroCliLoginOfKey,
  needsClientRegistration,
  withClientRegistration,
  type KiroCliLogin,
  type KiroCredentialFileKind,
  type KiroTokenCheck,
  type KiroTokenRecord,
} from './login/kiro-credential-file';
export {
  parseKiroTokenFile,
  type ImportedKiroAccount,
  type ParsedKiroTokenFile,
} from './login/kiro-token-file';
