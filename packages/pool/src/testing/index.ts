export { ManualClock, flushMicrotasks } from './manual-clock';
export { MemoryPoolStore } from './memory-pool-store';
