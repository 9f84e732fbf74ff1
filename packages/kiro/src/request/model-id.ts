/** Kiro model ids known to exist (lowercase, dotted). Newer ones pass through `modelAliases`. */
export const knownKiroModelIds: readonly string[] = [
  'auto',
  'claude-sonnet-4',
  'claude-sonnet-4.5',
  'claude-sonnet-4.6',
  'claude-haiku-4.5',
  'claude-opus-4.5',
  'claude-opus-4.6',
  'claude-opus-4.7',
  'deepseek-3.2',
  'glm-5',
  'minimax-m2.1',
  'minimax-m2.5',
  'qwen3-coder-next',
];

/** The model used for a Claude family when the exact version is unknown to Kiro. */
export const defaultFamilyModels: Readonly<Record<'opus' | 'sonnet' | 'haiku', string>> = {
  opus: 'claude-opus-4.6',
  sonnet: 'claude-sonnet-4.5',
  haiku: 'claude-haiku-4.5',
};

export const defaultKiroModelId = 'claude-sonnet-4.5';

export interface ModelMappingOptions {
  /** Exact client names (case-insensitive) → Kiro id; checked first. */
  modelAliases?: Readonly<Record<string, string>>;
  /** Ids Kiro accepts; default {@link knownKiroModelIds}. */
  knownModelIds?: readonly string[];
  /** Fallback per Claude family for versions Kiro does not know; default {@link defaultFamilyModels}. */
  familyModels?: Readonly<Partial<Record<'opus' | 'sonnet' | 'haiku', string>>>;
  /** For names matching nothing; default {@link defaultKiroModelId}. */
  defaultModelId?: string;
}

/** `claude-sonnet-4-5-20250929` → `claude-sonnet-4.5`; `claude-3-7-sonnet-latest` → `claude-3.7-sonnet`. */
function normalise(name: string): string {
  let id = name.trim().toLowerCase();
  id = id.replace(/^(kiro|amazonq)-/, '').replace(/-agentic$/, '');
  id = id.replace(/-(\d{8}|latest)$/, '').replace(/-v\d+(:\d+)?$/, '');
  id = id.replace(/^claude-(opus|sonnet|haiku)-(\d+)-(\d+)$/, 'claude-$1-$2.$3');
  id = id.replace(/^claude-(\d+)-(\d+)-(opus|sonnet|haiku)$/, 'claude-$1.$2-$3');
  id = id.replace(/^minimax-m(\d+)-(\d+)$/, 'minimax-m$1.$2');
  return id;
}

/**
 * Maps a client model name (dated, hyphenated, dotted or an alias) to a Kiro model id. Never throws:
 * unknown Claude names fall back to their family's model, anything else to the default.
 */
export function resolveKiroModelId(name: string, options: ModelMappingOptions = {}): string {
  const aliases = options.modelAliases ?? {};
  const lowered = name.trim().toLowerCase();
  for (const [alias, target] of Object.entries(aliases)) {
    if (alias.toLowerCase() === lowered) return target;
  }
  const known = new Set(options.knownModelIds ?? knownKiroModelIds);
  if (known.has(lowered)) return lowered;
  const id = normalise(name);
  if (known.has(id)) return id;
  const family = /\b(opus|sonnet|haiku)\b/.exec(id.replace(/[-.]/g, ' '))?.[1] as
    'opus' | 'sonnet' | 'haiku' | undefined;
  if (family !== undefined) return options.familyModels?.[family] ?? defaultFamilyModels[family];
  return options.defaultModelId ?? defaultKiroModelId;
}

/** Context window per Kiro model id: 1M for the 4.6 generation (since 2026-03), else 200k. */
export function defaultContextWindowTokens(modelId: string): number {
  return /^claude-(sonnet|opus)-4\.6/.test(modelId) ? 1_000_000 : 200_000;
}
