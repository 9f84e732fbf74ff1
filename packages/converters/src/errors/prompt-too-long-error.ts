import { OctoProxyError } from './octoproxy-error';

/**
 * The prompt does not fit the model's context window. The message uses Anthropic's exact wording,
 * because Claude Code matches on it to start compacting.
 */
export class PromptTooLongError extends OctoProxyError {
  readonly promptTokens: number;
  readonly maxTokens: number;

  constructor(options: { promptTokens: number; maxTokens: number; cause?: unknown }) {
    super({
      kind: 'invalid_request',
      fault: 'client',
      code: 'context_length_exceeded',
      message: `prompt is too long: ${options.promptTokens} tokens > ${options.maxTokens} maximum`,
      param: 'messages',
      cause: options.cause,
    });
    this.promptTokens = options.promptTokens;
    this.maxTokens = options.maxTokens;
  }
}
