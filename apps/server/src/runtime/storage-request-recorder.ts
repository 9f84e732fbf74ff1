import type { Storage } from '@octoproxy/storage';

import type { RequestLogEntry, RequestRecorder } from '../proxy/request-recorder';

/**
 * Request logs and per-key token counters in the database. Both are queued by storage and written in
 * batches off the request path; `storage.flush()` (run at shutdown) writes what is left.
 */
export function storageRequestRecorder(storage: Storage): RequestRecorder {
  return {
    record(entry: RequestLogEntry) {
      storage.requestLogs.append({
        createdAt: entry.at.getTime(),
        requestId: entry.requestId,
        apiKeyId: entry.apiKeyId ?? null,
        userId: entry.userId ?? null,
        accountId: entry.accountId ?? null,
        route: entry.route,
        modelRequested: entry.modelRequested ?? null,
        modelSent: entry.modelSent ?? null,
        stream: entry.stream,
        status: entry.status,
        errorClass: entry.errorKind ?? null,
        errorCode: entry.errorCode ?? null,
        errorMessage: entry.errorMessage ?? null,
        inputTokens: entry.inputTokens,
        outputTokens: entry.outputTokens,
        latencyMs: entry.latencyMs,
        firstByteMs: entry.firstByteMs ?? null,
        attempts: entry.attempts,
        attemptLog: entry.attemptLog.length === 0 ? null : entry.attemptLog,
        adaptations: entry.adaptations,
        credits: entry.credits ?? null,
        clientIp: entry.clientIp ?? null,
        userAgent: entry.userAgent ?? null,
      });
      if (entry.apiKeyId !== undefined && (entry.inputTokens > 0 || entry.outputTokens > 0)) {
        // The request itself was counted when the key was checked; add its tokens now.
        storage.apiKeys.recordUsage({
          apiKeyId: entry.apiKeyId,
          requests: 0,
          inputTokens: entry.inputTokens,
          outputTokens: entry.outputTokens,
          at: entry.at.getTime(),
        });
      }
    },
  };
}
