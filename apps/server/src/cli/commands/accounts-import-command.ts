import { readFile } from 'node:fs/promises';

import type { Command } from 'commander';
import { z } from 'zod';

import { createAccountService } from '../../routes/admin/account-service';
import { providerInputSchema } from '../../routes/admin/schemas/provider-schemas';
import { print, withCore } from '../cli-context';

/** A token file, a list of them, or `{providers: [...]}` as the admin API's import takes. */
const importFileSchema = z.union([
  z.object({ providers: z.array(providerInputSchema) }).transform((file) => file.providers),
  z.array(z.unknown()).transform((list) => list.map((credentials) => ({ credentials }))),
  z.unknown().transform((credentials) => [{ credentials }]),
]);

export function registerAccountsImport(accounts: Command): void {
  accounts
    .command('import')
    .description("import Kiro accounts from a token file (Kiro's kiro-auth-token.json, or a list)")
    .argument('<file>', 'JSON file to import')
    .option('--name <name>', 'name for a single imported account')
    .action(async (file: string, options: { name?: string }) => {
      const raw = JSON.parse(await readFile(file, 'utf8')) as unknown;
      const inputs = z.array(providerInputSchema).parse(importFileSchema.parse(raw));
      if (options.name !== undefined && inputs.length === 1) inputs[0]!.name = options.name;
      await withCore(async (core) => {
        const service = createAccountService({
          storage: core.storage,
          box: core.box,
          upstream: {
            healthCheck: () => Promise.reject(new Error('not available from the CLI')),
            refreshToken: () => Promise.reject(new Error('not available from the CLI')),
            syncUsage: () => Promise.resolve(),
            reset: () => Promise.resolve(),
            // A running server picks the accounts up on its next reload (any provider change in the UI).
            reload: () => Promise.resolve(),
          },
        });
        const created = await service.createMany(inputs);
        for (const account of created)
          print(`${account.id}\t${account.name}\t${account.authMethod}`);
        print(`Imported ${created.length} account${created.length === 1 ? '' : 's'}.`);
      });
    });
}
