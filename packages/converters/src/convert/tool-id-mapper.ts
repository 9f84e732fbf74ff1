const validToolId = /^[a-zA-Z0-9_-]+$/;

/** FNV-1a: a small deterministic hash, enough to keep sanitized ids apart. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * Builds a mapping for tool-call ids that Anthropic would reject (it requires `^[a-zA-Z0-9_-]+$`;
 * some models emit ids like `functions.Bash:0`). Valid ids stay as they are; others are sanitized with
 * a hash suffix. The mapping is deterministic and injective over `knownIds`, so a `tool_use.id` and the
 * `tool_result.tool_use_id` that answers it map to the same value.
 */
export function createToolIdMapper(knownIds: Iterable<string>): (id: string) => string {
  const used = new Set<string>();
  for (const id of knownIds) if (validToolId.test(id)) used.add(id);
  const mapped = new Map<string, string>();
  return (id) => {
    if (validToolId.test(id)) return id;
    const existing = mapped.get(id);
    if (existing !== undefined) return existing;
    const base = `${id.replace(/[^a-zA-Z0-9_-]/g, '_') || 'toolu'}_${shortHash(id)}`;
    let candidate = base;
    for (let counter = 2; used.has(candidate); counter += 1) candidate = `${base}_${counter}`;
    used.add(candidate);
    mapped.set(id, candidate);
    return candidate;
  };
}

/** Whether Anthropic accepts this string as a tool id. */
export function isValidAnthropicToolId(id: string): boolean {
  return validToolId.test(id);
}
