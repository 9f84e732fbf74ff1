export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.filter((item) => item !== null && item !== undefined).map(withoutNulls);
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      if (field === null || field === undefined) continue;
      out[key] = withoutNulls(field);
    }
    return out;
  }
  return value;
}

/**
 * Makes a client's JSON schema acceptable to Kiro: no `null` anywhere (Kiro's validator rejects it),
 * no `$schema`, and an object schema with `properties` at the top.
 */
export function cleanInputSchema(schema: unknown): Record<string, unknown> {
  const cleaned = isPlainObject(schema) ? (withoutNulls(schema) as Record<string, unknown>) : {};
  delete cleaned.$schema;
  if (cleaned.type === undefined) cleaned.type = 'object';
  if (cleaned.type === 'object' && !isPlainObject(cleaned.properties)) cleaned.properties = {};
  return cleaned;
}
