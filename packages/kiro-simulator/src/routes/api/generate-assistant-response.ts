import { remainingCredits, chargeCredits } from '../../accounts/usage';
import {
  improperlyFormed,
  inputTooLong,
  invalidModel,
  quotaExhausted,
} from '../../http/aws-errors';
import { headerOf, type Exchange } from '../../http/exchange';
import { sendAwsError } from '../../http/responses';
import { defaultModelId } from '../../models/model-catalog';
import { DirectiveError, parseDirectives, type Script } from '../../script/directives';
import type { SimulatorCore } from '../../simulator/simulator-core';
import { streamEvents } from '../../stream/stream-events';
import { validateRequest } from '../../validation/validate-request';
import { userOf } from '../../validation/rules/rule-helpers';
import { authorizeApiCall } from './authorize-api-call';
import { composeAnswer, inputTokensOf } from './compose-answer';
import { profileArnProblem } from './profile-arn-check';

const jsonContentType = /^application\/(json|x-amz-json-1\.[01])\b/i;

function parseScript(exchange: Exchange, content: string): Script | undefined {
  try {
    return parseDirectives(content);
  } catch (error) {
    if (!(error instanceof DirectiveError)) throw error;
    sendAwsError(exchange, {
      status: 400,
      errorType: 'ValidationException',
      message: `kiro-simulator: ${error.message}`,
      reason: 'SIMULATOR_DIRECTIVE_INVALID',
      rule: 'sim-directive',
    });
    return undefined;
  }
}

/** `generateAssistantResponse`: auth, strict validation, account checks, then the scripted stream. */
export async function generateAssistantResponse(
  exchange: Exchange,
  core: SimulatorCore,
): Promise<void> {
  const account = authorizeApiCall(exchange, core, 'generateAssistantResponse');
  if (account === undefined) return;
  if (!jsonContentType.test(headerOf(exchange, 'content-type') ?? '')) {
    sendAwsError(exchange, improperlyFormed('content-type'));
    return;
  }
  const validation = validateRequest({
    bodyText: exchange.bodyText,
    bodyBytes: exchange.bodyBytes,
    maxBodyBytes: core.settings.maxBodyBytes,
    context: { models: core.models },
  });
  if (!validation.ok) {
    sendAwsError(exchange, validation.error);
    if (exchange.log.error !== undefined) exchange.log.error.detail = validation.detail;
    return;
  }
  const { body } = validation;
  const size = { textBytes: validation.textBytes, images: validation.images };
  const current = userOf(body.conversationState.currentMessage);
  const model = core.models.find(current?.modelId ?? defaultModelId);
  if (current === undefined || model === undefined || !model.plans.includes(account.plan)) {
    sendAwsError(exchange, invalidModel('model-entitlement'));
    return;
  }
  const arnProblem = profileArnProblem(account, body.profileArn, { required: true });
  if (arnProblem !== undefined) {
    sendAwsError(exchange, arnProblem);
    return;
  }
  if (inputTokensOf(size) > model.maxInputTokens) {
    sendAwsError(exchange, inputTooLong('context-window'));
    return;
  }
  if (remainingCredits(account.usage, core.now()) <= 0) {
    sendAwsError(exchange, quotaExhausted('quota'));
    return;
  }
  const script = parseScript(exchange, current.content);
  if (script === undefined) return;

  const answer = composeAnswer({
    core,
    body,
    size,
    model,
    script,
  });
  chargeCredits(account.usage, answer.credits, core.now());
  const scripted = script.settings.exception;
  const fault =
    core.faults.takeStreamFault(account.id) ??
    (scripted === undefined ? undefined : { type: 'exception' as const, ...scripted });
  await streamEvents(exchange, {
    events: answer.events,
    firstTokenDelayMs: script.settings.firstTokenDelayMs ?? core.settings.firstTokenDelayMs,
    tokensPerSecond: script.settings.tokensPerSecond ?? core.settings.tokensPerSecond,
    sliceBytes: script.settings.sliceBytes,
    fault,
  });
}
