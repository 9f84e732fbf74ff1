import { z } from '@hono/zod-openapi';

const name = z.string().trim().min(1).max(128).optional();
const callbackMode = z.enum(['loopback', 'paste']);

export const startSignInSchema = z
  .discriminatedUnion('method', [
    z.object({
      method: z.literal('social'),
      provider: z.enum(['Google', 'Github']),
      name,
      callbackMode: callbackMode.optional(),
    }),
    z.object({ method: z.literal('builder-id'), name }),
    z.object({
      method: z.literal('idc'),
      startUrl: z.string().trim().min(1).max(512),
      ssoRegion: z.string().trim().min(1).max(32),
      flow: z.enum(['device-code', 'auth-code']).optional(),
      name,
      callbackMode: callbackMode.optional(),
    }),
  ])
  .openapi('StartSignIn');

const accountRef = z.object({ id: z.string(), name: z.string() });

export const signInSessionSchema = z
  .object({
    id: z.string(),
    method: z.enum(['social', 'builder-id', 'idc']),
    provider: z.enum(['Google', 'Github']).nullable(),
    flow: z.enum(['pkce', 'device-code', 'auth-code']),
    status: z.enum([
      'pending',
      'awaiting-decision',
      'completed',
      'expired',
      'denied',
      'cancelled',
      'failed',
    ]),
    error: z.string().nullable(),
    authUrl: z.string().nullable(),
    callbackMode: callbackMode.nullable(),
    redirectUri: z.string().nullable(),
    userCode: z.string().nullable(),
    verificationUri: z.string().nullable(),
    verificationUriComplete: z.string().nullable(),
    pollIntervalSeconds: z.number().nullable(),
    ssoRegion: z.string().nullable(),
    apiRegion: z.string().nullable(),
    startUrl: z.string().nullable(),
    expiresAt: z.number(),
    duplicateOf: accountRef.nullable(),
    account: accountRef
      .extend({ email: z.string().nullable(), plan: z.string().nullable() })
      .nullable(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi('SignInSession');

export const signInCapabilitiesSchema = z
  .object({ loopbackCallback: z.boolean(), reason: z.string() })
  .openapi('SignInCapabilities');

export const signInCallbackSchema = z.object({ url: z.string().min(1).max(8192) });
export const resolveSignInSchema = z.object({ action: z.enum(['update', 'create', 'discard']) });
