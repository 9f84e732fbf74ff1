import type { StrategyName } from '../settings/pool-settings';
import { createLeastUsageStrategy } from './least-usage-strategy';
import { createLruStrategy } from './lru-strategy';
import { createMostUsageStrategy } from './most-usage-strategy';
import { createOldestFirstStrategy } from './oldest-first-strategy';
import { createRoundRobinStrategy } from './round-robin-strategy';
import type { SelectionStrategy } from './selection-strategy';
import { createWeightedStrategy } from './weighted-strategy';

export function createStrategy(name: StrategyName): SelectionStrategy {
  switch (name) {
    case 'lru':
      return createLruStrategy();
    case 'round_robin':
      return createRoundRobinStrategy();
    case 'least_usage':
      return createLeastUsageStrategy();
    case 'most_usage':
      return createMostUsageStrategy();
    case 'oldest_first':
      return createOldestFirstStrategy();
    case 'weighted':
      return createWeightedStrategy();
  }
}
