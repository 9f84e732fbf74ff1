import type { CrcTarget } from '../frames/event-frames';
import type { Operation } from '../log/operations';

/** Faults answered instead of the normal response, before any byte of it is sent. */
export type RequestFault =
  /** "The bearer token included in the request is invalid.", 403 by default (some report 401). */
  | { type: 'expired-token'; status?: 401 | 403 }
  /** 403 with the suspension message and `TEMPORARILY_SUSPENDED`. */
  | { type: 'suspended' }
  /** 429; `suspicious` uses the "Due to suspicious activity…" message. */
  | { type: 'throttled'; retryAfterSeconds?: number; suspicious?: boolean }
  /** 429 `INSUFFICIENT_MODEL_CAPACITY`. */
  | { type: 'model-overloaded' }
  /** 402 `MONTHLY_REQUEST_COUNT`. */
  | { type: 'quota-exhausted' }
  /** 5xx; `highLoad` sends 500 `MODEL_TEMPORARILY_UNAVAILABLE`. */
  | { type: 'server-error'; status?: 500 | 502 | 503 | 504; highLoad?: boolean }
  /** Any status with any JSON body. */
  | { type: 'http-error'; status: number; body: unknown; headers?: Record<string, string> }
  /** The socket is destroyed before any response header. */
  | { type: 'connection-reset' };

/** Faults that strike a `generateAssistantResponse` stream after `afterFrames` frames (default 1). */
export type StreamFault =
  /** The socket is destroyed mid-stream. */
  | { type: 'cut-stream'; afterFrames?: number }
  /** No bytes for `durationMs`, then the stream continues. */
  | { type: 'stall'; afterFrames?: number; durationMs: number }
  /** The next frame is sent with a flipped CRC bit (message CRC by default), then the stream goes on. */
  | { type: 'corrupt-crc'; afterFrames?: number; target?: CrcTarget }
  /** An exception frame (e.g. `ThrottlingException`) ends the stream. */
  | { type: 'exception'; exceptionType: string; afterFrames?: number; message?: string };

/** Holds the request for `durationMs` before it is handled normally (slow headers, slow refresh). */
export interface DelayFault {
  type: 'delay';
  durationMs: number;
}

export type Fault = RequestFault | StreamFault | DelayFault;

/** When a fault strikes: instead of the response, before handling it, or inside a chat stream. */
export type FaultPhase = 'request' | 'delay' | 'stream';

export type FaultType = Fault['type'];

const streamFaultTypes: ReadonlySet<FaultType> = new Set([
  'cut-stream',
  'stall',
  'corrupt-crc',
  'exception',
]);

export function isStreamFault(fault: Fault): fault is StreamFault {
  return streamFaultTypes.has(fault.type);
}

export function isRequestFault(fault: Fault): fault is RequestFault {
  return phaseOf(fault) === 'request';
}

export function phaseOf(fault: Fault): FaultPhase {
  return fault.type === 'delay' ? 'delay' : isStreamFault(fault) ? 'stream' : 'request';
}

/** Faults that make sense on the token endpoints (they have no bearer token or account state). */
const transportFaultTypes: ReadonlySet<FaultType> = new Set([
  'delay',
  'throttled',
  'server-error',
  'http-error',
  'connection-reset',
]);

export function isTransportFault(fault: Fault): boolean {
  return transportFaultTypes.has(fault.type);
}

export interface FaultRule {
  fault: Fault;
  /** Only requests of this account; default any account (and requests without one). */
  accountId?: string;
  /** Which operation the rule strikes; default `generateAssistantResponse`. */
  operation?: Operation | 'any';
  /** How many times it fires; default 1, `'always'` (or `Infinity`) for every matching request. */
  times?: number | 'always';
  /** Matching requests to let through before the first firing; default 0. */
  skip?: number;
  /** Chance in [0, 1] that a matching request fires it, drawn from the seeded generator; default 1. */
  probability?: number;
}

export interface FaultHandle {
  readonly id: string;
  /** How many times the fault has fired so far. */
  readonly fired: number;
  /** Whether it can still fire. */
  readonly active: boolean;
  remove(): void;
}
