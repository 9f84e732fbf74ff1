import type { LiveSettings } from '../config/live-settings';
import type { ModelInfo } from './model-catalog';
import type { ModelDirectory } from './model-directory';

/** Listed while no account has reported its entitlements yet. */
export const fallbackModelIds = [
  'claude-sonnet-4.5',
  'claude-haiku-4.5',
  'claude-opus-4.5',
  'claude-sonnet-4.6',
  'claude-opus-4.6',
];

/**
 * The models the pool can serve plus the configured aliases (wildcard aliases are not listable),
 * sorted by id: what `/v1/models` and the admin API's `/api/models` list.
 */
export function listModels(deps: { models: ModelDirectory; settings: LiveSettings }): ModelInfo[] {
  const available = deps.models.available();
  const ids = available === undefined || available.size === 0 ? fallbackModelIds : [...available];
  const listed = new Map(ids.map((id) => [id, deps.models.describe(id)]));
  for (const [alias, target] of Object.entries(deps.settings.current.modelAliases)) {
    if (alias.endsWith('*') || listed.has(alias)) continue;
    const info = deps.models.describe(deps.models.toUpstreamId(target));
    listed.set(alias, { ...info, id: alias });
  }
  return [...listed.values()].sort((left, right) => left.id.localeCompare(right.id));
}
