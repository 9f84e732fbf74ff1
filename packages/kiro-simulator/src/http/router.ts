import { setTimeout as sleep } from 'node:timers/promises';

import type { Operation } from '../log/operations';
import { paramsOf } from '../routes/api/api-params';
import { bearerAccountId } from '../routes/api/authorize-api-call';
import { generateAssistantResponse } from '../routes/api/generate-assistant-response';
import { getUsageLimits } from '../routes/api/get-usage-limits';
import { listAvailableModels } from '../routes/api/list-available-models';
import { listAvailableProfiles } from '../routes/api/list-available-profiles';
import { socialRefreshToken } from '../routes/auth/refresh-token';
import { socialLogin } from '../routes/auth/social-login';
import { socialOAuthToken } from '../routes/auth/social-oauth-token';
import { oidcAuthorize } from '../routes/oidc/authorize';
import { deviceAuthorization } from '../routes/oidc/device-authorization';
import { deviceVerification } from '../routes/oidc/device-verification';
import { oidcToken } from '../routes/oidc/oidc-token';
import { registerClient } from '../routes/oidc/register-client';
import { externalIdpToken } from '../routes/entra/external-idp-token';
import type { SimulatorCore } from '../simulator/simulator-core';
import { unknownHost, unknownOperation } from './aws-errors';
import { headerOf, type Exchange } from './exchange';
import { sendAwsError } from './responses';
import { simulatedHostOf, upstreamHostExists, upstreamHostName } from './simulated-hosts';

type Handler = (exchange: Exchange, core: SimulatorCore) => void | Promise<void>;

interface Route {
  operation: Operation;
  handle: Handler;
}

type ApiStyle = 'rest' | 'awsJson';

/**
 * The API operations, each reachable two ways: a REST path of `q.{region}` (the Kiro IDE style,
 * parameters in the query) and an awsJson 1.0 `x-amz-target` at `POST /` (the Q CLI style,
 * parameters in the JSON body).
 */
const apiOperations: {
  rest: string;
  target: string;
  operation: Operation;
  handle: (exchange: Exchange, core: SimulatorCore, style: ApiStyle) => void | Promise<void>;
}[] = [
  {
    rest: 'POST generateAssistantResponse',
    target: 'AmazonCodeWhispererStreamingService.GenerateAssistantResponse',
    operation: 'generateAssistantResponse',
    handle: generateAssistantResponse,
  },
  {
    rest: 'GET getUsageLimits',
    target: 'AmazonCodeWhispererService.GetUsageLimits',
    operation: 'getUsageLimits',
    handle: (exchange, core, style) => getUsageLimits(exchange, core, paramsOf(exchange, style)),
  },
  {
    rest: 'GET ListAvailableModels',
    target: 'AmazonCodeWhispererService.ListAvailableModels',
    operation: 'listAvailableModels',
    handle: (exchange, core, style) =>
      listAvailableModels(exchange, core, paramsOf(exchange, style)),
  },
  {
    rest: 'POST ListAvailableProfiles',
    target: 'AmazonCodeWhispererService.ListAvailableProfiles',
    operation: 'listAvailableProfiles',
    handle: listAvailableProfiles,
  },
];

/** The API operations keyed by REST `METHOD path` or by awsJson target. */
function apiRoutesIn(style: ApiStyle): Record<string, Route> {
  return Object.fromEntries(
    apiOperations.map((api) => [
      style === 'rest' ? api.rest : api.target,
      { operation: api.operation, handle: (exchange, core) => api.handle(exchange, core, style) },
    ]),
  );
}

const apiRoutes = apiRoutesIn('rest');
const awsJsonRoutes = apiRoutesIn('awsJson');

const authRoutes: Record<string, Route> = {
  'POST refreshToken': { operation: 'socialRefreshToken', handle: socialRefreshToken },
  'GET login': { operation: 'socialLogin', handle: socialLogin },
  'POST oauth/token': { operation: 'socialOAuthToken', handle: socialOAuthToken },
};

