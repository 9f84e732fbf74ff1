import type { z } from 'zod';

import { retiredKeys, serverConfigPatchSchema, type ServerConfigPatch } from './config-schema';

/** A configuration value is wrong; the message names the key and where it came from. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(source: string, issues: readonly ConfigIssue[]) {
    const details = issues.map((issue) => `"${issue.key}": ${issue.message}`).join('; ');
    super(`Invalid configuration in ${source}: ${details}`);
    this.issues = issues;
  }
}

export interface ConfigIssue {
  key: string;
  message: string;
}

export interface ParsedConfigPatch {
  patch: ServerConfigPatch;
  /** Keys nobody reads (typos, or keys of the original config that have no meaning any more). */
  ignoredKeys: string[];
}

function describe(issue: z.core.$ZodIssue): ConfigIssue {
  const key = issue.path.map(String).join('.') || '(root)';
  return { key, message: issue.message };
}

/**
 * Validates one layer of configuration. `unknownKeys: 'ignore'` suits files written for older versions;
 * `'reject'` suits the admin API, where a typo must not be silently dropped.
 */
export function parseConfigPatch(
  raw: unknown,
  options: { source: string; unknownKeys: 'ignore' | 'reject' },
): ParsedConfigPatch {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(options.source, [{ key: '(root)', message: 'expected a JSON object' }]);
  }
  const known = new Set(Object.keys(serverConfigPatchSchema.shape));
  const ignoredKeys = Object.keys(raw).filter((key) => !known.has(key));
  const unknown = ignoredKeys.filter((key) => !retiredKeys.has(key));
  const issues: ConfigIssue[] = [];
  if (options.unknownKeys === 'reject') {
    for (const key of unknown) issues.push({ key, message: 'unknown setting' });
  }
  const parsed = serverConfigPatchSchema.safeParse(raw);
  if (!parsed.success) issues.push(...parsed.error.issues.map(describe));
  if (issues.length > 0) throw new ConfigError(options.source, issues);
  return { patch: parsed.data ?? {}, ignoredKeys };
}
