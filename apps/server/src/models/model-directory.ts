import type { ModelInfo } from './model-catalog';

/** What the server knows about models: the upstream's naming and what the accounts may serve. */
export interface ModelDirectory {
  /** Maps a client name (dated, hyphenated) to the upstream id. */
  toUpstreamId(name: string): string;
  /** Upstream ids some enabled account is entitled to; `undefined` while no account reported any. */
  available(): ReadonlySet<string> | undefined;
  /** Model metadata for `/v1/models`. */
  describe(id: string): ModelInfo;
}
