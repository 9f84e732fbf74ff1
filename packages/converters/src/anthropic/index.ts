export * from './request-schema';
export type * from './message';
export type * from './stream-event';
