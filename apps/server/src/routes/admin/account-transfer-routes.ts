import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { requirePasswordChanged, requireRole } from '@octoproxy/auth/hono';

import type { AccountTransfer } from '../../accounts/transfer/account-transfer';
import type { ImportResult } from '../../accounts/transfer/import-result';
import type { AdminDeps } from './admin-deps';
import type { AdminEnv } from './admin-env';
import { adminRouter } from './admin-router';
import { audit } from './audit';
import {
  accountBundleSchema,
  exportBodySchema,
  importBundleBodySchema,
  importFilesBodySchema,
  importResultsSchema,
  localImportBodySchema,
  localTokensSchema,
} from './schemas/account-transfer-schemas';
import { errorResponses, jsonBody, jsonContent } from './schemas/common-schemas';

const paths = [
  '/providers/import-files',
  '/providers/local-tokens',
  '/providers/local-tokens/import',
  '/providers/export',
  '/providers/import-bundle',
];

const resultsResponse = jsonContent(importResultsSchema, 'One result per account found');

/**
 * Account import from files, from this machine and from encrypted bundles, and export to a bundle
 * (admins only). Registered before the provider routes so `/providers/{id}` does not take these paths.
 */
export function accountTransferRoutes(
  deps: AdminDeps & { transfer: AccountTransfer },
): OpenAPIHono<AdminEnv> {
  const app = adminRouter();
  for (const path of paths) {
    app.use(path, deps.sessionAuth, requirePasswordChanged(), requireRole('admin'));
  }
  const auditImports = async (c: Parameters<typeof audit>[1], results: readonly ImportResult[]) => {
    for (const result of results) {
      if (result.accountId === null) continue;
      await audit(deps.storage, c, {
        action: result.status === 'updated' ? 'account.update' : 'account.import',
        targetType: 'account',
        targetId: result.accountId,
      });
    }
  };

  return app
    .openapi(
      createRoute({
        method: 'post',
        path: '/providers/import-files',
        summary:
          "Import accounts from files: Kiro's token file with its <clientIdHash>.json, AWS SSO cache files, kiro-cli records, lists, the original OctoProxy's export",
        request: jsonBody(importFilesBodySchema),
        responses: { 200: resultsResponse, ...errorResponses },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const results = await deps.transfer.importFiles(body.files, body.onDuplicate);
        await auditImports(c, results);
        return c.json({ results }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/providers/local-tokens',
        summary:
          'Kiro, kiro-cli and AWS SSO logins on the server’s own machine (no secret in the answer)',
        responses: {
          200: jsonContent(localTokensSchema, 'What the scan found'),
          ...errorResponses,
        },
      }),
      async (c) => c.json(await deps.transfer.scanLocal(), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/providers/local-tokens/import',
        summary: 'Import the logins found on the server’s machine (all usable ones, or `paths`)',
        request: jsonBody(localImportBodySchema),
        responses: { 200: resultsResponse, ...errorResponses },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const results = await deps.transfer.importLocal(body.paths, body.onDuplicate);
        await auditImports(c, results);
        return c.json({ results }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/providers/export',
        summary: 'Export accounts (all, or `ids`) as a bundle encrypted under a passphrase',
        request: jsonBody(exportBodySchema),
        responses: {
          200: jsonContent(accountBundleSchema, 'The encrypted bundle'),
          ...errorResponses,
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const bundle = await deps.transfer.exportBundle(body.passphrase, body.ids);
        await audit(deps.storage, c, { action: 'account.export', targetType: 'account' });
        return c.json({ ...bundle, format: 'octoproxy-accounts' as const }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/providers/import-bundle',
        summary: 'Import an encrypted account bundle; a wrong passphrase is a 400',
        request: jsonBody(importBundleBodySchema),
        responses: { 200: resultsResponse, ...errorResponses },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const results = await deps.transfer.importBundle(
          body.bundle,
          body.passphrase,
          body.onDuplicate,
        );
        await auditImports(c, results);
        return c.json({ results }, 200);
      },
    );
}
