import type { OpenAIResponseFormat } from '../openai/request-schema';

/**
 * The system instruction that asks for JSON output. Anthropic-compatible upstreams (Kiro among them)
 * have no JSON mode, so `response_format` is honoured on a best-effort basis by instruction:
 * `text` adds nothing, `json_object` asks for one JSON object, `json_schema` asks for JSON matching
 * the given schema (included verbatim). Nothing validates the answer.
 */
export function responseFormatInstruction(
  format: OpenAIResponseFormat | null | undefined,
): string | undefined {
  if (format == null) return undefined;
  switch (format.type) {
    case 'text':
      return undefined;
    case 'json_object':
      return 'Respond with a single valid JSON object and nothing else: no prose, no Markdown code fences.';
    case 'json_schema': {
      const { name, description, schema } = format.json_schema;
      const lines = [
        'Respond with a single valid JSON value that conforms to the JSON Schema below, and nothing else: no prose, no Markdown code fences.',
        `Schema name: ${name}`,
      ];
      if (description !== undefined) lines.push(`Schema description: ${description}`);
      lines.push(JSON.stringify(schema ?? {}));
      return lines.join('\n');
    }
  }
}
