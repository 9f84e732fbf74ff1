const secretKeyPattern =
  /password|passwd|secret|token|credential|authorization|cookie|^apikey$|hash$/;

/** True for keys whose value may be a secret (`accessToken`, `apiKey`, `keyHash`), not `apiKeyId`. */
function looksSecret(key: string): boolean {
  return secretKeyPattern.test(key.replace(/[-_]/g, '').toLowerCase());
}

/**
 * A copy of `value` where strings, objects and arrays under secret-looking keys are replaced by
 * `[redacted]`, at any depth. Booleans, numbers and null stay (`mustChangePassword: true`).
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 20) return '[redacted]';
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const keepsNoSecret = typeof item === 'boolean' || typeof item === 'number' || item === null;
      return [
        key,
        looksSecret(key) && !keepsNoSecret ? '[redacted]' : redactSecrets(item, depth + 1),
      ];
    }),
  );
}
