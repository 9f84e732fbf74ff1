import { z } from '@hono/zod-openapi';

import { providerInputSchema } from './provider-schemas';

/**
 * What `POST /api/providers` accepts as `credentials`: Kiro's token file (object or its JSON text),
 * an external-IdP (Entra ID) token file, or a Kiro API key (`"ksk_…"` or `{ apiKey }`).
 */
export const addCredentialsSchema = z
  .preprocess(
    (value) => {
      if (typeof value !== 'string') return value;
      const text = value.trim();
      if (text.startsWith('ksk_')) return { apiKey: text };
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return value;
      }
    },
    z.looseObject({
      apiKey: z.string().min(1).optional(),
      accessToken: z.string().min(1).optional(),
      refreshToken: z.string().min(1).optional(),
      expiresAt: z.union([z.string(), z.number()]).optional(),
      authMethod: z.string().optional(),
      provider: z.string().optional(),
      profileArn: z.string().optional(),
      region: z.string().optional(),
      startUrl: z.string().optional(),
      clientId: z.string().optional(),
      clientSecret: z.string().optional(),
      tokenEndpoint: z.string().optional(),
      scopes: z.union([z.string(), z.array(z.string())]).optional(),
    }),
  )
  .openapi('AddCredentials');

export const addProviderInputSchema = providerInputSchema
  .omit({ credentials: true })
  .extend({
    credentials: addCredentialsSchema,
    onDuplicate: z.enum(['report', 'update', 'create']).optional().openapi({
      description:
        'When the account is already in the pool (same refresh token or key, or same e-mail and sign-in method): answer 400 `duplicate` (default), update its credentials, or add it anyway.',
    }),
  })
  .openapi('AddProvider');
