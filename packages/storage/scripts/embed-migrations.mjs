// Copies the drizzle-kit migration folder (./drizzle) into src/sqlite/embedded-migrations.ts, so
// the library applies migrations without reading files at run time.
// Usage: node scripts/embed-migrations.mjs [--check]   (--check fails if the copy is stale)
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

import * as prettier from 'prettier';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const migrationsFolder = path.join(packageRoot, 'drizzle');
const target = path.join(packageRoot, 'src/sqlite/embedded-migrations.ts');

export async function renderEmbeddedMigrations() {
  const journal = JSON.parse(
    await readFile(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
  );
  const migrations = [];
  for (const entry of journal.entries) {
    const sql = await readFile(path.join(migrationsFolder, `${entry.tag}.sql`), 'utf8');
    migrations.push({
      tag: entry.tag,
      createdAt: entry.when,
      // The same digest drizzle's own migrator records, so both agree on what was applied.
      hash: createHash('sha256').update(sql).digest('hex'),
      sql,
    });
  }
  const source = [
    '// Written by scripts/embed-migrations.mjs from ./drizzle; run `pnpm db:generate`, do not edit.',
    "import type { EmbeddedMigration } from './embedded-migration';",
    '',
    `export const embeddedMigrations: readonly EmbeddedMigration[] = ${JSON.stringify(migrations, null, 2)};`,
    '',
  ].join('\n');
  const options = await prettier.resolveConfig(target);
  return prettier.format(source, { ...options, filepath: target });
}

const rendered = await renderEmbeddedMigrations();
if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== rendered) {
    process.stderr.write(`${path.relative(packageRoot, target)} is stale: run pnpm db:generate\n`);
    process.exit(1);
  }
} else {
  await writeFile(target, rendered);
  process.stdout.write(`wrote ${path.relative(packageRoot, target)}\n`);
}
