import { defineConfig } from 'vitest/config';

/** The end-to-end smoke test: real server, real build, Debian's Chromium. */
export default defineConfig({
  test: {
    name: 'web-e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
