export * from './errors/index';
export * from './anthropic/index';
export * from './openai/index';
export * from './responses/index';
export * from './sse/index';
