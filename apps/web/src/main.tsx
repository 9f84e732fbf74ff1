import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';

import { createAdminApiClient } from './api/api-client';
import { AppProviders } from './app/app-providers';
import { routes } from './app/routes';
import { createI18n } from './i18n/i18n';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <AppProviders i18n={createI18n()} apiClient={createAdminApiClient()}>
      <RouterProvider router={createBrowserRouter(routes)} />
    </AppProviders>
  </StrictMode>,
);
