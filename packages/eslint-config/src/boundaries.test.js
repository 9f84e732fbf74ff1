import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import { layerBoundaryConfigs } from './layers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const eslint = new ESLint({
  cwd: repoRoot,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
    ...layerBoundaryConfigs(),
  ],
});

async function violations(relativePath, code) {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, relativePath) });
  return result.messages.map((message) => message.ruleId);
}

describe('layer boundaries', () => {
  it('keeps converters free of Node, of our packages and of server libraries', async () => {
    const file = 'packages/converters/src/sample.ts';
    expect(await violations(file, "import { readFileSync } from 'node:fs';")).toEqual([
      'no-restricted-imports',
    ]);
    expect(await violations(file, "import { join } from 'path';")).toEqual([
      'no-restricted-imports',
    ]);
    expect(await violations(file, "import { Hono } from 'hono';")).toEqual([
      'no-restricted-imports',
    ]);
    expect(await violations(file, "import { x } from '@octoproxy/kiro';")).toEqual([
      'no-restricted-imports',
    ]);
    expect(await violations(file, 'export const b = Buffer.from("x");')).toEqual([
      'no-restricted-globals',
    ]);
    expect(await violations(file, 'export const e = process.env.HOME;')).toEqual([
      'no-restricted-globals',
    ]);
    expect(await violations(file, "import { z } from 'zod';")).toEqual([]);
  });

  it('lets each library import only the layers below it', async () => {
    expect(
      await violations('packages/pool/src/a.ts', "import { x } from '@octoproxy/storage';"),
    ).toEqual(['no-restricted-imports']);
    expect(
      await violations('packages/pool/src/a.ts', "import { x } from '@octoproxy/kiro';"),
    ).toEqual(['no-restricted-imports']);
    expect(
      await violations('packages/pool/src/a.ts', "import { x } from '@octoproxy/converters';"),
    ).toEqual([]);
    expect(
      await violations(
        'packages/kiro/src/a.ts',
        "import { x } from '@octoproxy/converters/anthropic';",
      ),
    ).toEqual([]);
    expect(
      await violations('packages/kiro/src/a.ts', "import { x } from '@octoproxy/pool';"),
    ).toEqual(['no-restricted-imports']);
    expect(
      await violations('packages/storage/src/a.ts', "import { x } from '@octoproxy/auth';"),
    ).toEqual(['no-restricted-imports']);
    expect(
      await violations('packages/kiro-simulator/src/a.ts', "import { x } from '@octoproxy/kiro';"),
    ).toEqual(['no-restricted-imports']);
    expect(
      await violations(
        'packages/kiro/src/a.ts',
        "import { x } from '@octoproxy/converters/src/index';",
      ),
    ).toEqual(['no-restricted-imports']);
  });

  it('keeps env and files out of libraries but not out of apps or tests', async () => {
    expect(
      await violations('packages/kiro/src/a.ts', 'export const u = process.env.KIRO_URL;'),
    ).toEqual(['no-restricted-properties']);
    expect(
      await violations('packages/storage/src/a.ts', "import { readFileSync } from 'node:fs';"),
    ).toEqual(['no-restricted-imports']);
    expect(await violations('packages/auth/src/a.ts', "import fs from 'fs/promises';")).toEqual([
      'no-restricted-imports',
    ]);
    expect(
      await violations('packages/kiro/src/a.test.ts', 'export const u = process.env.KIRO_URL;'),
    ).toEqual([]);
    expect(
      await violations('packages/kiro-simulator/src/bin/cli.ts', 'export const a = process.argv;'),
    ).toEqual([]);
    expect(
      await violations('apps/server/src/env.ts', 'export const p = process.env.PORT;'),
    ).toEqual([]);
  });

  it('keeps Node out of the admin SPA', async () => {
    expect(await violations('apps/web/src/a.tsx', "import fs from 'node:fs';")).toEqual([
      'no-restricted-imports',
    ]);
    expect(
      await violations('apps/web/src/a.tsx', "import { x } from '@octoproxy/storage';"),
    ).toEqual(['no-restricted-imports']);
  });
});
