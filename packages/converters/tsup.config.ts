import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    anthropic: 'src/anthropic/index.ts',
    openai: 'src/openai/index.ts',
    responses: 'src/responses/index.ts',
    sse: 'src/sse/index.ts',
    errors: 'src/errors/index.ts',
  },
  format: ['esm'],
  platform: 'neutral',
  target: 'es2023',
  dts: true,
  sourcemap: true,
  clean: true,
});
