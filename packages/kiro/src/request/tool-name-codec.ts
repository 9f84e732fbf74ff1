import { createHash } from 'node:crypto';

/** Kiro accepts tool names matching this pattern, at most 64 characters long. */
const kiroToolNamePattern = /^[a-zA-Z][a-zA-Z0-9_]*$/;
export const maxKiroToolNameLength = 64;
const hashLength = 12;

/**
 * Maps a client tool name to one Kiro accepts. Valid names pass unchanged; others get their invalid
 * characters replaced and a hash of the original appended, so two names never share an alias and the
 * same name always gets the same alias (the history of every turn agrees).
 */
export function toKiroToolName(name: string): string {
  if (kiroToolNamePattern.test(name) && name.length <= maxKiroToolNameLength) return name;
  let base = name.replace(/[^a-zA-Z0-9_]/g, '_');
  if (!/^[a-zA-Z]/.test(base)) base = `t_${base}`;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, hashLength);
  return `${base.slice(0, maxKiroToolNameLength - hashLength - 1)}_${hash}`;
}

/** Alias → original client name, for the names that needed an alias. */
export type ToolNameMap = ReadonlyMap<string, string>;

/** Collects the aliases handed out while building one request. */
export class ToolNameCodec {
  readonly #aliases = new Map<string, string>();

  /** The Kiro name for a client name; remembers the mapping when it differs. */
  encode(name: string): string {
    const alias = toKiroToolName(name);
    if (alias !== name) this.#aliases.set(alias, name);
    return alias;
  }

  get map(): ToolNameMap {
    return this.#aliases;
  }
}

/** The client name for a name Kiro sent back. */
export function fromKiroToolName(name: string, map: ToolNameMap): string {
  return map.get(name) ?? name;
}
