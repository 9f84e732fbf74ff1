/** What `/v1/models` says about one model. */
export interface ModelInfo {
  /** Upstream model id, e.g. `claude-sonnet-4.5`. */
  id: string;
  displayName: string;
  contextWindow: number;
  maxOutputTokens: number;
}

const defaultContextWindow = 200_000;
const defaultMaxOutput = 64_000;

/** `claude-sonnet-4.5` → `Claude Sonnet 4.5`. */
export function displayNameOf(id: string): string {
  return id
    .split('-')
    .map((part) => (part.length > 0 ? part[0]!.toUpperCase() + part.slice(1) : part))
    .join(' ');
}

export function modelInfo(
  id: string,
  limits?: { maxInputTokens?: number | undefined; maxOutputTokens?: number | undefined },
): ModelInfo {
  return {
    id,
    displayName: displayNameOf(id),
    contextWindow: limits?.maxInputTokens ?? defaultContextWindow,
    maxOutputTokens: limits?.maxOutputTokens ?? defaultMaxOutput,
  };
}

/** The family and version of a Claude model id, for "best model of the family" choices. */
export function claudeFamily(
  id: string,
): { family: 'opus' | 'sonnet' | 'haiku'; version: number[] } | undefined {
  const match = /claude-(?:(\d+(?:[.-]\d+)?)-)?(opus|sonnet|haiku)(?:-(\d+(?:[.-]\d)?))?/.exec(id);
  if (!match) return undefined;
  const versionText = match[3] ?? match[1] ?? '0';
  const version = versionText.split(/[.-]/).map(Number);
  return { family: match[2] as 'opus' | 'sonnet' | 'haiku', version };
}

function compareVersions(left: number[], right: number[]): number {
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The newest available model of the same family as `id`, if any. */
export function bestOfFamily(id: string, available: Iterable<string>): string | undefined {
  const wanted = claudeFamily(id);
  if (wanted === undefined) return undefined;
  let best: { id: string; version: number[] } | undefined;
  for (const candidate of available) {
    const family = claudeFamily(candidate);
    if (family?.family !== wanted.family) continue;
    if (best === undefined || compareVersions(family.version, best.version) > 0) {
      best = { id: candidate, version: family.version };
    }
  }
  return best?.id;
}
