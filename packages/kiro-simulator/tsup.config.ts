import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'bin/kiro-simulator': 'src/bin/kiro-simulator.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'es2023',
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
});
