/**
 * Parses a complete tool-call argument string into the object Anthropic's `tool_use.input` needs.
 * Returns `undefined` when the text is not a JSON object (e.g. cut short by `max_tokens`): callers
 * decide, and never "repair" truncated JSON.
 */
export function parseToolArguments(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
