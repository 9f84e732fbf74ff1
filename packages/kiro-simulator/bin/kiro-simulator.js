#!/usr/bin/env node
// Runs the built CLI (`pnpm --filter @octoproxy/kiro-simulator build` first); `pnpm start` runs the source.
import '../dist/bin/kiro-simulator.js';
