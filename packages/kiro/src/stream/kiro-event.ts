/** Token counts Kiro may report at the end of a model call (`metadataEvent.tokenUsage`). */
export interface KiroTokenUsage {
  uncachedInputTokens?: number | undefined;
  outputTokens?: number | undefined;
  totalTokens?: number | undefined;
  cacheReadInputTokens?: number | undefined;
  cacheWriteInputTokens?: number | undefined;
}

/**
 * One decoded frame of Kiro's `generateAssistantResponse` stream. Event types we do not use are
 * reported as `ignored` (with their name) so callers can count them; they never carry text.
 */
export type KiroEvent =
  | { type: 'assistantResponse'; content: string }
  | { type: 'toolUse'; toolUseId: string; name: string; input?: string; stop: boolean }
  | { type: 'reasoningContent'; text?: string; signature?: string; redactedContent?: string }
  | { type: 'metering'; usage: number; unit?: string }
  | { type: 'contextUsage'; contextUsagePercentage: number }
  | { type: 'metadata'; tokenUsage?: KiroTokenUsage; stopReason?: string }
  | { type: 'messageMetadata'; conversationId?: string; utteranceId?: string }
  | { type: 'invalidState'; reason?: string; message?: string }
  /** An `exception` (or generic `error`) frame: `exceptionType` such as `ThrottlingException`. */
  | { type: 'exception'; exceptionType: string; message: string }
  | { type: 'ignored'; eventType: string };

export type KiroEventType = KiroEvent['type'];
