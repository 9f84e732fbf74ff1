import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { createFakeAdminApi } from '../../test/fake-admin-api';
import { fakeApiServer } from '../../test/fake-api-server';
import { fakeUser } from '../../test/fake-fixtures';
import { renderApp } from '../../test/render-app';
import { renderAsAdmin } from '../../test/render-as-admin';
import { setupUser } from '../../test/setup-user';
import { findDialog } from '../../test/find-dialog';
import { findButton, getButton } from '../../test/find-button';

describe('API keys page', () => {
  it('shows a new key once, with a copy button, and never again after closing', async () => {
    const { api, user } = renderAsAdmin('/api-keys');

    await screen.findByText('No API keys yet.');
    await user.click(await findButton('Create API key'));
    const form = await findDialog('Create API key');
    await user.click(within(form).getByLabelText('Name'));
    await user.paste('Laptop – Claude Code');
    await user.click(within(form).getByLabelText('Daily request limit'));
    await user.paste('500');
    await user.click(getButton('Create', form));

    const shown = await findDialog('API key “Laptop – Claude Code” created');
    const fullKey = `sk-octo-${'x'.repeat(36)}Zq9k`;
    expect(within(shown).getByLabelText('The new API key')).toHaveValue(fullKey);
    expect(within(shown).getByRole('button', { name: /Copy/ })).toBeInTheDocument();
    expect(within(shown).getByText(/will never be shown again/)).toBeInTheDocument();
    expect(
      api.requests.find((request) => request.method === 'POST' && request.path === '/api/api-keys')
        ?.body,
    ).toEqual({
      name: 'Laptop – Claude Code',
      dailyLimit: 500,
      rateLimitPerMinute: null,
      allowedModels: null,
      expiresAt: null,
    });

    await user.click(getButton('I have copied it', shown));
    // Gone from the DOM entirely (a hidden dialog would still hold it).
    await waitFor(() => expect(document.body.innerHTML).not.toContain(fullKey));
    // The table shows the prefix and last four characters only.
    expect(await screen.findByText('sk-octo-…Zq9k')).toBeInTheDocument();
    expect(screen.getByText('Laptop – Claude Code')).toBeInTheDocument();
  });

  it('requires a name before calling the server', async () => {
    const { api, user } = renderAsAdmin('/api-keys');

    await screen.findByText('No API keys yet.');
    await user.click(await findButton('Create API key'));
    const form = await findDialog('Create API key');
    await user.click(getButton('Create', form));
    expect(await within(form).findByText('Give the key a name.')).toBeInTheDocument();
    expect(api.requests.some((request) => request.method === 'POST')).toBe(false);
  });

  it('shows a user the policy their key gets and sends only its name', async () => {
    const api = createFakeAdminApi({
      users: [fakeUser({ id: 'user-bob', username: 'bob', role: 'user' })],
      loggedInAs: 'user-bob',
    });
    fakeApiServer.use(...api.handlers);
    const user = setupUser();
    renderApp('/api-keys');

    await screen.findByText('No API keys yet.');
    await user.click(await findButton('Create API key'));
    const form = await findDialog('Create API key');
    expect(
      await within(form).findByText('Keys you create get the limits an admin set'),
    ).toBeInTheDocument();
    expect(
      within(form).getByText(/Daily requests: 200 · per minute: no limit/),
    ).toBeInTheDocument();
    expect(within(form).queryByLabelText('Daily request limit')).toBeNull();
    await user.click(within(form).getByLabelText('Name'));
    await user.paste('Mine');
    await user.click(getButton('Create', form));
    await findDialog('API key “Mine” created');
    expect(
      api.requests.find((request) => request.method === 'POST' && request.path === '/api/api-keys')
        ?.body,
    ).toEqual({ name: 'Mine' });
  });
});
