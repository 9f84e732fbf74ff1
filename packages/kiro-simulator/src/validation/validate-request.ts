import { z } from 'zod';

import { improperlyFormed, inputTooLong, invalidModel, type AwsError } from '../http/aws-errors';
import { imageDataOf } from './image-data';
import { requestRules, type RuleContext } from './request-rules';
import { requestBodySchema, type KiroRequestBody } from './request-schema';

export interface ValidationInput {
  bodyText: string;
  bodyBytes: number;
  /** Bodies larger than this without their image data answer "Input is too long." */
  maxBodyBytes: number;
  context: RuleContext;
}

export type ValidationResult =
  | {
      ok: true;
      body: KiroRequestBody;
      /** The body's size without image data (`images[].source.bytes`). */
      textBytes: number;
      images: number;
    }
  | { ok: false; error: AwsError; detail: string };

/** The path of the first `null` in `value`, if any. */
export function nullPath(value: unknown, path = '$'): string | undefined {
  if (value === null) return path;
  if (typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = nullPath(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

function reject(error: AwsError, detail: string): ValidationResult {
  return { ok: false, error, detail };
}

/**
 * Checks a `generateAssistantResponse` body the way the upstream does: JSON, size without image
 * data, no nulls, the skeleton, then each rule of `requestRules` in order.
 */
export function validateRequest(input: ValidationInput): ValidationResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.bodyText) as unknown;
  } catch (error) {
    return reject(improperlyFormed('json'), `body is not JSON: ${String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return reject(improperlyFormed('json'), 'body is not a JSON object');
  }
  const imageData = imageDataOf(parsed as Record<string, unknown>);
  const textBytes = input.bodyBytes - imageData.bytes;
  if (textBytes > input.maxBodyBytes) {
    return reject(
      inputTooLong('body-size'),
      `body has ${textBytes} bytes without image data (> ${input.maxBodyBytes})`,
    );
  }
  const nullAt = nullPath(parsed);
  if (nullAt !== undefined) {
    const reason = nullAt.includes('.tools[') ? 'TOOL_SCHEMA_INVALID' : null;
    return reject(improperlyFormed('no-null-values', reason), `null at ${nullAt}`);
  }
  const shaped = requestBodySchema.safeParse(parsed);
  if (!shaped.success) return reject(improperlyFormed('shape'), z.prettifyError(shaped.error));
  for (const rule of requestRules) {
    const detail = rule.violation(shaped.data, input.context);
    if (detail === undefined) continue;
    const error =
      rule.kind === 'model' ? invalidModel(rule.id) : improperlyFormed(rule.id, rule.reason);
    return reject(error, detail);
  }
  return { ok: true, body: shaped.data, textBytes, images: imageData.images };
}
