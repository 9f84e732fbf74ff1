/** Every operation the simulator serves, as named in the request log and in fault rules. */
export const operations = [
  'generateAssistantResponse',
  'getUsageLimits',
  'listAvailableModels',
  'listAvailableProfiles',
  'socialRefreshToken',
  'socialLogin',
  'socialOAuthToken',
  'oidcRegisterClient',
  'oidcDeviceAuthorization',
  'oidcToken',
  'oidcAuthorize',
  'oidcDeviceVerification',
  'externalIdpToken',
] as const;

export type Operation = (typeof operations)[number];

/** Operations answered by the API host `q.{region}` (bearer-token calls). */
export const apiOperations: ReadonlySet<Operation> = new Set([
  'generateAssistantResponse',
  'getUsageLimits',
  'listAvailableModels',
  'listAvailableProfiles',
]);
