import { within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import { createFakeAdminApi, fakeProvider } from '../../../test/fake-admin-api';
import { fakeApiServer } from '../../../test/fake-api-server';
import { findDialog } from '../../../test/find-dialog';
import { getButton } from '../../../test/find-button';
import { renderWithApp } from '../../../test/render-with-app';
import { AddAccountModal } from './add-account-modal';

async function openChoice(choice: string) {
  const api = createFakeAdminApi({ loggedInAs: 'user-admin' });
  fakeApiServer.use(...api.handlers);
  const { user } = renderWithApp(<AddAccountModal open onClose={vi.fn()} />);
  const dialog = await findDialog('Add a Kiro account');
  await user.click(getButton(choice, dialog));
  const added = () =>
    api.requests.filter((request) => request.path === '/api/providers').map((r) => r.body);
  return { api, user, dialog, added };
}

describe('adding an account from a pasted credential', () => {
  it('sends a Kiro API key only when it looks like one, and shows the account', async () => {
    const { user, dialog, added } = await openChoice('Kiro API key');
    const field = within(dialog).getByLabelText('Kiro API key');
    await user.click(field);
    await user.paste('sk-not-kiro');
    await user.click(getButton('Add account', dialog));
    expect(await within(dialog).findByText('Kiro API keys start with ksk_.')).toBeInTheDocument();
    expect(added()).toEqual([]);

    await user.clear(field);
    await user.paste(' ksk_live_0123456789abcdef ');
    await user.click(getButton('Add account', dialog));
    expect(await within(dialog).findByText('Account added')).toBeInTheDocument();
    expect(added()).toEqual([{ credentials: { apiKey: 'ksk_live_0123456789abcdef' } }]);
  });

  it('sends an Entra ID token file marked as an external IdP sign-in, refusing other files', async () => {
    const { user, dialog, added } = await openChoice('Microsoft Entra ID');
    const field = within(dialog).getByLabelText('Token file');
    await user.click(field);
    await user.paste('{"refreshToken":"aor-1","authMethod":"social"}');
    await user.click(getButton('Add account', dialog));
    expect(
      await within(dialog).findByText(
        'This file has no refreshToken and tokenEndpoint: it is not an Entra ID token file.',
      ),
    ).toBeInTheDocument();

    const token = {
      refreshToken: '1.AQ4A',
      tokenEndpoint: 'https://login.microsoftonline.com/t/oauth2/v2.0/token',
      clientId: 'c-1',
      scopes: ['offline_access'],
    };
    await user.clear(field);
    await user.paste(JSON.stringify(token));
    await user.click(within(dialog).getByLabelText('Name'));
    await user.paste('Entra 1');
    await user.click(getButton('Add account', dialog));
    expect(await within(dialog).findByText('Account added')).toBeInTheDocument();
    expect(added()).toEqual([
      { name: 'Entra 1', credentials: { ...token, authMethod: 'external_idp' } },
    ]);
  });

  it('asks what to do when the account is already stored, and resends with that choice', async () => {
    const { user, dialog } = await openChoice('Kiro API key');
    const sent: unknown[] = [];
    fakeApiServer.use(
      http.post('*/api/providers', async ({ request }) => {
        const body = (await request.json()) as { onDuplicate?: string };
        sent.push(body);
        return body.onDuplicate === undefined
          ? HttpResponse.json(
              { error: { code: 'duplicate', message: 'This account is already in the pool.' } },
              { status: 400 },
            )
          : HttpResponse.json(
              { provider: fakeProvider({ name: 'Team Pro 1', plan: 'POWER' }) },
              { status: 201 },
            );
      }),
    );
    await user.click(within(dialog).getByLabelText('Kiro API key'));
    await user.paste('ksk_live_0123456789abcdef');
    await user.click(getButton('Add account', dialog));
    await user.click(await within(dialog).findByText('Update it with this credential'));

    expect(await within(dialog).findByText('Account updated')).toBeInTheDocument();
    expect(within(dialog).getByText('POWER')).toBeInTheDocument();
    expect(sent).toEqual([
      { credentials: { apiKey: 'ksk_live_0123456789abcdef' } },
      { credentials: { apiKey: 'ksk_live_0123456789abcdef' }, onDuplicate: 'update' },
    ]);
  });
});
