import { InvalidRequestError } from '@octoproxy/converters';
import { StorageError } from '@octoproxy/storage';

/** Brings errors of libraries outside the hierarchy into it (storage conflicts → 400 `conflict`). */
export function toKnownError(thrown: unknown): unknown {
  if (StorageError.isInstance(thrown) && thrown.code === 'conflict') {
    return new InvalidRequestError({ code: 'conflict', message: thrown.message, cause: thrown });
  }
  return thrown;
}
