#!/usr/bin/env node
import { buildCli } from './build-cli';

buildCli()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`octoproxy: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
