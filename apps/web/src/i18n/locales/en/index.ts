import { addAccount } from './add-account';
import { accountState } from './account-state';
import { apiKeys } from './api-keys';
import { common } from './common';
import { dashboard } from './dashboard';
import { integration } from './integration';
import { logs } from './logs';
import { providers } from './providers';
import { settings } from './settings';
import { users } from './users';

/** English: the source language; every other locale must have the same keys. */
export const en = {
  ...common,
  ...dashboard,
  ...providers,
  ...accountState,
  ...addAccount,
  ...apiKeys,
  ...users,
  ...logs,
  ...settings,
  ...integration,
} as const;
