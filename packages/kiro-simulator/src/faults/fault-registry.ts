import { apiOperations, type Operation } from '../log/operations';
import {
  isRequestFault,
  isStreamFault,
  isTransportFault,
  phaseOf,
  type DelayFault,
  type Fault,
  type FaultPhase,
  type FaultHandle,
  type FaultRule,
  type RequestFault,
  type StreamFault,
} from './fault-types';
import type { SeededRandom } from './seeded-random';

interface ActiveRule {
  id: string;
  rule: FaultRule;
  remaining: number;
  skip: number;
  fired: number;
}

export interface FaultQuery {
  operation: Operation;
  accountId: string | undefined;
  /** `request` faults replace the response, `delay` ones hold it, `stream` ones strike a stream. */
  phase: FaultPhase;
}

/** The armed faults, matched in the order they were added; the first one that fires wins. */
export class FaultRegistry {
  private rules: ActiveRule[] = [];
  private counter = 0;

  constructor(private readonly random: SeededRandom) {}

  add(rule: FaultRule): FaultHandle {
    assertValidRule(rule);
    this.counter += 1;
    const active: ActiveRule = {
      id: `fault-${this.counter}`,
      rule,
      remaining: rule.times === undefined ? 1 : rule.times === 'always' ? Infinity : rule.times,
      skip: rule.skip ?? 0,
      fired: 0,
    };
    this.rules.push(active);
    const remove = (): void => {
      this.rules = this.rules.filter((candidate) => candidate !== active);
    };
    return {
      id: active.id,
      get fired() {
        return active.fired;
      },
      get active() {
        return active.remaining > 0;
      },
      remove,
    };
  }

  take(query: FaultQuery): Fault | undefined {
    for (const active of this.rules) {
      if (!matches(active, query)) continue;
      if (active.skip > 0) {
        active.skip -= 1;
        continue;
      }
      const probability = active.rule.probability ?? 1;
      if (probability < 1 && this.random.next() >= probability) continue;
      active.remaining -= 1;
      active.fired += 1;
      if (active.remaining <= 0) this.rules = this.rules.filter((rule) => rule !== active);
      return active.rule.fault;
    }
    return undefined;
  }

  /** The request fault that fires for this request, if any. */
  takeRequestFault(operation: Operation, accountId: string | undefined): RequestFault | undefined {
    const fault = this.take({ operation, accountId, phase: 'request' });
    return fault !== undefined && isRequestFault(fault) ? fault : undefined;
  }

  /** The delay that holds this request before it is handled, if any. */
  takeDelay(operation: Operation, accountId: string | undefined): DelayFault | undefined {
    const fault = this.take({ operation, accountId, phase: 'delay' });
    return fault?.type === 'delay' ? fault : undefined;
  }

  /** The stream fault that fires for this chat stream, if any. */
  takeStreamFault(accountId: string | undefined): StreamFault | undefined {
    const fault = this.take({ operation: 'generateAssistantResponse', accountId, phase: 'stream' });
    return fault !== undefined && isStreamFault(fault) ? fault : undefined;
  }

  clear(): void {
    this.rules = [];
  }

  list(): { id: string; rule: FaultRule; fired: number }[] {
    return this.rules.map(({ id, rule, fired }) => ({ id, rule, fired }));
  }
}

function matches(active: ActiveRule, query: FaultQuery): boolean {
  const { rule } = active;
  if (active.remaining <= 0) return false;
  if (phaseOf(rule.fault) !== query.phase) return false;
  const operation = rule.operation ?? 'generateAssistantResponse';
  if (operation !== 'any' && operation !== query.operation) return false;
  if (operation === 'any' && !apiOperations.has(query.operation) && !isTransportFault(rule.fault)) {
    return false;
  }
  return rule.accountId === undefined || rule.accountId === query.accountId;
}

function assertValidRule(rule: FaultRule): void {
  const operation = rule.operation ?? 'generateAssistantResponse';
  if (isStreamFault(rule.fault) && operation !== 'generateAssistantResponse') {
    throw new Error(`Fault ${rule.fault.type} only strikes generateAssistantResponse streams`);
  }
  if (operation !== 'any' && !apiOperations.has(operation) && !isTransportFault(rule.fault)) {
    throw new Error(`Fault ${rule.fault.type} does not apply to ${operation}`);
  }
  const { probability, times, skip } = rule;
  if (probability !== undefined && !(probability >= 0 && probability <= 1)) {
    throw new Error('probability must be within [0, 1]');
  }
  if (typeof times === 'number' && !(times >= 1)) throw new Error('times must be at least 1');
  if (skip !== undefined && !(Number.isInteger(skip) && skip >= 0)) {
    throw new Error('skip must be a non-negative integer');
  }
}
