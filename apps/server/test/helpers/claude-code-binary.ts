import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { z } from 'zod';

/** Where the native `claude` binary of the `@anthropic-ai/claude-code` dev dependency is, if anywhere. */
export type ClaudeCodeBinary =
  { kind: 'available'; path: string; version: string } | { kind: 'unsupported'; reason: string };

const wrapperManifestSchema = z.object({
  version: z.string(),
  optionalDependencies: z.record(z.string(), z.string()).default({}),
});

const reportSchema = z.object({
  header: z.object({ glibcVersionRuntime: z.string().optional() }).optional(),
});

/** The platform suffix of the package names, as the wrapper's own installer computes it. */
function platformKey(): string {
  if (process.platform !== 'linux') return `${process.platform}-${process.arch}`;
  const report = reportSchema.safeParse(process.report.getReport());
  const musl = report.success && report.data.header?.glibcVersionRuntime === undefined;
  return `linux-${process.arch}${musl ? '-musl' : ''}`;
}

/**
 * The wrapper package ships a placeholder `bin/claude.exe` that its postinstall replaces with the
 * native binary of the platform package; pnpm does not run that postinstall, so the binary is taken
 * from the platform package directly. `unsupported` only when the package publishes no binary for
 * this platform; a supported platform whose package is missing throws, so a broken install fails.
 */
export function claudeCodeBinary(): ClaudeCodeBinary {
  const wrapperManifest = createRequire(import.meta.url).resolve(
    '@anthropic-ai/claude-code/package.json',
  );
  const wrapper = wrapperManifestSchema.parse(JSON.parse(readFileSync(wrapperManifest, 'utf8')));
  const platformPackage = `@anthropic-ai/claude-code-${platformKey()}`;
  if (!(platformPackage in wrapper.optionalDependencies)) {
    return {
      kind: 'unsupported',
      reason: `no ${platformPackage} for Claude Code ${wrapper.version}`,
    };
  }
  const nativeManifest = createRequire(wrapperManifest).resolve(`${platformPackage}/package.json`);
  const binary = process.platform === 'win32' ? 'claude.exe' : 'claude';
  return {
    kind: 'available',
    path: join(dirname(nativeManifest), binary),
    version: wrapper.version,
  };
}
