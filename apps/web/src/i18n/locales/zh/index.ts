import type { en } from '../en';
import type { TranslationShape } from '../translation-shape';
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

/** Simplified Chinese: the same keys as English (the type makes a missing key a compile error). */
export const zh: TranslationShape<typeof en> = {
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
};
