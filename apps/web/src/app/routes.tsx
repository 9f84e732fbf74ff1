import { Navigate, type RouteObject } from 'react-router';

import { AdminOnly } from '../auth/admin-only';
import { LoginPage } from '../auth/login-page';
import { SessionGate } from '../auth/session-gate';
import { AppLayout } from '../layout/app-layout';
import { NotFoundPage } from '../pages/not-found-page';
import { RouteErrorPage } from '../pages/route-error-page';

/** Pages are separate chunks: the login screen does not wait for the charts. */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    path: '/',
    element: (
      <SessionGate>
        <AppLayout />
      </SessionGate>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <Navigate to="/dashboard" replace /> },
      {
        path: 'dashboard',
        lazy: async () => ({
          Component: (await import('../pages/dashboard/dashboard-page')).DashboardPage,
        }),
      },
      {
        path: 'providers',
        lazy: async () => {
          const { ProvidersPage } = await import('../pages/providers/providers-page');
          return { element: <AdminOnly>{<ProvidersPage />}</AdminOnly> };
        },
      },
      {
        path: 'api-keys',
        lazy: async () => ({
          Component: (await import('../pages/api-keys/api-keys-page')).ApiKeysPage,
        }),
      },
      {
        path: 'users',
        lazy: async () => {
          const { UsersPage } = await import('../pages/users/users-page');
          return { element: <AdminOnly>{<UsersPage />}</AdminOnly> };
        },
      },
      {
        path: 'logs',
        lazy: async () => ({ Component: (await import('../pages/logs/logs-page')).LogsPage }),
      },
      {
        path: 'settings',
        lazy: async () => {
          const { SettingsPage } = await import('../pages/settings/settings-page');
          return { element: <AdminOnly>{<SettingsPage />}</AdminOnly> };
        },
      },
      {
        path: 'integration',
        lazy: async () => ({
          Component: (await import('../pages/integration/integration-page')).IntegrationPage,
        }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
