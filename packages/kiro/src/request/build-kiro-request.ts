import {
  declareAnthropicDefinedTools,
  InvalidRequestError,
  type Adaptation,
  type AnthropicMessagesRequest,
  type AnthropicToolChoice,
  type DeclareAnthropicToolsOptions,
} from '@octoproxy/converters';

import { KiroPromptTooLongError } from '../errors/kiro-errors';
import { assertImageSizes, boundImages, type ImageBounds } from './bound-images';
import { resolveConversationId } from './conversation-id';
import { toTurns, type AssistantTurn, type Turn, type UserTurn } from './conversation-turns';
import { estimateTextTokens, imageTokenEstimate } from './estimate-tokens';
import type {
  KiroAssistantResponseMessage,
  KiroGenerateAssistantRequest,
  KiroHistoryMessage,
  KiroToolSpecification,
  KiroUserInputMessage,
} from './kiro-request-types';
import {
  defaultContextWindowTokens,
  resolveKiroModelId,
  type ModelMappingOptions,
} from './model-id';
import { placeholders, repairConversation } from './repair-conversation';
import { systemPromptText } from './system-prompt';
import {
  hasThinkingTags,
  isThinkingRequested,
  thinkingTags,
  type ThinkingTagOptions,
} from './thinking-tags';
import { ToolNameCodec, type ToolNameMap } from './tool-name-codec';
import { buildToolSpecs } from './tool-specs';

/**
 * Kiro rejects bodies over ~615 KB with a cryptic 400 (observed on text). Image data does not count:
 * images have their own limits (10 per request, 10 MiB each), which could not hold if it did.
 */
export const defaultMaxBodyBytes = 600_000;

export interface BuildKiroRequestOptions
  extends ModelMappingOptions, ImageBounds, ThinkingTagOptions, DeclareAnthropicToolsOptions {
  request: AnthropicMessagesRequest;
  /** Sent as the top-level `profileArn` when given. */
  profileArn?: string | undefined;
  /** A conversation id the caller already has; else derived (see {@link resolveConversationId}). */
  conversationId?: string | undefined;
  /** The client's session id, e.g. Claude Code's `x-claude-code-session-id` header. */
  sessionId?: string | undefined;
  /** Body size limit (without image data); `null` disables the guard. Default 600 000 bytes. */
  maxBodyBytes?: number | null;
  /** Context window of a Kiro model id, for "prompt is too long" messages. */
  contextWindowTokens?: (modelId: string) => number;
}

export interface BuiltKiroRequest {
  body: KiroGenerateAssistantRequest;
  /** `body` serialised, ready to send. */
  json: string;
  modelId: string;
  conversationId: string;
  /** Aliases given to tool names Kiro would reject; apply to tool names in the answer. */
  toolNames: ToolNameMap;
  /** Whether the client asked for thinking (then the answer's thinking is parsed). */
  thinking: boolean;
  /** Prompt size estimate (never 0), for `message_start.usage.input_tokens`. */
  estimatedInputTokens: number;
  /** Size of `json` without image data. */
  bodyBytes: number;
  /** Every change made so Kiro takes the request (tools declared or renamed, content replaced…). */
  adaptations: Adaptation[];
}

function imageCount(turns: readonly (Turn | UserTurn)[]): number {
  return turns.reduce((total, turn) => total + (turn.role === 'user' ? turn.images.length : 0), 0);
}

/** A `tool_choice` naming a tool that was dropped falls back to `auto`. */
function effectiveToolChoice(
  choice: AnthropicToolChoice | undefined,
  toolNames: ReadonlySet<string>,
  adaptations: Adaptation[],
): AnthropicToolChoice | undefined {
  if (choice?.type !== 'tool' || toolNames.has(choice.name)) return choice;
  adaptations.push({
    kind: 'value_adjusted',
    detail: `tool_choice: the tool "${choice.name}" is not offered upstream; auto instead`,
  });
  return { type: 'auto' };
}

