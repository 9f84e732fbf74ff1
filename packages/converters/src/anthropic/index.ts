export * from './request-schema';
export type * from './message';
export type * from './stream-event';
export * from './parse-anthropic-request';
export * from './block-guards';
export * from './stream-event-schema';
export type { ConversionWarning } from '../convert/conversion-warning';
export { normalizeAnthropicMessages } from '../convert/normalize-anthropic-messages';
export {
  normalizeImageMediaType,
  parseDataUrl,
  resolveBase64ImageMediaType,
  sniffImageMediaType,
  type AnthropicImageMediaType,
  type DataUrl,
} from '../convert/image-source';
export { createToolIdMapper, isValidAnthropicToolId } from '../convert/tool-id-mapper';
export { mergeAnthropicUsage } from '../convert/map-usage';
export { createStopSequenceStream, type StopSequenceOptions } from '../stream/stop-sequence-stream';
export { createOutputLimitStream, type OutputLimitOptions } from '../stream/output-limit-stream';
export {
  AnthropicMessageAccumulator,
  aggregateAnthropicStream,
} from '../aggregate/anthropic-message-accumulator';
export type { Adaptation, AdaptationKind } from '../convert/adaptation';
export {
  declareAnthropicDefinedTools,
  isAnthropicServerTool,
  type DeclareAnthropicToolsOptions,
} from './anthropic-defined-tools';
