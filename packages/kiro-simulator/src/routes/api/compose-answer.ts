import { base62Alphabet } from '../../faults/seeded-random';
import type { SimulatedModel } from '../../models/model-catalog';
import type { Script } from '../../script/directives';
import {
  scriptAnswer,
  type OutputEvent,
  type ReceivedToolResult,
} from '../../script/scripted-model';
import type { SimulatorCore } from '../../simulator/simulator-core';
import type { KiroRequestBody } from '../../validation/request-schema';
import { assistantOf, historyOf, userOf } from '../../validation/rules/rule-helpers';

const thinkingModePattern = /<thinking_mode>\s*(enabled|adaptive|interleaved)\s*<\/thinking_mode>/;

export interface ComposedAnswer {
  events: OutputEvent[];
  credits: number;
  inputTokens: number;
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/** What one image costs in input tokens (about a 1.1 MP image), whatever its byte size. */
export const imageInputTokens = 1_600;

/** Tokens the request occupies: a quarter of its bytes without image data, plus a fixed cost per image. */
export function inputTokensOf(size: { textBytes: number; images: number }): number {
  return Math.ceil(size.textBytes / 4) + size.images * imageInputTokens;
}

function receivedToolResults(body: KiroRequestBody): ReceivedToolResult[] {
  const current = userOf(body.conversationState.currentMessage);
  const lastAssistant = historyOf(body).at(-1);
  const uses = (lastAssistant && assistantOf(lastAssistant)?.toolUses) ?? [];
  return (current?.userInputMessageContext?.toolResults ?? []).map((result) => ({
    toolUseId: result.toolUseId,
    name: uses.find((use) => use.toolUseId === result.toolUseId)?.name,
    status: result.status,
    text: result.content
      .map((block) => (block.text !== undefined ? block.text : JSON.stringify(block.json)))
      .join('\n'),
  }));
}

/** Thinking tags live in the system prompt, which clients put in the first or the current user turn. */
function asksForThinking(body: KiroRequestBody): boolean {
  const first = historyOf(body)[0];
  const texts = [
    userOf(body.conversationState.currentMessage)?.content ?? '',
    (first && userOf(first)?.content) ?? '',
  ];
  return texts.some((text) => thinkingModePattern.test(text));
}

/**
 * The full event list of one answer: the scripted events, optional extras, then `meteringEvent` and
 * `contextUsageEvent` (kiro-protocol.md §3.4 order). Credits = rateMultiplier × (0.01 + input/50 000 +
 * output/10 000 tokens), unless the script sets them.
 */
export function composeAnswer(options: {
  core: SimulatorCore;
  body: KiroRequestBody;
  size: { textBytes: number; images: number };
  model: SimulatedModel;
  script: Script;
}): ComposedAnswer {
  const { core, body, model, script } = options;
  const { settings } = script;
  const answer = scriptAnswer({
    script,
    toolResults: receivedToolResults(body),
    thinkingRequested: asksForThinking(body),
    thinkingForm: core.settings.thinkingForm,
    newToolUseId: () => `tooluse_${core.ids.string(22, base62Alphabet)}`,
    newSignature: () => `sig_${core.ids.string(64, base62Alphabet)}`,
  });
  const inputTokens = inputTokensOf(options.size);
  const outputTokens = Math.ceil(answer.outputChars / 4);
  const credits =
    settings.credits ??
    round4(model.rateMultiplier * (0.01 + inputTokens / 50_000 + outputTokens / 10_000));
  const contextUsagePercentage =
    settings.contextUsagePercentage ?? round4((inputTokens / model.maxInputTokens) * 100);
  const conversationId = body.conversationState.conversationId ?? 'simulated-conversation';

  const events: OutputEvent[] = [];
  const event = (eventType: string, payload: Record<string, unknown>): void => {
    events.push({ eventType, payload });
  };
  if (settings.noise === true) {
    event('messageMetadataEvent', {
      conversationId,
      utteranceId: `utt_${core.ids.string(12, base62Alphabet)}`,
    });
  }
  events.push(...answer.events);
  if (settings.metadataEvent === true) {
    event('metadataEvent', {
      tokenUsage: {
        uncachedInputTokens: inputTokens,
        outputTokens,
        totalTokens: inputTokens + outputTokens,
      },
    });
  }
  if (settings.noise === true) {
    event('followupPromptEvent', { followupPrompt: { content: 'Anything else?' } });
    event('codeReferenceEvent', { references: [] });
    event('simulatorUnknownEvent', { note: 'clients must ignore unknown event types' });
  }
  event('meteringEvent', { unit: 'credit', unitPlural: 'credits', usage: credits });
  event('contextUsageEvent', { contextUsagePercentage });
  return { events, credits, inputTokens };
}
