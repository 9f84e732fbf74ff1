import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { createFakeAdminApi, fakeProvider, fakeUser } from '../../test/fake-admin-api';
import { fakeApiServer } from '../../test/fake-api-server';
import { renderApp } from '../../test/render-app';

describe('dashboard', () => {
  it('shows admins the account pool, with a cooling account counted as such', async () => {
    const api = createFakeAdminApi({
      loggedInAs: 'user-admin',
      providers: [
        fakeProvider({ id: 'a', name: 'A' }),
        fakeProvider({ id: 'b', name: 'B', cooldownUntil: Date.now() + 600_000 }),
      ],
    });
    fakeApiServer.use(...api.handlers);
    renderApp('/dashboard');

    expect(await screen.findByText('Cooling down')).toBeInTheDocument();
    const cooling = screen.getByText('Cooling down').closest('.ant-card');
    expect(cooling).toHaveTextContent('Cooling down1');
    expect(
      screen.getByText('Accounts', { selector: '.ant-menu-title-content' }),
    ).toBeInTheDocument();
  });

  it('shows other users their own usage, and no admin pages', async () => {
    const api = createFakeAdminApi({
      users: [fakeUser(), fakeUser({ id: 'user-alice', username: 'alice', role: 'user' })],
      loggedInAs: 'user-alice',
    });
    fakeApiServer.use(...api.handlers);
    const { router } = renderApp('/dashboard');

    expect(await screen.findByText('My API keys')).toBeInTheDocument();
    expect(screen.getByText('Traffic of your API keys.')).toBeInTheDocument();
    expect(screen.queryByText('Accounts', { selector: '.ant-menu-title-content' })).toBeNull();
    expect(screen.queryByText('Settings', { selector: '.ant-menu-title-content' })).toBeNull();

    await router.navigate('/settings');
    expect(await screen.findByText('Only administrators can open this page.')).toBeInTheDocument();
  });
});
