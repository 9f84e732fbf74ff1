import { InvalidRequestError } from '@octoproxy/converters';
import type { MiddlewareHandler } from 'hono';

/**
 * Deeper than any real request (tool schemas nest a few dozen levels at most), shallow enough that
 * no recursive walk of the parsed body (validation, conversion, token counting) runs out of stack.
 */
export const maxJsonDepth = 128;

const openBrace = 0x7b;
const openBracket = 0x5b;
const closeBrace = 0x7d;
const closeBracket = 0x5d;
const quote = 0x22;
const backslash = 0x5c;

/** Whether JSON text nests objects and arrays deeper than `max`, found in one pass without parsing. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === backslash) index += 1;
      else if (code === quote) inString = false;
    } else if (code === quote) inString = true;
    else if (code === openBrace || code === openBracket) {
      depth += 1;
      if (depth > max) return true;
    } else if (code === closeBrace || code === closeBracket) depth -= 1;
  }
  return false;
}

/**
 * Refuses JSON bodies nested deeper than {@link maxJsonDepth} with a 400 before anything parses
 * them, so a body of 100 000 brackets is a client error instead of a stack overflow. Any content type
 * is checked: the proxy routes parse whatever they get as JSON. The text read here is cached by the
 * request, so handlers read the body once more for free.
 */
export function jsonDepthLimit(max = maxJsonDepth): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (nestsDeeperThan(await c.req.text(), max)) {
      throw new InvalidRequestError({
        code: 'json_too_deep',
        message: `The request body nests objects and arrays more than ${max} levels deep.`,
      });
    }
    return next();
  };
}
