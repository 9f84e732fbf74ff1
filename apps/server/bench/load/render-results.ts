/** Prints the markdown tables of a saved run: `node --import tsx bench/load/render-results.ts <file.json>`. */
import { readFile } from 'node:fs/promises';

import type { BenchResults } from './bench-results';
import { renderMarkdown } from './report/render-markdown';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: render-results <results.json>');
const results = JSON.parse(await readFile(file, 'utf8')) as BenchResults;
process.stdout.write(`${renderMarkdown(results)}\n`);