const oidcRoutes: Record<string, Route> = {
  'POST client/register': { operation: 'oidcRegisterClient', handle: registerClient },
  'POST device_authorization': {
    operation: 'oidcDeviceAuthorization',
    handle: deviceAuthorization,
  },
  'POST token': { operation: 'oidcToken', handle: oidcToken },
  'GET authorize': { operation: 'oidcAuthorize', handle: oidcAuthorize },
  'GET device': { operation: 'oidcDeviceVerification', handle: deviceVerification },
};

const entraRoutes: Record<string, Route> = {
  'POST oauth2/v2.0/token': { operation: 'externalIdpToken', handle: externalIdpToken },
};

interface Service {
  name: 'api' | 'auth' | 'oidc' | 'entra';
  routes: Record<string, Route>;
  regionExists(region: string): boolean;
  host(region: string): string;
}

/**
 * Each base URL stands for one upstream host, with the region in the path; a request may also name
 * the host itself (`Host: q.us-east-1.amazonaws.com`, see `simulatedLookup`).
 */
const services: Record<string, Service> = {
  api: {
    name: 'api',
    routes: apiRoutes,
    regionExists: (region) => upstreamHostExists('api', region),
    host: (region) => upstreamHostName('api', region),
  },
  auth: {
    name: 'auth',
    routes: authRoutes,
    regionExists: (region) => upstreamHostExists('auth', region),
    host: (region) => upstreamHostName('auth', region),
  },
  oidc: {
    name: 'oidc',
    routes: oidcRoutes,
    regionExists: (region) => upstreamHostExists('oidc', region),
    host: (region) => upstreamHostName('oidc', region),
  },
  // The path segment after `entra` is the tenant, where the other services have a region.
  entra: {
    name: 'entra',
    routes: entraRoutes,
    regionExists: (tenant) => /^[A-Za-z0-9.-]+$/.test(tenant),
    host: () => 'login.microsoftonline.com',
  },
};

/** A table entry by key, never an inherited `Object.prototype` member. */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function routeOf(service: Service, exchange: Exchange, operationPath: string): Route | undefined {
  const method = exchange.req.method ?? 'GET';
  if (service.name === 'api' && operationPath === '' && method === 'POST') {
    return own(awsJsonRoutes, headerOf(exchange, 'x-amz-target') ?? '');
  }
  return own(service.routes, `${method} ${operationPath}`);
}

/**
 * Where a request goes: by its `Host` when it names an upstream host (`q.{region}.amazonaws.com`, …,
 * reached through `simulatedLookup`), else `/{api|auth|oidc}/{region}/{operation}` on the base URL.
 */
function targetOf(exchange: Exchange): { serviceName: string; region: string; rest: string[] } {
  const hostname = (headerOf(exchange, 'host') ?? '').replace(/:\d+$/, '');
  const host = simulatedHostOf(hostname);
  const [, ...segments] = exchange.url.pathname.split('/');
  if (host !== undefined) return { serviceName: host.service, region: host.region, rest: segments };
  const [serviceName = '', region = '', ...rest] = segments;
  return { serviceName, region, rest };
}

/** Dispatches a request to its service's handler. */
export async function routeRequest(exchange: Exchange, core: SimulatorCore): Promise<void> {
  const { serviceName, region, rest } = targetOf(exchange);
  const service = own(services, serviceName);
  if (service === undefined) {
    sendAwsError(exchange, unknownOperation(exchange.url.pathname));
    return;
  }
  exchange.log.service = service.name;
  exchange.log.region = region;
  if (!service.regionExists(region)) {
    sendAwsError(exchange, unknownHost(service.host(region)));
    return;
  }
  const operationPath = rest.join('/');
  const route = routeOf(service, exchange, operationPath);
  if (route === undefined) {
    const target = headerOf(exchange, 'x-amz-target');
    sendAwsError(exchange, unknownOperation(target ?? `${exchange.req.method} /${operationPath}`));
    return;
  }
  exchange.log.operation = route.operation;
  exchange.touch();
  const accountId = service.name === 'api' ? bearerAccountId(exchange, core) : undefined;
  const delay = core.faults.takeDelay(route.operation, accountId);
  if (delay !== undefined) {
    exchange.log.fault = 'delay';
    await sleep(delay.durationMs, undefined, { signal: exchange.closed }).catch(() => undefined);
    if (exchange.closed.aborted) return;
  }
  await route.handle(exchange, core);
}