function userMessage(options: {
  turn: UserTurn;
  modelId: string;
  content: string;
}): KiroUserInputMessage {
  const { turn, modelId, content } = options;
  const message: KiroUserInputMessage = { content, modelId, origin: 'AI_EDITOR' };
  if (turn.images.length > 0) message.images = turn.images;
  if (turn.toolResults.length > 0)
    message.userInputMessageContext = { toolResults: turn.toolResults };
  return message;
}

function userContent(turn: UserTurn): string {
  const text = turn.texts.join('\n\n');
  if (text.trim() !== '') return text;
  return turn.toolResults.length > 0 ? placeholders.userToolResults : placeholders.userContinue;
}

function assistantMessage(turn: AssistantTurn): KiroAssistantResponseMessage {
  const thinking = turn.thinking
    .filter((text) => text.trim() !== '')
    .map((text) => `<thinking>${text}</thinking>\n\n`)
    .join('');
  const text = `${thinking}${turn.texts.join('\n\n')}`;
  const message: KiroAssistantResponseMessage = {
    content: text.trim() === '' ? placeholders.assistantEmpty : text,
  };
  if (turn.toolUses.length > 0) message.toolUses = turn.toolUses;
  return message;
}

function prefixed(prefix: string, content: string): string {
  return prefix === '' ? content : `${prefix}\n\n${content}`;
}

function systemPrefix(options: BuildKiroRequestOptions, overflowDocs: readonly string[]): string {
  const system = systemPromptText(options.request.system);
  const tags = hasThinkingTags(system) ? '' : thinkingTags(options.request, options);
  const docs =
    overflowDocs.length > 0 ? `# Tool documentation\n\n${overflowDocs.join('\n\n')}` : '';
  return [tags, system, docs].filter((part) => part !== '').join('\n\n');
}

function fallbackSeed(request: AnthropicMessagesRequest): string {
  const first = request.messages.find((message) => message.role === 'user');
  return `${systemPromptText(request.system)}\u0000${JSON.stringify(first?.content ?? '')}`;
}

/**
 * The body's size as Kiro's ~600 KB limit counts it: the JSON without the image data
 * (`images[].source.bytes`), which has limits of its own. Also a token estimate (images at a fixed
 * cost each).
 */
function sizeOf(
  body: KiroGenerateAssistantRequest,
  json: string,
): { bytes: number; tokens: number } {
  const { history = [], currentMessage } = body.conversationState;
  let images = 0;
  let imageBytes = 0;
  for (const message of [...history, currentMessage]) {
    if (!('userInputMessage' in message)) continue;
    for (const image of message.userInputMessage.images ?? []) {
      images += 1;
      // As JSON.stringify wrote it, without the quotes.
      imageBytes += Buffer.byteLength(JSON.stringify(image.source.bytes)) - 2;
    }
  }
  const withoutImages = JSON.stringify(body, (key, value: unknown) =>
    key === 'images' && Array.isArray(value) ? undefined : value,
  );
  return {
    bytes: Buffer.byteLength(json, 'utf8') - imageBytes,
    tokens: Math.max(1, estimateTextTokens(withoutImages) + images * imageTokenEstimate),
  };
}

/**
 * Builds the `generateAssistantResponse` body for an Anthropic Messages request, enforcing every
 * shape rule Kiro validates (see the README's "Sanitizer invariants").
 * @throws InvalidRequestError when there is nothing to send or an image cannot be sent.
 * @throws KiroPromptTooLongError when the body exceeds `maxBodyBytes`.
 */
