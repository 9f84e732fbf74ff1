/** The OpenAI completion id for an Anthropic message id (`msg_x` → `chatcmpl-x`). */
export function openAICompletionIdFor(messageId: string): string {
  return `chatcmpl-${messageId.replace(/^msg_/, '')}`;
}

/** The Anthropic message id for an OpenAI completion id (`chatcmpl-x` → `msg_x`). */
export function anthropicMessageIdFor(completionId: string): string {
  return `msg_${completionId.replace(/^chatcmpl-/, '').replace(/[^a-zA-Z0-9_-]/g, '_')}`;
}

/** The current time in whole seconds, as OpenAI's `created`. */
export function unixSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** The Responses id for an Anthropic message id (`msg_x` → `resp_x`). */
export function responseIdFor(messageId: string): string {
  return `resp_${messageId.replace(/^msg_/, '')}`;
}
