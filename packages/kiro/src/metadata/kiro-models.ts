import { z } from 'zod';

const modelSchema = z.looseObject({
  modelId: z.string(),
  modelName: z.string().nullish(),
  description: z.string().nullish(),
  rateMultiplier: z.number().nullish(),
  rateUnit: z.string().nullish(),
  tokenLimits: z
    .looseObject({ maxInputTokens: z.number().nullish(), maxOutputTokens: z.number().nullish() })
    .nullish(),
  supportedInputTypes: z.array(z.string()).nullish(),
});

/** One page of `ListAvailableModels`. */
export const modelsPageSchema = z.looseObject({
  models: z.array(modelSchema).nullish(),
  defaultModel: z.looseObject({ modelId: z.string().nullish() }).nullish(),
  nextToken: z.string().nullish(),
});

/** A model this account may use. */
export interface KiroModel {
  modelId: string;
  name: string | undefined;
  description: string | undefined;
  /** Credits per request relative to the base rate. */
  rateMultiplier: number | undefined;
  maxInputTokens: number | undefined;
  maxOutputTokens: number | undefined;
  supportsImages: boolean;
}

export interface KiroModelList {
  models: KiroModel[];
  defaultModelId: string | undefined;
}

export function toKiroModel(model: z.infer<typeof modelSchema>): KiroModel {
  return {
    modelId: model.modelId,
    name: model.modelName ?? undefined,
    description: model.description ?? undefined,
    rateMultiplier: model.rateMultiplier ?? undefined,
    maxInputTokens: model.tokenLimits?.maxInputTokens ?? undefined,
    maxOutputTokens: model.tokenLimits?.maxOutputTokens ?? undefined,
    supportsImages: (model.supportedInputTypes ?? []).includes('IMAGE'),
  };
}

const profileSchema = z.looseObject({
  arn: z.string(),
  profileName: z.string().nullish(),
  region: z.string().nullish(),
});

/** One page of `ListAvailableProfiles`. */
export const profilesPageSchema = z.looseObject({
  profiles: z.array(profileSchema).nullish(),
  nextToken: z.string().nullish(),
});

export interface KiroProfile {
  arn: string;
  name: string | undefined;
  region: string | undefined;
}
