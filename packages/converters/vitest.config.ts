import { defineConfig } from 'vitest/config';

/**
 * Two projects: everything under Node, and the unit tests again under the edge runtime (no Node
 * globals), which proves the package runs outside Node. The SDK judges in `test/` need `node:http`.
 */
export default defineConfig({
  test: {
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
