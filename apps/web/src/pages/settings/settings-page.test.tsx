import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderAsAdmin } from '../../test/render-as-admin';
import { getButton } from '../../test/find-button';

describe('settings page', () => {
  it(
    'validates against the server’s bounds and sends only what changed',
    { timeout: 120_000 },
    async () => {
      const { api, user } = renderAsAdmin('/settings');

      const retries = await screen.findByLabelText('Retries');
      expect(retries).toHaveValue('3');
      await user.clear(retries);
      await user.click(retries);
      await user.paste('11');
      await user.click(getButton('Save changes'));
      expect(await screen.findByText('Must be at most 10.')).toBeInTheDocument();

      const keepalive = screen.getByLabelText('Keep-alive interval');
      await user.clear(keepalive);
      await user.click(keepalive);
      await user.paste('0');
      expect(await screen.findByText('Must be greater than 0.')).toBeInTheDocument();
      expect(api.requests.some((request) => request.method === 'PUT')).toBe(false);

      await user.clear(keepalive);
      await user.click(keepalive);
      await user.paste('20');
      await user.clear(retries);
      await user.click(retries);
      await user.paste('5');
      await user.click(getButton('Add alias'));
      await user.click(screen.getByLabelText('Model name clients send'));
      await user.paste('claude-opus-*');
      await user.click(screen.getByLabelText('Model to serve'));
      await user.paste('claude-opus-4.5');
      await user.click(getButton('Save changes'));

      await waitFor(() =>
        expect(api.requests.some((request) => request.method === 'PUT')).toBe(true),
      );
      expect(api.requests.find((request) => request.method === 'PUT')?.body).toEqual({
        retries: 5,
        keepaliveIntervalSeconds: 20,
        modelAliases: { 'claude-opus-*': 'claude-opus-4.5' },
      });
      expect(await screen.findByText('Settings saved and applied.')).toBeInTheDocument();
    },
  );

  it('describes each selection strategy', async () => {
    const { user } = renderAsAdmin('/settings');

    await user.click(await screen.findByLabelText('Account selection strategy'));
    const listbox = await screen.findByRole('listbox');
    expect(listbox).toBeInTheDocument();
    expect(
      await screen.findByText('Shares traffic by each account’s weight, e.g. more for paid plans.'),
    ).toBeInTheDocument();
    expect(within(document.body).getAllByText(/Least recently used/).length).toBeGreaterThan(0);
  });

  it('edits the policy for users’ own API keys as one setting', { timeout: 60_000 }, async () => {
    const { api, user } = renderAsAdmin('/settings');

    const maxKeys = await screen.findByLabelText('Keys per user (0 = only admins create keys)');
    expect(maxKeys).toHaveValue('5');
    await user.clear(maxKeys);
    await user.click(maxKeys);
    await user.paste('2');
    const daily = screen.getByLabelText('Daily requests per key');
    await user.click(daily);
    await user.paste('100');
    await user.click(getButton('Save changes'));

    await waitFor(() =>
      expect(api.requests.some((request) => request.method === 'PUT')).toBe(true),
    );
    expect(api.requests.find((request) => request.method === 'PUT')?.body).toEqual({
      userKeyPolicy: { maxKeys: 2, dailyLimit: 100, rateLimitPerMinute: null, allowedModels: null },
    });
  });
});
