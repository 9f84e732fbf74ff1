import fc from 'fast-check';

/** Any JSON value, a few levels deep. */
export const anything = fc.jsonValue({ maxDepth: 4 });

/** Strings, with the empty and blank ones (and whole graphemes) that validation must handle. */
export const text = fc.oneof(
  fc.string(),
  fc.constant(''),
  fc.constant(' '),
  fc.string({ unit: 'grapheme' }),
);

/** Names that are properties of every plain object: lookups keyed by client input must not find them. */
export const prototypeKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
);

/** A model name as a client might send it, odd ones included. */
export const modelName = fc.oneof(fc.string(), prototypeKey);

/**
 * JSON text nested `depth` levels deep (objects or arrays), built as text because `JSON.stringify`
 * itself recurses and would overflow first.
 */
export function deeplyNestedJson(depth: number, kind: 'object' | 'array'): string {
  return kind === 'object'
    ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
    : '['.repeat(depth) + '1' + ']'.repeat(depth);
}

/** Nesting that overflows any recursive walk: a tool schema 20 000 deep, credentials 100 000 deep. */
export const deepNesting = fc
  .tuple(fc.constantFrom(20_000, 100_000), fc.constantFrom<'object' | 'array'>('object', 'array'))
  .map(([depth, kind]) => deeplyNestedJson(depth, kind));
