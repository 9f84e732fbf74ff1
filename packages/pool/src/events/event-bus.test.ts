import { describe, expect, it } from 'vitest';

import { EventBus } from './event-bus';

describe('EventBus', () => {
  it('isolates a throwing listener and supports unsubscribe', () => {
    const errors: unknown[] = [];
    const bus = new EventBus((error) => errors.push(error));
    const seen: string[] = [];
    bus.subscribe(() => {
      throw new Error('listener bug');
    });
    const unsubscribe = bus.subscribe((event) => seen.push(event.type));
    bus.emit({ type: 'accounts_loaded', at: 0, count: 1 });
    unsubscribe();
    bus.emit({ type: 'accounts_loaded', at: 0, count: 2 });
    expect(seen).toEqual(['accounts_loaded']);
    expect(errors).toHaveLength(2);
  });
});
