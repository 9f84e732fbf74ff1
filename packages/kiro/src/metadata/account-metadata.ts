import type { z } from 'zod';

import { apiRegionOf, type KiroAccount } from '../account';
import type { ClientContext } from '../client/client-context';
import { withTokenRetry } from '../client/with-token-retry';
import { classifyHttpError } from '../errors/classify-http-error';
import { inApiRegion } from '../errors/in-api-region';
import { KiroUpstreamError } from '../errors/kiro-errors';
import { endpointUrl } from '../http/endpoints';
import { jsonCall } from '../http/http-call';
import {
  toKiroModel,
  modelsPageSchema,
  profilesPageSchema,
  type KiroModelList,
  type KiroProfile,
} from './kiro-models';
import {
  toKiroUsageLimits,
  usageLimitsResponseSchema,
  type KiroUsageLimits,
} from './kiro-usage-limits';

export interface AccountCallOptions {
  account: KiroAccount;
  signal?: AbortSignal | undefined;
}

const maxPages = 20;

async function runtimeCall<T>(
  context: ClientContext,
  options: AccountCallOptions & {
    method: 'GET' | 'POST';
    path: string;
    body?: unknown;
    schema: z.ZodType<T>;
  },
): Promise<T> {
  const { account } = options;
  const signal = options.signal
    ? AbortSignal.any([options.signal, AbortSignal.timeout(context.timeouts.requestMs)])
    : AbortSignal.timeout(context.timeouts.requestMs);
  const outcome = await withTokenRetry<unknown>({
    context,
    account,
    signal: options.signal,
    send: async (accessToken) => {
      const headers = context.headers.runtime({
        accessToken,
        machineId: context.machineIdOf(account),
        authMethod: account.authMethod,
      });
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const apiRegion = apiRegionOf(account);
      const result = await inApiRegion(apiRegion, () =>
        jsonCall({
          url: endpointUrl({
            template: context.endpoints.api,
            region: apiRegion,
            path: options.path,
          }),
          method: options.method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          dispatcher: context.dispatcherFor(account),
          signal,
          headersTimeoutMs: context.timeouts.requestMs,
          bodyTimeoutMs: context.timeouts.requestMs,
        }),
      );
      if (result.status >= 200 && result.status < 300) return { result: result.json };
      return { status: result.status, bodyText: result.text };
    },
  });
  if (!('result' in outcome)) {
    throw classifyHttpError({
      status: outcome.status,
      bodyText: outcome.bodyText,
      promptTokens: 0,
      contextWindowTokens: 0,
      now: context.now(),
    });
  }
  const parsed = options.schema.safeParse(outcome.result);
  if (!parsed.success) {
    throw new KiroUpstreamError({
      reason: 'upstream_5xx',
      message: `The upstream answered ${options.path} with an unexpected body.`,
    });
  }
  return parsed.data;
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) search.set(key, value);
  return `?${search.toString()}`;
}

/** `GET /getUsageLimits`: credits used and available, plan, reset date. */
export async function getUsageLimits(
  context: ClientContext,
  options: AccountCallOptions,
): Promise<KiroUsageLimits> {
  const data = await runtimeCall(context, {
    ...options,
    method: 'GET',
    path: `/getUsageLimits${query({
      origin: 'AI_EDITOR',
      resourceType: 'AGENTIC_REQUEST',
      isEmailRequired: 'true',
      profileArn: options.account.authMethod === 'api-key' ? undefined : options.account.profileArn,
    })}`,
    schema: usageLimitsResponseSchema,
  });
  return toKiroUsageLimits(data);
}

/** `GET /ListAvailableModels`, all pages: the models this account is entitled to. */
export async function listAvailableModels(
  context: ClientContext,
  options: AccountCallOptions,
): Promise<KiroModelList> {
  const list: KiroModelList = { models: [], defaultModelId: undefined };
  let nextToken: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const data = await runtimeCall(context, {
      ...options,
      method: 'GET',
      path: `/ListAvailableModels${query({
        origin: 'AI_EDITOR',
        maxResults: '50',
        profileArn:
          options.account.authMethod === 'api-key' ? undefined : options.account.profileArn,
        nextToken,
      })}`,
      schema: modelsPageSchema,
    });
    list.models.push(...(data.models ?? []).map(toKiroModel));
    list.defaultModelId ??= data.defaultModel?.modelId ?? undefined;
    nextToken = data.nextToken ?? undefined;
    if (!nextToken) break;
  }
  return list;
}

/** `POST /ListAvailableProfiles`, all pages: IdC accounts take their profile ARN from here. */
export async function listAvailableProfiles(
  context: ClientContext,
  options: AccountCallOptions,
): Promise<KiroProfile[]> {
  const profiles: KiroProfile[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const data = await runtimeCall(context, {
      ...options,
      method: 'POST',
      path: '/ListAvailableProfiles',
      body: nextToken === undefined ? {} : { nextToken },
      schema: profilesPageSchema,
    });
    profiles.push(
      ...(data.profiles ?? []).map((profile) => ({
        arn: profile.arn,
        name: profile.profileName ?? undefined,
        region: profile.region ?? profile.arn.split(':')[3] ?? undefined,
      })),
    );
    nextToken = data.nextToken ?? undefined;
    if (!nextToken) break;
  }
  return profiles;
}
