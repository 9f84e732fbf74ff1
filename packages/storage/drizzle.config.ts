import { defineConfig } from 'drizzle-kit';

// `pnpm db:generate` diffs this schema against the last snapshot in ./drizzle and writes a new
// migration, then embeds the folder into src/sqlite/embedded-migrations.ts.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/sqlite/schema/index.ts',
  out: './drizzle',
});
