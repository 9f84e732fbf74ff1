import { OctoProxyError } from '@octoproxy/converters';

import { bestOfFamily } from './model-catalog';

export interface ModelResolution {
  /** The model name sent upstream. */
  model: string;
  /** The client asked for thinking through a `-thinking` suffix. */
  thinking: boolean;
}

export interface ResolveModelOptions {
  /** Client name → model; keys ending in `*` match by prefix (the longest prefix wins). */
  aliases: Readonly<Record<string, string>>;
  /** Served when nothing else matches; `null` makes unknown names a 404. */
  defaultModel: string | null;
  /** Maps a client name to an upstream id (dated and hyphenated forms → dotted ids). */
  toUpstreamId: (name: string) => string;
  /** Upstream ids some account may serve; `undefined` while unknown (no entitlement data yet). */
  available: ReadonlySet<string> | undefined;
}

export class ModelNotFoundError extends OctoProxyError {
  constructor(model: string) {
    super({
      kind: 'not_found',
      fault: 'client',
      code: 'model_not_found',
      message: `The model ${model} is not available on this server.`,
      param: 'model',
    });
  }
}

function matchAlias(name: string, aliases: Readonly<Record<string, string>>): string | undefined {
  // An own-property lookup: a client's `__proto__` or `toString` must not reach Object.prototype.
  const exact = Object.hasOwn(aliases, name) ? aliases[name] : undefined;
  if (typeof exact === 'string') return exact;
  let best: { prefix: string; target: string } | undefined;
  for (const [pattern, target] of Object.entries(aliases)) {
    if (!pattern.endsWith('*')) continue;
    const prefix = pattern.slice(0, -1);
    if (name.startsWith(prefix) && (best === undefined || prefix.length > best.prefix.length)) {
      best = { prefix, target };
    }
  }
  return best?.target;
}

/**
 * Turns the model a client asked for into the model sent upstream: `-thinking` suffix, configured
 * aliases, the upstream's naming, then (when entitlements are known) the newest model of the same
 * family that some account may use, then the configured default.
 */
export function resolveModel(requested: string, options: ResolveModelOptions): ModelResolution {
  const thinking = requested.endsWith('-thinking');
  const name = thinking ? requested.slice(0, -'-thinking'.length) : requested;
  const aliased = matchAlias(name, options.aliases) ?? name;
  const model = options.toUpstreamId(aliased);
  const available = options.available;
  if (available === undefined || available.size === 0 || available.has(model)) {
    return { model, thinking };
  }
  const sibling = bestOfFamily(model, available);
  if (sibling !== undefined) return { model: sibling, thinking };
  if (options.defaultModel !== null) {
    return { model: options.toUpstreamId(options.defaultModel), thinking };
  }
  throw new ModelNotFoundError(requested);
}
