import { z } from 'zod';

/** One pot of credits as stored in `Account.usageDetail` (dates in epoch ms). */
export const storedCreditPoolSchema = z.object({
  kind: z.enum(['base', 'free-trial', 'bonus', 'overage']),
  name: z.string(),
  used: z.number(),
  limit: z.number(),
  resetsAt: z.number().nullable(),
  expiresAt: z.number().nullable(),
  status: z.string(),
});

/** What the last usage sync said beyond the totals: Kiro's plan tier and every credit pool. */
export const storedUsageDetailSchema = z.object({
  planTier: z.string().nullable(),
  pools: z.array(storedCreditPoolSchema),
});

export type StoredUsageDetail = z.infer<typeof storedUsageDetailSchema>;

/** Reads `Account.usageDetail` leniently: anything else (older shapes, null) is no detail. */
export function parseStoredUsageDetail(value: unknown): StoredUsageDetail | null {
  const parsed = storedUsageDetailSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
