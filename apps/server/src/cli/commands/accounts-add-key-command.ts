import { text } from 'node:stream/consumers';

import { createKiroClient } from '@octoproxy/kiro';
import type { Command } from 'commander';

import { directAddCandidate } from '../../accounts/direct-add-candidate';
import { onboardAccount, type DuplicatePolicy } from '../../accounts/onboard-account';
import { kiroEndpointsOf } from '../../runtime/start-server';
import { print, withCore } from '../cli-context';

/** Where the key may come from besides stdin; an argument is visible to other users in `ps`. */
export const apiKeyEnvVariable = 'OCTOPROXY_KIRO_API_KEY';

async function readKey(argument: string | undefined): Promise<string> {
  if (argument !== undefined && argument !== '-') return argument.trim();
  const fromEnv = process.env[apiKeyEnvVariable];
  if (argument === undefined && fromEnv !== undefined && fromEnv !== '') return fromEnv.trim();
  return (await text(process.stdin)).trim();
}

export function registerAccountsAddKey(accounts: Command): void {
  accounts
    .command('add-key')
    .description(
      `add a Kiro API key (ksk_…), checked with Kiro first; the key comes from the argument, "-" for stdin, or ${apiKeyEnvVariable}`,
    )
    .argument('[key]', 'the ksk_… key, or - to read it from stdin')
    .option('-n, --name <name>', 'account name (default: its e-mail)')
    .option('--region <region>', 'API region (us-east-1 or eu-central-1)')
    .option('--on-duplicate <policy>', 'report, update or create', 'report')
    .action(
      async (
        argument: string | undefined,
        options: { name?: string; region?: string; onDuplicate: string },
      ) => {
        const policies: readonly DuplicatePolicy[] = ['report', 'update', 'create'];
        const onDuplicate = policies.find((policy) => policy === options.onDuplicate);
        if (onDuplicate === undefined) throw new Error('--on-duplicate: report, update or create');
        const key = await readKey(argument);
        await withCore(async (core, env) => {
          const kiro = createKiroClient({
            endpoints: kiroEndpointsOf(env),
            kiroVersion: core.settings.current.kiroVersion,
          });
          try {
            const outcome = await onboardAccount(
              // A running server notices the new account by itself (it watches the database).
              { storage: core.storage, box: core.box, kiro, reload: () => Promise.resolve() },
              directAddCandidate({ credentials: { apiKey: key }, region: options.region }),
              { settings: { name: options.name }, onDuplicate },
            );
            if (outcome.status === 'duplicate') {
              throw new Error(
                `This key is already in the pool as "${outcome.duplicateOf.name}" (${outcome.duplicateOf.id}); pass --on-duplicate update or create.`,
              );
            }
            print(
              `${outcome.status === 'created' ? 'Added' : 'Updated'} ${outcome.account.name} (${outcome.account.id}), plan ${outcome.account.plan ?? 'unknown'}.`,
            );
          } finally {
            await kiro.close();
          }
        });
      },
    );
}
