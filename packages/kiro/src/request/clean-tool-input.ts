import { isPlainObject, withoutNulls } from './clean-input-schema';

/** Drops empty-string keys at every depth, noting the path of each one dropped. */
function withoutEmptyKeys(value: unknown, path: string, dropped: string[]): unknown {
  if (Array.isArray(value)) {
    return value.map((item, index) => withoutEmptyKeys(item, `${path}[${index}]`, dropped));
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === '') dropped.push(`${path}[""]`);
    else out[key] = withoutEmptyKeys(field, `${path}.${key}`, dropped);
  }
  return out;
}

/**
 * Makes a tool call's arguments acceptable in history: an object, without `null` values and without
 * empty-string keys at any depth (Kiro rejects both, §2.8). Returns the paths of the keys it dropped
 * so the caller can report the change.
 */
export function cleanToolInput(input: unknown): {
  input: Record<string, unknown>;
  droppedKeys: string[];
} {
  const value = withoutNulls(input);
  const droppedKeys: string[] = [];
  if (!isPlainObject(value)) {
    return { input: value === undefined ? {} : { input: value }, droppedKeys };
  }
  const cleaned = withoutEmptyKeys(value, 'input', droppedKeys) as Record<string, unknown>;
  return { input: cleaned, droppedKeys };
}
