import { render, type RenderResult } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';

import { createAdminApiClient } from '../api/api-client';
import { AppProviders } from '../app/app-providers';
import { routes } from '../app/routes';
import { createI18n, type Language } from '../i18n/i18n';

/** The whole app (real providers, routes and API client) at `path`, talking to the fake network. */
/** `language: 'detect'` lets the browser detector choose (stored choice, then navigator). */
export function renderApp(
  path: string,
  options: { language?: Language | 'detect' } = {},
): RenderResult & {
  router: ReturnType<typeof createMemoryRouter>;
} {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <AppProviders
      i18n={createI18n(options.language === 'detect' ? {} : { language: options.language ?? 'en' })}
      apiClient={createAdminApiClient()}
    >
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router };
}
