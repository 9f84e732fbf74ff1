export * from './errors/index';
export * from './anthropic/index';
