import { PermissionError } from '../errors/permission-error';

/**
 * Whether a key's allow-list admits `model`. Entries match exactly, or as a prefix when they end in
 * `*` (`claude-sonnet-*`); null admits every model.
 */
export function isModelAllowed(allowedModels: readonly string[] | null, model: string): boolean {
  if (allowedModels === null) return true;
  return allowedModels.some((entry) =>
    entry.endsWith('*') ? model.startsWith(entry.slice(0, -1)) : entry === model,
  );
}

/**
 * Throws a 403 {@link PermissionError} (`model_not_allowed`, param `model`) when the key may not use
 * `model`. 403 rather than 404: the model exists and the gateway lists it, so "not found" would send
 * the key holder hunting for a typo; "not allowed" tells them to ask the admin. Neither status is
 * retried by the official SDKs. Call it after resolving aliases, with the id the allow-list uses.
 */
export function assertModelAllowed(allowedModels: readonly string[] | null, model: string): void {
  if (isModelAllowed(allowedModels, model)) return;
  throw new PermissionError({
    code: 'model_not_allowed',
    param: 'model',
    message: `This API key is not allowed to use the model '${model}'.`,
  });
}
