export * from './request-schema';
export type * from './response';
export * from './parse-responses-request';
export {
  convertResponsesRequestToAnthropic,
  type ConvertResponsesRequestOptions,
  type ConvertResponsesRequestResult,
} from '../convert/convert-responses-request-to-anthropic';
export { convertAnthropicMessageToResponse } from '../convert/convert-anthropic-message-to-response';
export { anthropicMessageToEvents } from '../convert/anthropic-message-to-events';
export { anthropicUsageToResponses } from '../convert/map-usage';
export { responseIdFor } from '../convert/response-ids';
export { errorFromResponsesError, toResponsesError } from '../convert/responses-error';
export { decodeReasoningContent, encodeReasoningContent } from '../convert/reasoning-carrier';
export {
  anthropicToolNameFor,
  localShellToolName,
  responsesToolTarget,
  type ResponsesToolKind,
  type ResponsesToolMap,
  type ResponsesToolTarget,
} from '../convert/responses-tool-map';
export {
  AnthropicToResponsesEventConverter,
  createAnthropicToResponsesEventStream,
  type AnthropicToResponsesOptions,
} from '../stream/anthropic-to-responses-events';
export { aggregateResponsesStream } from '../aggregate/aggregate-responses-stream';
