import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { assertBuilt, webDist } from './start-gateway';

/** Class names only the chart library renders: a chunk holding them holds recharts. */
const chartMarker = 'recharts-wrapper';

/** The chunks a module imports statically (`import "./x.js"`, `from "./x.js"`), not `import()`. */
function staticImports(code: string): string[] {
  const found = code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.js)["']/g);
  return [...found].map((match) => match[1]!);
}

/** Every chunk the login page downloads before any route loads: the entry's static import graph. */
async function loginPageChunks(): Promise<Map<string, string>> {
  const html = await readFile(path.join(webDist, 'index.html'), 'utf8');
  const listed = [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.js)"/g)].map((m) => m[1]!);
  const chunks = new Map<string, string>();
  const queue = [...listed];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (chunks.has(name)) continue;
    const code = await readFile(path.join(webDist, 'assets', name), 'utf8');
    chunks.set(name, code);
    queue.push(...staticImports(code));
  }
  return chunks;
}

describe('the built admin SPA', () => {
  it('does not make the login page download the chart library', async () => {
    assertBuilt();
    const chunks = await loginPageChunks();
    expect(chunks.size).toBeGreaterThan(0);
    const withCharts = [...chunks].filter(([, code]) => code.includes(chartMarker));
    expect(withCharts.map(([name]) => name)).toEqual([]);
    // The charts are in the build, behind the dashboard's lazy route.
    const all = await readdir(path.join(webDist, 'assets'));
    const contents = await Promise.all(
      all
        .filter((name) => name.endsWith('.js'))
        .map((name) => readFile(path.join(webDist, 'assets', name), 'utf8')),
    );
    expect(contents.some((code) => code.includes(chartMarker))).toBe(true);
  });

  it('ships no source maps', async () => {
    assertBuilt();
    const all = await readdir(path.join(webDist, 'assets'));
    expect(all.filter((name) => name.endsWith('.map'))).toEqual([]);
  });
});