export function buildKiroRequest(options: BuildKiroRequestOptions): BuiltKiroRequest {
  const { request } = options;
  if (request.messages.length === 0) {
    throw new InvalidRequestError({
      message: 'messages: at least one message is required.',
      param: 'messages',
    });
  }
  const modelId = resolveKiroModelId(request.model, options);
  const adaptations: Adaptation[] = [];
  const clientTools = declareAnthropicDefinedTools(request.tools ?? [], adaptations, options);
  const codec = new ToolNameCodec();
  const { history, current } = repairConversation(toTurns(request.messages, codec, adaptations));
  const imagesBefore = imageCount([...history, current]);
  boundImages([...history, current], options);
  const imagesDropped = imagesBefore - imageCount([...history, current]);
  if (imagesDropped > 0) {
    adaptations.push({
      kind: 'content_dropped',
      detail: `${String(imagesDropped)} earlier image(s) left out to stay within Kiro's image limits`,
    });
  }
  assertImageSizes([...history, current]);

  const toolChoice = effectiveToolChoice(
    request.tool_choice,
    new Set(clientTools.map((tool) => tool.name)),
    adaptations,
  );
  const toolSpecs = buildToolSpecs({
    tools: request.tools === undefined ? undefined : clientTools,
    toolChoice,
    turns: history,
    codec,
    adaptations,
  });
  if (toolSpecs.choiceInstruction !== '') {
    adaptations.push({
      kind: 'field_translated',
      detail: `tool_choice ${String(toolChoice?.type)}: sent as an instruction in the last user message`,
    });
  }
  for (const [alias, original] of codec.map) {
    adaptations.push({
      kind: 'tool_renamed',
      detail: `tool "${original}" sent as "${alias}" (Kiro's name rules); answers use the original`,
    });
  }
  // Specs for every tool name in history are always included, so tool activity never lacks tools.
  const tools: KiroToolSpecification[] = toolSpecs.specs;
  const prefix = systemPrefix(options, toolSpecs.overflowDocs);

  const kiroHistory: KiroHistoryMessage[] = history.map((turn, index) =>
    turn.role === 'user'
      ? {
          userInputMessage: userMessage({
            turn,
            modelId,
            content: index === 0 ? prefixed(prefix, userContent(turn)) : userContent(turn),
          }),
        }
      : { assistantResponseMessage: assistantMessage(turn) },
  );
  let currentContent = userContent(current);
  if (history.length === 0) currentContent = prefixed(prefix, currentContent);
  if (toolSpecs.choiceInstruction !== '') currentContent += `\n\n${toolSpecs.choiceInstruction}`;
  const currentMessage = userMessage({ turn: current, modelId, content: currentContent });
  if (tools.length > 0) {
    currentMessage.userInputMessageContext = { ...currentMessage.userInputMessageContext, tools };
  }

  const conversationId = resolveConversationId({
    conversationId: options.conversationId,
    sessionId: options.sessionId,
    userId: request.metadata?.user_id,
    fallbackSeed: fallbackSeed(request),
  });
  const body: KiroGenerateAssistantRequest = {
    conversationState: {
      agentTaskType: 'vibe',
      chatTriggerType: 'MANUAL',
      conversationId,
      currentMessage: { userInputMessage: currentMessage },
      ...(kiroHistory.length > 0 ? { history: kiroHistory } : {}),
    },
    ...(options.profileArn ? { profileArn: options.profileArn } : {}),
  };

  const json = JSON.stringify(body);
  const size = sizeOf(body, json);
  const maxBodyBytes =
    options.maxBodyBytes === undefined ? defaultMaxBodyBytes : options.maxBodyBytes;
  if (maxBodyBytes !== null && size.bytes > maxBodyBytes) {
    const window = (options.contextWindowTokens ?? defaultContextWindowTokens)(modelId);
    throw new KiroPromptTooLongError({
      promptTokens: size.tokens,
      maxTokens: Math.min(window, Math.floor((size.tokens * maxBodyBytes) / size.bytes)),
    });
  }
  return {
    body,
    json,
    modelId,
    conversationId,
    toolNames: codec.map,
    thinking: isThinkingRequested(request),
    estimatedInputTokens: size.tokens,
    bodyBytes: size.bytes,
    adaptations,
  };
}
