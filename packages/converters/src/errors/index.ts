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
export {
  UpstreamProtocolError,
  type ErrorProtocol,
  type UpstreamProtocolErrorOptions,
} from './upstream-protocol-error';
export {
  errorFromAnthropicBody,
  errorFromOpenAIBody,
  type ErrorFromBodyOptions,
} from './error-from-protocol-body';
export { invalidRequestFromZodError } from './invalid-request-from-zod';
export { parseWithSchema } from './parse-with-schema';
