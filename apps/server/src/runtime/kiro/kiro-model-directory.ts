import { defaultContextWindowTokens, knownKiroModelIds, resolveKiroModelId } from '@octoproxy/kiro';
import type { Pool } from '@octoproxy/pool';

import type { ModelDirectory } from '../../models/model-directory';
import { modelInfo } from '../../models/model-catalog';

const unknownModel = '\u0000unknown';

/**
 * Models as the pool's accounts report them: the union of the enabled accounts' entitlements, with
 * Kiro's naming rules for client names (dated, hyphenated, `-latest`…).
 */
export function kiroModelDirectory(pool: Pool): ModelDirectory {
  const compute = (): ReadonlySet<string> | undefined => {
    let union: Set<string> | undefined;
    for (const account of pool.accounts()) {
      if (!account.config.enabled) continue;
      const entitled = account.state.usage?.entitledModels;
      if (entitled == null) continue;
      union ??= new Set();
      for (const model of entitled) union.add(model);
    }
    return union;
  };
  // Snapshots copy every account's state: compute the union (and the ids the naming rules know)
  // once and again only when accounts or their usage (which carries the entitlements) change.
  let cached: { value: ReadonlySet<string> | undefined; known: string[] } | undefined;
  pool.subscribe((event) => {
    if (
      event.type === 'accounts_loaded' ||
      (event.type === 'account_changed' && event.detail.change === 'usage_updated')
    ) {
      cached = undefined;
    }
  });
  const current = () => {
    if (cached === undefined) {
      const value = compute();
      cached = { value, known: [...knownKiroModelIds, ...(value ?? [])] };
    }
    return cached;
  };
  return {
    available: () => current().value,
    toUpstreamId(name) {
      const id = resolveKiroModelId(name, {
        knownModelIds: current().known,
        defaultModelId: unknownModel,
      });
      return id === unknownModel ? name : id;
    },
    describe: (id) =>
      modelInfo(id, {
        maxInputTokens: defaultContextWindowTokens(id),
        maxOutputTokens: /^claude-(sonnet|opus)-4\.6/.test(id) ? 128_000 : 64_000,
      }),
  };
}
