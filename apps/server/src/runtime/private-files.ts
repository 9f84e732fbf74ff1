import { chmod, mkdir, open } from 'node:fs/promises';

/** The database's companions that SQLite creates next to it in WAL mode. */
const sqliteCompanions = ['-wal', '-shm'];

/** Creates the data folder readable by this user only (and tightens one made earlier). */
export async function ensurePrivateDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  await chmod(path, 0o700);
}

/**
 * Creates the database file with mode 0600 before SQLite opens it: SQLite gives its WAL and shared
 * memory files the database's mode, so they hold tokens readable by this user only too.
 */
export async function ensurePrivateDatabaseFile(path: string): Promise<void> {
  const handle = await open(path, 'a', 0o600);
  await handle.close();
  await chmod(path, 0o600);
}

/** Tightens the WAL files an earlier version left readable by others. */
export async function tightenDatabaseCompanions(path: string): Promise<void> {
  for (const suffix of sqliteCompanions) {
    await chmod(path + suffix, 0o600).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}
