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
