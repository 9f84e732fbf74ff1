import { InvalidRequestError } from '@octoproxy/converters';

import type { PasswordHasher } from '../passwords/password-hasher';
import {
  assertPasswordAcceptable,
  defaultPasswordPolicy,
  type PasswordPolicy,
} from '../passwords/password-policy';
import type { SessionStore } from '../sessions/session-store';
import type { UserStore } from './user-store';

export interface ResetPasswordOptions {
  users: Pick<UserStore, 'findByUsername' | 'updatePassword'>;
  sessions: Pick<SessionStore, 'deleteAllForUser'>;
  hasher: PasswordHasher;
  username: string;
  newPassword: string;
  /** Make the user pick their own password at next login. Default false (the operator chose this one). */
  mustChangePassword?: boolean;
  policy?: Readonly<PasswordPolicy>;
}

/**
 * Sets a user's password without knowing the old one (the operator's CLI, an admin resetting a user)
 * and ends every session the user had. Throws {@link InvalidRequestError} for an unknown user or a
 * password the policy rejects.
 */
export async function resetPassword(options: ResetPasswordOptions): Promise<{ userId: string }> {
  assertPasswordAcceptable(options.newPassword, options.policy ?? defaultPasswordPolicy, [
    options.username,
  ]);
  const user = await options.users.findByUsername(options.username);
  if (user === undefined) {
    throw new InvalidRequestError({
      code: 'user_not_found',
      param: 'username',
      message: `No user named '${options.username}'.`,
    });
  }
  await options.users.updatePassword({
    id: user.id,
    passwordHash: await options.hasher.hash(options.newPassword),
    mustChangePassword: options.mustChangePassword ?? false,
  });
  await options.sessions.deleteAllForUser(user.id);
  return { userId: user.id };
}
