import { improperlyFormed } from '../../http/aws-errors';
import type { Exchange } from '../../http/exchange';
import { sendAwsError, sendJson } from '../../http/responses';
import { defaultModelId, type SimulatedModel } from '../../models/model-catalog';
import type { SimulatorCore } from '../../simulator/simulator-core';
import type { ApiParams } from './api-params';
import { authorizeApiCall } from './authorize-api-call';
import { profileArnProblem } from './profile-arn-check';

function modelBody(model: SimulatedModel): Record<string, unknown> {
  return {
    modelId: model.modelId,
    modelName: model.modelName,
    description: model.description,
    rateMultiplier: model.rateMultiplier,
    rateUnit: 'Credit',
    supportedInputTypes: [...model.supportedInputTypes],
    tokenLimits: { maxInputTokens: model.maxInputTokens, maxOutputTokens: model.maxOutputTokens },
  };
}

const encodeToken = (offset: number): string =>
  Buffer.from(`offset:${offset}`).toString('base64url');

function decodeToken(token: string): number | undefined {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** `ListAvailableModels` (kiro-protocol.md §4): the models the account's plan may use, paginated. */
export function listAvailableModels(
  exchange: Exchange,
  core: SimulatorCore,
  params: ApiParams,
): void {
  const account = authorizeApiCall(exchange, core, 'listAvailableModels');
  if (account === undefined) return;
  const { origin, maxResults, nextToken, profileArn } = params;
  if (origin === undefined || origin === '') {
    sendAwsError(exchange, improperlyFormed('origin-required'));
    return;
  }
  const pageSize = maxResults === undefined ? 50 : Number(maxResults);
  const offset = nextToken === undefined ? 0 : decodeToken(nextToken);
  if (!Number.isInteger(pageSize) || pageSize < 1 || offset === undefined) {
    sendAwsError(exchange, improperlyFormed('pagination'));
    return;
  }
  const arnProblem = profileArnProblem(account, profileArn, { required: false });
  if (arnProblem !== undefined) {
    sendAwsError(exchange, arnProblem);
    return;
  }
  const models = core.models.forPlan(account.plan);
  const page = models.slice(offset, offset + pageSize);
  const body: Record<string, unknown> = { models: page.map(modelBody) };
  const fallback = core.models.find(defaultModelId) ?? models[0];
  if (fallback !== undefined) body['defaultModel'] = modelBody(fallback);
  if (offset + pageSize < models.length) body['nextToken'] = encodeToken(offset + pageSize);
  sendJson(exchange, 200, body);
}
