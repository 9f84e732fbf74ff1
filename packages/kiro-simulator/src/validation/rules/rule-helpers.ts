import type { ModelCatalog } from '../../models/model-catalog';
import type {
  AssistantResponseMessage,
  ChatMessage,
  KiroRequestBody,
  ToolEntry,
  UserInputMessage,
} from '../request-schema';

export interface RuleContext {
  models: ModelCatalog;
}

/**
 * One rule the upstream is known to enforce on `generateAssistantResponse` bodies (kiro-protocol.md
 * §2.8–2.9). A violation answers 400 "Improperly formed request." with `reason`, or, for `kind: 'model'`,
 * the invalid-model message.
 */
export interface RequestRule {
  id: string;
  summary: string;
  /** The fact the rule rests on. */
  source: string;
  reason: string | null;
  kind?: 'model';
  /** A description of the first violation, or undefined when the body complies. */
  violation(body: KiroRequestBody, context: RuleContext): string | undefined;
}

export const userOf = (message: ChatMessage): UserInputMessage | undefined =>
  'userInputMessage' in message ? message.userInputMessage : undefined;

export const assistantOf = (message: ChatMessage): AssistantResponseMessage | undefined =>
  'assistantResponseMessage' in message ? message.assistantResponseMessage : undefined;

export const historyOf = (body: KiroRequestBody): ChatMessage[] =>
  body.conversationState.history ?? [];

/** History followed by the current message. */
export const conversationOf = (body: KiroRequestBody): ChatMessage[] => [
  ...historyOf(body),
  body.conversationState.currentMessage,
];

export const userMessagesOf = (body: KiroRequestBody): UserInputMessage[] =>
  conversationOf(body).flatMap((message) => userOf(message) ?? []);

export const currentToolsOf = (body: KiroRequestBody): ToolEntry[] =>
  userOf(body.conversationState.currentMessage)?.userInputMessageContext?.tools ?? [];

export const toolSpecsOf = (body: KiroRequestBody): Record<string, unknown>[] =>
  currentToolsOf(body).flatMap((tool) => tool.toolSpecification ?? []);

export const roleOf = (message: ChatMessage | undefined): 'user' | 'assistant' | 'none' =>
  message === undefined ? 'none' : userOf(message) ? 'user' : 'assistant';

/** The first non-undefined result of `test` over `items`. */
export function firstOf<T>(
  items: readonly T[],
  test: (item: T, index: number) => string | undefined,
): string | undefined {
  for (const [index, item] of items.entries()) {
    const found = test(item, index);
    if (found !== undefined) return found;
  }
  return undefined;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where in `value` an object has an empty-string key, if anywhere. */
export function emptyKeyPath(value: unknown, path: string): string | undefined {
  if (Array.isArray(value)) {
    return firstOf(value, (item, i) => emptyKeyPath(item, `${path}[${i}]`));
  }
  if (!isObject(value)) return undefined;
  return firstOf(Object.entries(value), ([key, item]) =>
    key === '' ? `${path} has an empty-string key` : emptyKeyPath(item, `${path}.${key}`),
  );
}

/** The first value that occurs twice, if any. */
export function firstDuplicate(values: readonly string[]): string | undefined {
  const seen = new Set<string>();
  return firstOf(values, (value) => {
    if (seen.has(value)) return value;
    seen.add(value);
    return undefined;
  });
}
