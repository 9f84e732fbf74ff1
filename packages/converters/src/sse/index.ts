export { createAnthropicSseEncoderStream, encodeAnthropicSseEvent } from './encode-anthropic-sse';
export { createResponsesSseEncoderStream, encodeResponsesSseEvent } from './encode-responses-sse';
export {
  createOpenAISseEncoderStream,
  encodeOpenAISseData,
  openAISseDone,
} from './encode-openai-sse';
export { anthropicPingFrame, sseComment, withKeepalive, type KeepaliveOptions } from './keepalive';
export { createSseParserStream, type SseMessage } from './parse-sse-stream';
export {
  createAnthropicEventDecoderStream,
  createOpenAIChunkDecoderStream,
} from './decode-sse-events';
