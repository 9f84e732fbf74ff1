import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { main: 'src/cli/main.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  // Workspace libraries ship as TypeScript source: inline them into the server bundle. Their
  // third-party dependencies with native code stay external (they are this package's dependencies).
  noExternal: [/^@octoproxy\//],
  external: ['better-sqlite3', '@node-rs/argon2'],
  // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
