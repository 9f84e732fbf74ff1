import { z } from '@hono/zod-openapi';
import { minPassphraseLength } from '@octoproxy/auth';

export const onDuplicateSchema = z.enum(['skip', 'update']).openapi({
  description:
    'What to do with an account already in the pool (same refresh token or e-mail): leave it (default) or replace its credentials.',
});

export const importResultSchema = z
  .object({
    source: z.string().openapi({ description: 'File name, `file.json[2]`, path or bundle entry' }),
    status: z.enum(['created', 'updated', 'duplicate', 'invalid']),
    accountId: z.string().nullable(),
    name: z.string().nullable(),
    duplicateOf: z.string().nullable(),
    error: z.string().nullable(),
    warnings: z.array(z.string()),
  })
  .openapi('ImportResult');

export const importResultsSchema = z.object({ results: z.array(importResultSchema) });

export const importFilesBodySchema = z.object({
  files: z
    .array(z.object({ name: z.string().min(1).max(512), content: z.string().max(1_048_576) }))
    .min(1)
    .max(200),
  onDuplicate: onDuplicateSchema.optional(),
});

export const localTokenFileSchema = z
  .object({
    path: z.string(),
    kind: z.enum([
      'kiro-token',
      'client-registration',
      'kiro-cli-token',
      'kiro-cli-registration',
      'aws-sso-token',
      'other',
    ]),
    authMethod: z.string().nullable(),
    provider: z.string().nullable(),
    region: z.string().nullable(),
    expiresAt: z.string().nullable(),
    usable: z.boolean(),
    problem: z.string().nullable(),
  })
  .openapi('LocalTokenFile');

export const localTokensSchema = z.object({
  available: z.boolean(),
  reason: z.string().nullable(),
  files: z.array(localTokenFileSchema),
});

export const localImportBodySchema = z.object({
  paths: z.array(z.string().min(1)).min(1).max(200).optional(),
  onDuplicate: onDuplicateSchema.optional(),
});

const passphraseSchema = z.string().min(minPassphraseLength).max(1024);

export const exportBodySchema = z.object({
  passphrase: passphraseSchema,
  ids: z.array(z.string().min(1)).min(1).optional(),
});

export const accountBundleSchema = z
  .object({
    format: z.literal('octoproxy-accounts'),
    version: z.literal(1),
    kdf: z.object({
      name: z.literal('scrypt'),
      log2N: z.number(),
      r: z.number(),
      p: z.number(),
      salt: z.string(),
    }),
    cipher: z.object({ name: z.literal('aes-256-gcm'), nonce: z.string() }),
    data: z.string(),
  })
  .openapi('AccountBundle', {
    description:
      'Accounts (configuration and credentials) encrypted under a passphrase: scrypt, AES-256-GCM, header authenticated.',
  });

export const importBundleBodySchema = z.object({
  bundle: z.record(z.string(), z.unknown()),
  passphrase: z.string().min(1).max(1024),
  onDuplicate: onDuplicateSchema.optional(),
});
