import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { operations, requestRules } from '../src/index';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

const directives = ['echo', 'text', 'words', 'chunks', 'think', 'reasoning', 'reasoning-redacted', 'tool',
  'delay', 'tps', 'exception', 'context', 'credits', 'metadata', 'noise', 'slice']; // prettier-ignore
const faults = ['expired-token', 'suspended', 'throttled', 'model-overloaded', 'quota-exhausted',
  'server-error', 'http-error', 'connection-reset', 'delay', 'cut-stream', 'stall', 'corrupt-crc', 'exception']; // prettier-ignore

describe('README', () => {
  it('documents every validation rule', () => {
    for (const rule of requestRules) expect(readme).toContain(`| \`${rule.id}\``);
  });

  it('documents every directive and fault', () => {
    for (const directive of directives) expect(readme).toContain(`sim: ${directive}`);
    for (const fault of faults) expect(readme).toContain(`type: '${fault}'`);
  });

  it('names the operations fault rules can target', () => {
    for (const operation of ['generateAssistantResponse', 'socialRefreshToken', 'oidcToken']) {
      expect(operations).toContain(operation);
      expect(readme).toContain(operation);
    }
  });
});
