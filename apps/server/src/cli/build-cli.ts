import { Command } from 'commander';

import { registerAccountsAddKey } from './commands/accounts-add-key-command';
import { registerAccountsExport } from './commands/accounts-export-command';
import { registerAccountsImport } from './commands/accounts-import-command';
import { registerAccountsScan } from './commands/accounts-scan-command';
import { registerBackup } from './commands/backup-command';
import { registerKeysCreate } from './commands/keys-create-command';
import { registerMigrateFrom } from './commands/migrate-from-command';
import { registerResetPassword } from './commands/reset-password-command';
import { registerStart, runStart } from './commands/start-command';
import { adminOpenApiDocument } from '../routes/admin/openapi-document';

/** The `octoproxy` command line. `exitOverride` makes help and errors throw instead of exiting (tests). */
export function buildCli(options: { exitOverride?: boolean } = {}): Command {
  const program = new Command('octoproxy')
    .description(
      'OctoProxy: a self-hosted gateway that pools Kiro accounts behind the OpenAI and Anthropic APIs',
    )
    .showHelpAfterError();
  if (options.exitOverride) program.exitOverride();
  registerStart(program);
  program
    .command('demo')
    .description(
      'same as `start --demo`: a built-in simulator, a demo account and a printed API key',
    )
    .option('-p, --port <port>', 'listen port', Number)
    .action((options: { port?: number }) => runStart({ ...options, demo: true }));
  registerResetPassword(program.command('admin').description('administer users'));
  registerKeysCreate(program.command('keys').description('manage API keys'));
  const accounts = program.command('accounts').description('manage upstream accounts');
  registerAccountsImport(accounts);
  registerAccountsScan(accounts);
  registerAccountsExport(accounts);
  registerAccountsAddKey(accounts);
  registerMigrateFrom(program);
  registerBackup(program);
  program
    .command('openapi')
    .description("print the admin API's OpenAPI document (what GET /api/openapi.json serves)")
    .action(() => {
      process.stdout.write(`${JSON.stringify(adminOpenApiDocument(), null, 2)}\n`);
    });
  return program;
}
