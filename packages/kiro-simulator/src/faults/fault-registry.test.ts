import { describe, expect, it } from 'vitest';

import { FaultRegistry } from './fault-registry';
import { SeededRandom } from './seeded-random';

const chat = { operation: 'generateAssistantResponse', accountId: 'a', phase: 'request' } as const;

describe('FaultRegistry', () => {
  it('matches in insertion order, one fault per request', () => {
    const registry = new FaultRegistry(new SeededRandom(1));
    registry.add({ fault: { type: 'suspended' } });
    registry.add({ fault: { type: 'quota-exhausted' } });
    expect(registry.take(chat)?.type).toBe('suspended');
    expect(registry.take(chat)?.type).toBe('quota-exhausted');
    expect(registry.take(chat)).toBeUndefined();
  });

  it('keeps request and stream faults apart', () => {
    const registry = new FaultRegistry(new SeededRandom(1));
    registry.add({ fault: { type: 'cut-stream' } });
    expect(registry.takeRequestFault('generateAssistantResponse', 'a')).toBeUndefined();
    expect(registry.takeStreamFault('a')?.type).toBe('cut-stream');
  });

  it('filters by account and by operation, with "any" for every API operation', () => {
    const registry = new FaultRegistry(new SeededRandom(1));
    registry.add({ fault: { type: 'suspended' }, accountId: 'b', times: 'always' });
    registry.add({ fault: { type: 'suspended' }, operation: 'any', times: 'always' });
    expect(registry.take({ ...chat, accountId: 'b' })).toBeDefined();
    expect(registry.take({ ...chat, operation: 'getUsageLimits' })).toBeDefined();
    expect(registry.take({ ...chat, operation: 'oidcToken' })).toBeUndefined();
  });

  it('fires with a seeded probability', () => {
    const draws = (seed: number) => {
      const registry = new FaultRegistry(new SeededRandom(seed));
      registry.add({ fault: { type: 'suspended' }, times: 'always', probability: 0.3 });
      return Array.from({ length: 200 }, () => registry.take(chat) !== undefined);
    };
    const fired = draws(9).filter(Boolean).length;
    expect(fired).toBeGreaterThan(30);
    expect(fired).toBeLessThan(90);
    expect(draws(9)).toEqual(draws(9));
    expect(draws(10)).not.toEqual(draws(9));
  });

  it('removes a rule through its handle and validates rules', () => {
    const registry = new FaultRegistry(new SeededRandom(1));
    const handle = registry.add({ fault: { type: 'suspended' }, times: 'always' });
    handle.remove();
    expect(registry.take(chat)).toBeUndefined();
    expect(() => registry.add({ fault: { type: 'suspended' }, probability: 2 })).toThrow();
    expect(() => registry.add({ fault: { type: 'suspended' }, times: 0 })).toThrow();
    expect(() => registry.add({ fault: { type: 'suspended' }, skip: -1 })).toThrow();
  });
});
