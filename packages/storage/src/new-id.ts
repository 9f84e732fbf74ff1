import { randomUUID } from 'node:crypto';

/**
 * A new random record id. Callers that bind the id into encryption (the secret box uses it
 * as associated data) take one first and pass it to `create`.
 */
export function newId(): string {
  return randomUUID();
}
