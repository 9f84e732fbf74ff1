export type { ErrorFault, ErrorKind } from './error-kind';
export {
  errorKindTable,
  type AnthropicErrorType,
  type OpenAIErrorType,
  type ProtocolErrorMapping,
} from './error-kind-table';
export { OctoProxyError, type OctoProxyErrorOptions } from './octoproxy-error';
export { InvalidRequestError } from './invalid-request-error';
export { PromptTooLongError } from './prompt-too-long-error';
export { InternalError } from './internal-error';
export {
  toAnthropicError,
  toOpenAIError,
  type AnthropicErrorBody,
  type OpenAIErrorBody,
  type RenderedError,
} from './error-bodies';
