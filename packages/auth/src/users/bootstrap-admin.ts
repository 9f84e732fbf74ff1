import type { PasswordHasher } from '../passwords/password-hasher';
import {
  assertPasswordAcceptable,
  defaultAdminPassword,
  defaultPasswordPolicy,
  type PasswordPolicy,
} from '../passwords/password-policy';
import type { UserStore } from './user-store';

export const bootstrapAdminUsername = 'admin';

/** What first start must do. */
export type BootstrapPlan =
  | { action: 'none' }
  | { action: 'create-admin'; username: string; password: string; mustChangePassword: boolean };

/**
 * Decides the first-start bootstrap. Only an empty user table counts as a first start: once any user
 * exists, no admin is ever created or reset again, whatever was renamed or deleted since (the original
 * re-created `admin/admin123` on every start that found no user named `admin`). With a configured
 * password (`OCTOPROXY_ADMIN_PASSWORD`) the admin is ready to use; without one it gets the seed's
 * default and must change it before anything else.
 */
export function planBootstrap(options: {
  anyUserExists: boolean;
  configuredPassword?: string | undefined;
  policy?: Readonly<PasswordPolicy>;
}): BootstrapPlan {
  if (options.anyUserExists) return { action: 'none' };
  const configured = options.configuredPassword;
  if (configured === undefined || configured === '') {
    return {
      action: 'create-admin',
      username: bootstrapAdminUsername,
      password: defaultAdminPassword,
      mustChangePassword: true,
    };
  }
  // A configured password must meet the policy: a weak one should stop the start, not slip in.
  assertPasswordAcceptable(configured, options.policy ?? defaultPasswordPolicy, [
    bootstrapAdminUsername,
  ]);
  return {
    action: 'create-admin',
    username: bootstrapAdminUsername,
    password: configured,
    mustChangePassword: false,
  };
}

export type BootstrapResult =
  | { created: false }
  | { created: true; username: string; userId: string; usedDefaultPassword: boolean };

/**
 * Runs {@link planBootstrap} against the store. The app calls it once at start and, when
 * `usedDefaultPassword` is true, logs a warning telling the operator to log in and change it.
 */
export async function bootstrapAdmin(options: {
  users: Pick<UserStore, 'hasAnyUser' | 'create'>;
  hasher: PasswordHasher;
  configuredPassword?: string | undefined;
  policy?: Readonly<PasswordPolicy>;
}): Promise<BootstrapResult> {
  const plan = planBootstrap({
    anyUserExists: await options.users.hasAnyUser(),
    configuredPassword: options.configuredPassword,
    policy: options.policy,
  });
  switch (plan.action) {
    case 'none':
      return { created: false };
    case 'create-admin': {
      const user = await options.users.create({
        username: plan.username,
        role: 'admin',
        passwordHash: await options.hasher.hash(plan.password),
        mustChangePassword: plan.mustChangePassword,
      });
      return {
        created: true,
        username: user.username,
        userId: user.id,
        usedDefaultPassword: plan.mustChangePassword,
      };
    }
  }
}
