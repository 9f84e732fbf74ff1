import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';

import { embeddedMigrations } from './embedded-migrations';
import * as schema from './schema';

const migrationsFolder = path.resolve(import.meta.dirname, '../../drizzle');

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

const journal = JSON.parse(
  readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
) as Journal;

describe('embedded migrations', () => {
  it('are an exact copy of the drizzle-kit folder (run `pnpm db:generate` after changing the schema)', () => {
    const fromFolder = journal.entries.map((entry) => {
      const sql = readFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), 'utf8');
      return {
        tag: entry.tag,
        createdAt: entry.when,
        hash: createHash('sha256').update(sql).digest('hex'),
        sql,
      };
    });
    expect(embeddedMigrations).toEqual(fromFolder);
  });

  it('are ordered, so every migration sorts after the one before it', () => {
    const times = embeddedMigrations.map((migration) => migration.createdAt);
    expect(times).toEqual([...times].sort((left, right) => left - right));
    expect(new Set(times).size).toBe(times.length);
  });

  it('cover the current schema: drizzle-kit finds nothing left to migrate', async () => {
    const last = journal.entries.at(-1);
    expect(last).toBeDefined();
    const snapshotFile = path.join(
      migrationsFolder,
      `meta/${String(last?.idx).padStart(4, '0')}_snapshot.json`,
    );
    const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as Awaited<
      ReturnType<typeof generateSQLiteDrizzleJson>
    >;
    const current = await generateSQLiteDrizzleJson(schema);
    expect(await generateSQLiteMigration(snapshot, current)).toEqual([]);
  });
});
