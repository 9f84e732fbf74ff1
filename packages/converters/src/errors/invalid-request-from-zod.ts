import type { z } from 'zod';

import { InvalidRequestError } from './invalid-request-error';

type Issue = z.core.$ZodIssue;
type PathSegment = PropertyKey;

interface Located {
  path: PathSegment[];
  text: string;
}

function describePath(path: readonly PathSegment[]): string {
  return path.map((segment) => String(segment)).join('.');
}

function stripPrefix(message: string): string {
  return message.replace(/^Invalid input: /, '');
}

/** The branch of a union that got furthest is the one the client most likely meant. */
function depth(issues: readonly Issue[]): number {
  return Math.max(
    0,
    ...issues.map((issue) => issue.path.length + (issue.code === 'invalid_union' ? 1 : 0)),
  );
}

function locate(issue: Issue, prefix: readonly PathSegment[]): Located {
  const path = [...prefix, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) {
    return { path, text: stripPrefix(issue.message) };
  }
  const branches = issue.errors;
  const allShallowTypeErrors = branches.every(
    (branch) =>
      branch.length === 1 && branch[0]?.path.length === 0 && branch[0].code === 'invalid_type',
  );
  if (allShallowTypeErrors) {
    const expected = [
      ...new Set(
        branches.map((branch) => (branch[0]?.code === 'invalid_type' ? branch[0].expected : '')),
      ),
    ];
    return { path, text: `expected ${expected.join(' or ')}` };
  }
  const deepest = branches.reduce((best, branch) => (depth(branch) > depth(best) ? branch : best));
  const first = deepest[0];
  return first === undefined ? { path, text: stripPrefix(issue.message) } : locate(first, path);
}

/**
 * Turns a zod failure on a client request into an {@link InvalidRequestError} whose message names
 * the offending path, e.g. `messages.2.content: expected string or array`, and whose `param` is that path.
 */
export function invalidRequestFromZodError(error: z.ZodError): InvalidRequestError {
  const first = error.issues[0];
  if (first === undefined) return new InvalidRequestError({ message: 'Invalid request body.' });
  const located = locate(first, []);
  const param = describePath(located.path);
  const message = param === '' ? located.text : `${param}: ${located.text}`;
  return new InvalidRequestError({
    message,
    ...(param === '' ? {} : { param }),
    cause: error,
  });
}
