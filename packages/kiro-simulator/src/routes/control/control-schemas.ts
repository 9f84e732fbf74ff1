import { z } from 'zod';

import { apiRegions } from '../../accounts/account-types';
import { plans } from '../../accounts/plans';
import { operations } from '../../log/operations';

const plan = z.enum(plans);

const accountDefaults = z.strictObject({
  plan: plan.optional(),
  region: z.enum(apiRegions).optional(),
  ssoRegion: z.string().optional(),
  provider: z.enum(['Google', 'Github']).optional(),
  startUrl: z.string().optional(),
  tenant: z.string().optional(),
  email: z.string().optional(),
  usageLimit: z.number().nonnegative().optional(),
  currentUsage: z.number().nonnegative().optional(),
  freeTrial: z
    .union([
      z.literal(false),
      z.strictObject({
        usageLimit: z.number().nonnegative(),
        currentUsage: z.number().nonnegative().optional(),
        expiresAt: z.number().optional(),
      }),
    ])
    .optional(),
  bonuses: z
    .array(
      z.strictObject({
        bonusCode: z.string(),
        displayName: z.string().optional(),
        usageLimit: z.number().nonnegative(),
        currentUsage: z.number().nonnegative().optional(),
        expiresAt: z.number().optional(),
      }),
    )
    .optional(),
  accessTokenLifetimeSeconds: z.number().positive().optional(),
  rotateRefreshToken: z.boolean().optional(),
  omitRefreshTokenOnRefresh: z.boolean().optional(),
});

export const addAccountBody = accountDefaults.extend({
  authMethod: z.enum(['social', 'builder-id', 'idc', 'api-key', 'external-idp']),
});

export const accountPatchBody = z.strictObject({
  plan: plan.optional(),
  suspended: z.boolean().optional(),
  usageLimit: z.number().nonnegative().optional(),
  currentUsage: z.number().nonnegative().optional(),
  rotateRefreshToken: z.boolean().optional(),
  omitRefreshTokenOnRefresh: z.boolean().optional(),
  accessTokenLifetimeSeconds: z.number().positive().optional(),
});

const afterFrames = z.number().int().nonnegative().optional();

const fault = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('expired-token'),
    status: z.union([z.literal(401), z.literal(403)]).optional(),
  }),
  z.strictObject({ type: z.literal('suspended') }),
  z.strictObject({
    type: z.literal('throttled'),
    retryAfterSeconds: z.number().nonnegative().optional(),
    suspicious: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('model-overloaded') }),
  z.strictObject({ type: z.literal('quota-exhausted') }),
  z.strictObject({
    type: z.literal('server-error'),
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).optional(),
    highLoad: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('http-error'),
    status: z.number().int().min(100).max(599),
    body: z.unknown(),
    headers: z.record(z.string(), z.string()).optional(),
  }),
  z.strictObject({ type: z.literal('connection-reset') }),
  z.strictObject({ type: z.literal('delay'), durationMs: z.number().nonnegative() }),
  z.strictObject({ type: z.literal('cut-stream'), afterFrames }),
  z.strictObject({ type: z.literal('stall'), afterFrames, durationMs: z.number().nonnegative() }),
  z.strictObject({
    type: z.literal('corrupt-crc'),
    afterFrames,
    target: z.enum(['prelude', 'message']).optional(),
  }),
  z.strictObject({
    type: z.literal('exception'),
    exceptionType: z.string().min(1),
    afterFrames,
    message: z.string().optional(),
  }),
]);

export const faultRuleBody = z.strictObject({
  fault,
  accountId: z.string().optional(),
  operation: z.enum([...operations, 'any']).optional(),
  times: z.union([z.number().int().positive(), z.literal('always')]).optional(),
  skip: z.number().int().nonnegative().optional(),
  probability: z.number().min(0).max(1).optional(),
});

export const deviceDecisionBody = z.strictObject({
  userCode: z.string().optional(),
  account: accountDefaults.optional(),
});
