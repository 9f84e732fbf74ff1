import { render } from '@testing-library/react';
import type { ReactNode } from 'react';

import { createAdminApiClient } from '../api/api-client';
import { AppProviders } from '../app/app-providers';
import { createI18n, type Language } from '../i18n/i18n';
import { setupUser } from './setup-user';

/** One component inside the app's real providers (no router, no session gate): faster than a page. */
export function renderWithApp(ui: ReactNode, options: { language?: Language } = {}) {
  const user = setupUser();
  const result = render(
    <AppProviders
      i18n={createI18n({ language: options.language ?? 'en' })}
      apiClient={createAdminApiClient()}
    >
      {ui}
    </AppProviders>,
  );
  return { ...result, user };
}
