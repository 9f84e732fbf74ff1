import { randomBytes } from 'node:crypto';

import { resetPassword } from '@octoproxy/auth';
import type { Command } from 'commander';

import { sessionStoreOf, userStoreOf } from '../../runtime/auth-stores';
import { print, withCore } from '../cli-context';

export function registerResetPassword(admin: Command): void {
  admin
    .command('reset-password')
    .description('set a new password for a user and end their sessions')
    .option('-u, --username <name>', 'the user', 'admin')
    .option('-p, --password <password>', 'the new password (default: a random one, printed once)')
    .action(async (options: { username: string; password?: string }) => {
      await withCore(async (core) => {
        const generated = options.password === undefined;
        const password = options.password ?? randomBytes(12).toString('base64url');
        await resetPassword({
          users: userStoreOf(core.storage),
          sessions: sessionStoreOf(core.storage, { idleTimeoutMs: 0 }),
          hasher: core.hasher,
          username: options.username,
          newPassword: password,
          mustChangePassword: generated,
        });
        print(
          generated
            ? `New password for ${options.username}: ${password}\n(to be changed at the next login)`
            : `Password for ${options.username} changed.`,
        );
      });
    });
}
