import { defineConfig } from 'vitest/config';

/**
 * Two projects: everything under Node, and the unit tests again in the edge-runtime VM (Web globals
 * of an edge worker), which shows the package runs outside Node. The SDK judges in `test/` need
 * `node:http`. That no Node API is used at all is enforced by tsconfig.runtime.json and ESLint.
 */
export default defineConfig({
  test: {
    // Property tests and the SDK judges share two busy cores with the rest of the monorepo.
    testTimeout: 30_000,
    setupFiles: ['test/fast-check-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          benchmark: { include: ['bench/**/*.bench.ts'] },
        },
      },
      {
        extends: true,
        test: { name: 'edge', environment: 'edge-runtime', include: ['src/**/*.test.ts'] },
      },
    ],
  },
});
