import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { createFakeAdminApi, fakeUser } from '../test/fake-admin-api';
import { fakeApiServer } from '../test/fake-api-server';
import { renderApp } from '../test/render-app';
import { getButton } from '../test/find-button';
import { setupUser } from '../test/setup-user';

describe('login', () => {
  it('sends a visitor to the login page, refuses a wrong password, then lands on the page asked for', async () => {
    const api = createFakeAdminApi();
    fakeApiServer.use(...api.handlers);
    const user = setupUser();
    const { router } = renderApp('/api-keys');

    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');

    await user.type(screen.getByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(getButton('Log in'));
    expect(await screen.findByText('Wrong username or password.')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(getButton('Log in'));

    expect(await screen.findByRole('heading', { name: 'API keys' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/api-keys');
    expect(api.requests.filter((request) => request.path === '/api/login')).toHaveLength(2);
  });

  it('validates the form before calling the server', async () => {
    const api = createFakeAdminApi();
    fakeApiServer.use(...api.handlers);
    const user = setupUser();
    renderApp('/login');

    await user.click(await screen.findByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Enter your username.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });

  it('forces a password change before anything else when the server says mustChangePassword', async () => {
    const api = createFakeAdminApi({
      users: [fakeUser({ mustChangePassword: true, password: 'admin123' })],
    });
    fakeApiServer.use(...api.handlers);
    const user = setupUser();
    const { router } = renderApp('/dashboard');

    await user.type(await screen.findByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'admin123');
    await user.click(getButton('Log in'));

    expect(await screen.findByText('Choose a new password')).toBeInTheDocument();
    // The app shell (and its navigation) stays hidden until the password is changed.
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    await router.navigate('/api-keys');
    expect(await screen.findByText('Choose a new password')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Current password'), 'admin123');
    await user.type(screen.getByLabelText('New password'), 'a fresh passphrase');
    await user.type(screen.getByLabelText('Repeat the new password'), 'a different one');
    await user.click(getButton('Save and continue'));
    expect(await screen.findByText('The two passwords differ.')).toBeInTheDocument();
    expect(api.requests.some((request) => request.path === '/api/me/password')).toBe(false);

    await user.clear(screen.getByLabelText('Repeat the new password'));
    await user.type(screen.getByLabelText('Repeat the new password'), 'a fresh passphrase');
    await user.click(getButton('Save and continue'));

    expect(await screen.findByRole('heading', { name: 'API keys' })).toBeInTheDocument();
    expect(api.requests.find((request) => request.path === '/api/me/password')?.body).toEqual({
      currentPassword: 'admin123',
      newPassword: 'a fresh passphrase',
    });
  });

  it("shows the server's reason when it refuses the new password", async () => {
    const api = createFakeAdminApi({
      users: [fakeUser({ mustChangePassword: true, password: 'old-password' })],
      loggedInAs: 'user-admin',
    });
    fakeApiServer.use(...api.handlers);
    const user = setupUser();
    renderApp('/dashboard');

    await user.type(await screen.findByLabelText('Current password'), 'old-password');
    await user.type(screen.getByLabelText('New password'), 'admin123');
    await user.type(screen.getByLabelText('Repeat the new password'), 'admin123');
    await user.click(getButton('Save and continue'));

    expect(
      await screen.findByText('This password is too common; choose another.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Choose a new password')).toBeInTheDocument();
  });

  it('returns to the login page when the session ends (401) and says so', async () => {
    const api = createFakeAdminApi({ loggedInAs: 'user-admin' });
    fakeApiServer.use(...api.handlers);
    const { router } = renderApp('/api-keys');
    expect(await screen.findByRole('heading', { name: 'API keys' })).toBeInTheDocument();

    api.state.sessionUserId = undefined;
    await router.navigate('/logs');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(await screen.findByText('Please log in.')).toBeInTheDocument();
  });

  it('says when to try again after too many attempts (429 with Retry-After)', async () => {
    fakeApiServer.use(
      http.post('*/api/login', () =>
        HttpResponse.json(
          {
            error: { message: 'Too many failed logins; try again later.', code: 'login_throttled' },
          },
          { status: 429, headers: { 'retry-after': '30' } },
        ),
      ),
      ...createFakeAdminApi().handlers,
    );
    const user = setupUser();
    renderApp('/login');

    await user.type(await screen.findByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'guess');
    await user.click(getButton('Log in'));
    expect(
      await screen.findByText('Too many requests. Try again in 30 seconds.'),
    ).toBeInTheDocument();
  });
});
