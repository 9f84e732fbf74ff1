// Packs every public package, installs the tarballs in a folder outside the workspace with npm,
// and imports each public entry point with plain Node: proof that what we publish works on its own.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] }).toString();

const publicPackages = readdirSync(path.join(root, 'packages'))
  .map((name) => path.join(root, 'packages', name))
  .filter((dir) => existsSync(path.join(dir, 'package.json')))
  .map((dir) => ({
    dir,
    manifest: JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')),
  }))
  .filter(({ manifest }) => manifest.private !== true);

const consumer = mkdtempSync(path.join(tmpdir(), 'octoproxy-pack-smoke-'));
try {
  const tarballs = publicPackages.map(({ dir }) => {
    const output = run('pnpm', ['pack', '--pack-destination', consumer], dir).trim().split('\n');
    return output[output.length - 1];
  });
  writeFileSync(
    path.join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], consumer);

  for (const { manifest } of publicPackages) {
    for (const [subpath, target] of Object.entries(
      manifest.publishConfig?.exports ?? manifest.exports,
    )) {
      const specifier = path.posix.join(manifest.name, subpath);
      const installed = path.join(consumer, 'node_modules', manifest.name);
      if (!existsSync(path.join(installed, target.types)))
        throw new Error(`${specifier}: missing ${target.types}`);
      const script = `const m = await import(${JSON.stringify(specifier)}); if (Object.keys(m).length === 0) throw new Error('empty module'); console.log(${JSON.stringify(specifier)}, Object.keys(m).length, 'exports');`;
      process.stdout.write(run('node', ['--input-type=module', '-e', script], consumer));
    }
  }
} finally {
  rmSync(consumer, { recursive: true, force: true });
}
