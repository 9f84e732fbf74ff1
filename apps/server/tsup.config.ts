import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  // Workspace libraries ship as TypeScript source: inline them into the server bundle.
  noExternal: [/^@octoproxy\//],
});
