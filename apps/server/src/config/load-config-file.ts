import { readFile } from 'node:fs/promises';

import { ConfigError, parseConfigPatch, type ParsedConfigPatch } from './parse-config-patch';

/** Reads the config file; a missing file is an empty layer (every key at its default). */
export async function loadConfigFile(
  path: string,
): Promise<ParsedConfigPatch & { found: boolean }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { patch: {}, ignoredKeys: [], found: false };
    }
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, [
      { key: '(file)', message: `not valid JSON (${(error as Error).message})` },
    ]);
  }
  return { ...parseConfigPatch(raw, { source: path, unknownKeys: 'ignore' }), found: true };
}
