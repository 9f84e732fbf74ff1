import type { LoginService, PasswordHasher, SessionService } from '@octoproxy/auth';
import type { SessionCookie } from '@octoproxy/auth/hono';
import type { Storage } from '@octoproxy/storage';
import type { MiddlewareHandler } from 'hono';

import type { LiveSettings } from '../../config/live-settings';
import type { AccountTransfer } from '../../accounts/transfer/account-transfer';
import type { ModelDirectory } from '../../models/model-directory';
import type { OnboardingDeps } from '../../accounts/onboard-account';
import type { SignInService } from '../../accounts/sign-in/sign-in-service';
import type { AccountService } from './account-service';
import type { AdminEnv } from './admin-env';

/** What the admin API needs. */
export interface AdminDeps {
  storage: Storage;
  settings: LiveSettings;
  hasher: PasswordHasher;
  login: LoginService;
  sessions: SessionService;
  cookie: SessionCookie;
  /** Session auth (`sessionAuth` from `@octoproxy/auth/hono`). */
  sessionAuth: MiddlewareHandler<AdminEnv>;
  /** Upstream account operations (import, health check, refresh, usage). */
  accounts: AccountService;
  /** Imports from files, this machine and bundles; exports to bundles. */
  transfer: AccountTransfer;
  /** Validates new accounts with Kiro before they are stored; absent without a Kiro upstream. */
  onboarding?: OnboardingDeps | undefined;
  /** Kiro sign-ins from the dashboard; absent when there is no Kiro upstream (scripted tests). */
  signIn?: SignInService | undefined;
  /** What the pool's accounts may serve (`/api/models`). */
  models: ModelDirectory;
  /** Origins besides the server's own that may call the admin API from a browser. */
  trustedOrigins: readonly string[];
}
