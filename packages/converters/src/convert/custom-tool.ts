/**
 * OpenAI `custom` (freeform, optionally grammar-constrained) tools take one raw string. Anthropic tools
 * take a JSON object, so a custom tool becomes a function with a single string property, and calls are
 * unwrapped back to the raw string on the way out.
 */

/** The one property of the object schema that stands for a custom tool's raw input. */
export const customToolInputProperty = 'input';

/** The Anthropic `input_schema` of a custom tool. */
export function customToolInputSchema(description: string): Record<string, unknown> {
  return {
    type: 'object',
    properties: { [customToolInputProperty]: { type: 'string', description } },
    required: [customToolInputProperty],
    additionalProperties: false,
  };
}

/** What the `input` property tells the model: raw text, or text in the tool's grammar. */
export function customToolInputDescription(
  grammar: { syntax: string; definition: string } | undefined,
): string {
  return grammar === undefined
    ? 'Raw input text.'
    : `Raw input, written in this ${grammar.syntax} grammar:\n${grammar.definition}`;
}

/** Wraps a custom tool's raw input as the Anthropic tool input object. */
export function wrapCustomToolInput(input: string): Record<string, unknown> {
  return { [customToolInputProperty]: input };
}

/** Unwraps the raw string from a custom tool's Anthropic input; other shapes are JSON-encoded. */
export function unwrapCustomToolInput(input: unknown): string {
  if (typeof input === 'object' && input !== null) {
    const value = (input as Record<string, unknown>)[customToolInputProperty];
    if (typeof value === 'string') return value;
  }
  return typeof input === 'string' ? input : JSON.stringify(input ?? {});
}
