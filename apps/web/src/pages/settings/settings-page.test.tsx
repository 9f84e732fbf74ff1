import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { createFakeAdminApi } from '../../test/fake-admin-api';
import { fakeApiServer } from '../../test/fake-api-server';
import { renderApp } from '../../test/render-app';
import { setupUser } from '../../test/setup-user';

describe('settings page', () => {
  it('validates against the server’s bounds and sends only what changed', async () => {
    const api = createFakeAdminApi({ loggedInAs: 'user-admin' });
    fakeApiServer.use(...api.handlers);
    const user = setupUser();
    renderApp('/settings');

    const retries = await screen.findByLabelText('Retries');
    expect(retries).toHaveValue('3');
    await user.clear(retries);
    await user.type(retries, '11');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Must be at most 10.')).toBeInTheDocument();

    const keepalive = screen.getByLabelText('Keep-alive interval');
    await user.clear(keepalive);
    await user.type(keepalive, '0');
    expect(await screen.findByText('Must be greater than 0.')).toBeInTheDocument();
    expect(api.requests.some((request) => request.method === 'PUT')).toBe(false);

    await user.clear(keepalive);
    await user.type(keepalive, '20');
    await user.clear(retries);
    await user.type(retries, '5');
    await user.click(screen.getByRole('button', { name: /Add alias/ }));
    await user.type(screen.getByLabelText('Model name clients send'), 'claude-opus-*');
    await user.type(screen.getByLabelText('Model to serve'), 'claude-opus-4.5');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() =>
      expect(api.requests.some((request) => request.method === 'PUT')).toBe(true),
    );
    expect(api.requests.find((request) => request.method === 'PUT')?.body).toEqual({
      retries: 5,
      keepaliveIntervalSeconds: 20,
      modelAliases: { 'claude-opus-*': 'claude-opus-4.5' },
    });
    expect(await screen.findByText('Settings saved and applied.')).toBeInTheDocument();
  });

  it('describes each selection strategy', async () => {
    fakeApiServer.use(...createFakeAdminApi({ loggedInAs: 'user-admin' }).handlers);
    const user = setupUser();
    renderApp('/settings');

    await user.click(await screen.findByLabelText('Account selection strategy'));
    const listbox = await screen.findByRole('listbox');
    expect(listbox).toBeInTheDocument();
    expect(
      await screen.findByText('Shares traffic by each account’s weight, e.g. more for paid plans.'),
    ).toBeInTheDocument();
    expect(within(document.body).getAllByText(/Least recently used/).length).toBeGreaterThan(0);
  });
});
