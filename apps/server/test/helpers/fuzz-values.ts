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
