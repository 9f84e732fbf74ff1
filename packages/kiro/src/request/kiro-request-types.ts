/**
 * The `generateAssistantResponse` body, as the Kiro IDE's REST client sends it. Plain types of what
 * we build; field names follow the service model (see the package README).
 */

export type KiroImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';

export interface KiroImage {
  format: KiroImageFormat;
  source: { bytes: string };
}

export interface KiroToolSpecification {
  toolSpecification: {
    name: string;
    description: string;
    inputSchema: { json: Record<string, unknown> };
  };
}

export interface KiroToolResult {
  toolUseId: string;
  status: 'success' | 'error';
  content: { text: string }[];
}

export interface KiroToolUse {
  toolUseId: string;
  name: string;
  input: Record<string, unknown>;
}

export interface KiroUserInputMessageContext {
  tools?: KiroToolSpecification[];
  toolResults?: KiroToolResult[];
}

export interface KiroUserInputMessage {
  content: string;
  modelId: string;
  origin: 'AI_EDITOR';
  images?: KiroImage[];
  userInputMessageContext?: KiroUserInputMessageContext;
}

export interface KiroAssistantResponseMessage {
  content: string;
  toolUses?: KiroToolUse[];
}

export type KiroHistoryMessage =
  | { userInputMessage: KiroUserInputMessage }
  | { assistantResponseMessage: KiroAssistantResponseMessage };

export interface KiroConversationState {
  agentTaskType: 'vibe';
  chatTriggerType: 'MANUAL';
  conversationId: string;
  currentMessage: { userInputMessage: KiroUserInputMessage };
  history?: KiroHistoryMessage[];
}

export interface KiroGenerateAssistantRequest {
  conversationState: KiroConversationState;
  /** A sibling of `conversationState`; only when the account has one. */
  profileArn?: string;
}
