import type { components, paths } from './schema';

/** Named views of the generated admin API types (src/api/schema.d.ts). */
type Schemas = components['schemas'];
type JsonBody<Operation> = Operation extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;
type JsonOk<Operation> = Operation extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

export type User = Schemas['User'];
export type UserRole = User['role'];
export type LoginResult = Schemas['LoginResult'];
export type Provider = Schemas['Provider'];
export type KiroCredentials = Schemas['KiroCredentials'];
export type ApiKey = Schemas['ApiKey'];
export type CreatedApiKey = ApiKey & { key: string };
export type RequestLog = Schemas['RequestLog'];
export type UsageRow = Schemas['UsageRow'];
export type UsagePoint = Schemas['UsagePoint'];
export type AccountQuota = Schemas['AccountQuota'];
export type ConfigState = Schemas['ConfigState'];
export type ServerConfig = Schemas['ServerConfig'];
export type ConfigKey = Schemas['ConfigKey'];
export type Model = Schemas['Model'];

export type ProviderInput = JsonBody<paths['/providers']['post']>;
export type ProviderPatch = JsonBody<paths['/providers/{id}']['put']>;
export type ApiKeyInput = JsonBody<paths['/api-keys']['post']>;
export type ApiKeyPatch = JsonBody<paths['/api-keys/{id}']['put']>;
export type UserInput = JsonBody<paths['/users']['post']>;
export type UserPatch = JsonBody<paths['/users/{id}']['put']>;

export type Stats = Schemas['Stats'];
export type StatsQuery = NonNullable<paths['/stats']['get']['parameters']['query']>;
export type UsageReport = JsonOk<paths['/usage']['get']>;
export type UsageQuery = NonNullable<paths['/usage']['get']['parameters']['query']>;
export type LogPage = JsonOk<paths['/logs']['get']>;
export type LogQuery = NonNullable<paths['/logs']['get']['parameters']['query']>;

export type SignInSession = Schemas['SignInSession'];
export type SignInInput = Schemas['StartSignIn'];
export type SignInCapabilities = Schemas['SignInCapabilities'];
export type ImportResult = Schemas['ImportResult'];
export type LocalTokenFile = Schemas['LocalTokenFile'];
export type LocalTokens = JsonOk<paths['/providers/local-tokens']['get']>;
export type AccountBundle = Schemas['AccountBundle'];
export type DuplicatePolicy = NonNullable<
  JsonBody<paths['/providers/import-files']['post']>['onDuplicate']
>;
