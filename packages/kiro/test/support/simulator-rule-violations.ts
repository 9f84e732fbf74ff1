import { requestRules, type RequestRule } from '@octoproxy/kiro-simulator';

/** Every §2.8–2.9 shape rule the Kiro simulator enforces that `body` breaks (model ids aside). */
export function simulatorRuleViolations(body: unknown): string[] {
  const context = {} as Parameters<RequestRule['violation']>[1];
  return requestRules
    .filter((rule) => rule.kind !== 'model')
    .flatMap((rule) => {
      const violation = rule.violation(body as never, context);
      return violation === undefined ? [] : [`${rule.id}: ${violation}`];
    });
}
