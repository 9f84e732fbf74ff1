import type { Plan } from '../accounts/plans';

/** A model the simulated upstream serves; the list answers `ListAvailableModels` and checks `modelId`. */
export interface SimulatedModel {
  modelId: string;
  modelName: string;
  description: string;
  /** Credits multiplier reported as `rateMultiplier` and applied to metering. */
  rateMultiplier: number;
  maxInputTokens: number;
  maxOutputTokens: number;
  supportedInputTypes: readonly ('TEXT' | 'IMAGE')[];
  /** Plans entitled to the model. */
  plans: readonly Plan[];
}

const allPlans: readonly Plan[] = ['FREE', 'PRO', 'PRO_PLUS', 'POWER'];
const paidPlans: readonly Plan[] = ['PRO', 'PRO_PLUS', 'POWER'];

function claude(options: {
  modelId: string;
  modelName: string;
  rateMultiplier: number;
  maxInputTokens?: number;
  maxOutputTokens?: number;
  plans?: readonly Plan[];
}): SimulatedModel {
  return {
    description: `${options.modelName} (simulated)`,
    maxInputTokens: 200_000,
    maxOutputTokens: 64_000,
    supportedInputTypes: ['TEXT', 'IMAGE'],
    plans: allPlans,
    ...options,
  };
}

/**
 * Current lowercase dotted ids (kiro-protocol.md §4). The 1M windows of the 4.6 models follow KRS; opus is
 * paid-only as OCTO and CPA observe. Legacy `CLAUDE_*_V1_0` ids are deliberately absent, so they are rejected.
 */
export const defaultModels: readonly SimulatedModel[] = [
  claude({ modelId: 'auto', modelName: 'Auto', rateMultiplier: 1 }),
  claude({ modelId: 'claude-sonnet-4.5', modelName: 'Claude Sonnet 4.5', rateMultiplier: 1.3 }),
  claude({ modelId: 'claude-sonnet-4', modelName: 'Claude Sonnet 4', rateMultiplier: 1.3 }),
  claude({
    modelId: 'claude-sonnet-4.6',
    modelName: 'Claude Sonnet 4.6',
    rateMultiplier: 1.3,
    maxInputTokens: 1_000_000,
  }),
  claude({ modelId: 'claude-haiku-4.5', modelName: 'Claude Haiku 4.5', rateMultiplier: 0.4 }),
  claude({
    modelId: 'claude-opus-4.5',
    modelName: 'Claude Opus 4.5',
    rateMultiplier: 2.2,
    maxOutputTokens: 32_000,
    plans: paidPlans,
  }),
  claude({
    modelId: 'claude-opus-4.6',
    modelName: 'Claude Opus 4.6',
    rateMultiplier: 2.2,
    maxInputTokens: 1_000_000,
    maxOutputTokens: 32_000,
    plans: paidPlans,
  }),
];

/** The model used when a request names none (the upstream's `defaultModel`). */
export const defaultModelId = 'auto';

export class ModelCatalog {
  private readonly byId: ReadonlyMap<string, SimulatedModel>;

  constructor(readonly models: readonly SimulatedModel[]) {
    this.byId = new Map(models.map((model) => [model.modelId, model]));
  }

  find(modelId: string): SimulatedModel | undefined {
    return this.byId.get(modelId);
  }

  forPlan(plan: Plan): SimulatedModel[] {
    return this.models.filter((model) => model.plans.includes(plan));
  }
}
