/** One drizzle-kit migration, carried in the bundle instead of read from disk. */
export interface EmbeddedMigration {
  /** File name without `.sql`, e.g. `0000_initial`. */
  tag: string;
  /** The journal's `when` (epoch ms): the order key drizzle records as `created_at`. */
  createdAt: number;
  /** SHA-256 of the SQL file, as drizzle's migrator records it. */
  hash: string;
  /** The file's text; statements are separated by `--> statement-breakpoint`. */
  sql: string;
}
