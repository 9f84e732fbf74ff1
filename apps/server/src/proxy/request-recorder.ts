import type { Adaptation } from '@octoproxy/converters';

import type { UpstreamAttempt } from './message-backend';

/** One proxied request as the request log keeps it. Never holds prompts, answers or secrets. */
export interface RequestLogEntry {
  at: Date;
  requestId: string;
  route: string;
  apiKeyId: string | undefined;
  /** The owner of the API key. */
  userId: string | undefined;
  accountId: string | undefined;
  /** Undefined when the body could not be read. */
  modelRequested: string | undefined;
  modelSent: string | undefined;
  stream: boolean;
  status: number;
  /** The error kind and code when the request failed (also mid-stream). */
  errorKind: string | undefined;
  errorCode: string | undefined;
  /** What the client was told went wrong. */
  errorMessage: string | undefined;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  firstByteMs: number | undefined;
  attempts: number;
  /** Each upstream attempt in order, failed ones included. */
  attemptLog: readonly UpstreamAttempt[];
  /** What the gateway changed in the request so the upstream takes it (the response header's list). */
  adaptations: readonly Adaptation[];
  /** Upstream credits the answer cost, when reported. */
  credits: number | undefined;
  clientIp: string | undefined;
  userAgent: string | undefined;
}

/** Where request logs go (the `request_logs` table, written in batches off the request path). */
export interface RequestRecorder {
  record(entry: RequestLogEntry): void;
}

/** Keeps entries in memory (tests, and until storage is wired). */
export class MemoryRequestRecorder implements RequestRecorder {
  readonly entries: RequestLogEntry[] = [];

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
  }
}
