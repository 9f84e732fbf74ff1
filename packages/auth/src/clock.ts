/**
 * The current time in epoch milliseconds. Every time-dependent part of this package takes one, so tests
 * drive expiry, lockouts and rate limits with a fake clock instead of waiting.
 */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
