/**
 * A statement built and prepared on first use, then reused: building a drizzle query and having
 * SQLite compile it costs several times more than running it, and the hot lookups (API key, its
 * owner, the account and its credentials, the admin session) run on every request. Prepared
 * lazily because the tables exist only once migrations have run; a build that fails (no table
 * yet) is tried again on the next call.
 */
export function preparedOnce<Statement>(build: () => Statement): () => Statement {
  let statement: Statement | undefined;
  return () => (statement ??= build());
}
