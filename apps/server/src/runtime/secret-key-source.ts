import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import {
  assertKeyCheck,
  createKeyCheck,
  createSecretBox,
  generateSecretKey,
  parseSecretKeyring,
  type SecretBox,
} from '@octoproxy/auth';
import type { Storage } from '@octoproxy/storage';

export const secretKeyFileName = 'secret.key';
const keyCheckSetting = 'secretBox.keyCheck';

/**
 * The key that encrypts upstream tokens: `OCTOPROXY_SECRET_KEY` when set, else the key file in the
 * data folder, created (mode 0600) on first start. Returns where it came from for the start log.
 */
export async function loadSecretKey(options: {
  dataDir: string;
  envKey: string | undefined;
}): Promise<{ text: string; source: 'env' | 'file' | 'new-file'; path: string }> {
  const path = join(options.dataDir, secretKeyFileName);
  if (options.envKey !== undefined) return { text: options.envKey, source: 'env', path };
  try {
    return { text: await readFile(path, 'utf8'), source: 'file', path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const text = `# OctoProxy secret key: encrypts upstream tokens. Back it up; without it they are lost.\n${generateSecretKey()}\n`;
  await writeFile(path, text, { mode: 0o600, flag: 'wx' });
  await chmod(path, 0o600);
  return { text, source: 'new-file', path };
}

/**
 * Opens the secret box and checks it against the key check stored on first start, so a wrong or
 * lost key fails at start with a clear message instead of on the first account that needs a token.
 */
export async function openSecretBox(options: {
  storage: Storage;
  keyText: string;
}): Promise<SecretBox> {
  const box = createSecretBox(parseSecretKeyring(options.keyText));
  const stored = await options.storage.settings.get(keyCheckSetting);
  if (typeof stored === 'string') assertKeyCheck(box, stored);
  else await options.storage.settings.set(keyCheckSetting, createKeyCheck(box));
  return box;
}
