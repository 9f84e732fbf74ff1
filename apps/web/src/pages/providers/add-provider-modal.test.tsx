import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderAsAdmin } from '../../test/render-as-admin';
import { findDialog } from '../../test/find-dialog';
import { findButton, getButton } from '../../test/find-button';

const idcToken = {
  accessToken: 'aoaAAAA',
  refreshToken: 'aorAAAA',
  expiresAt: '2026-01-15T13:00:00.000Z',
  authMethod: 'IdC',
  provider: 'BuilderId',
  clientIdHash: '3f2a9c',
  region: 'us-east-1',
};

describe('adding a Kiro account', () => {
  it('asks for the client registration a Builder ID token needs, then sends both merged', async () => {
    const { api, user } = renderAsAdmin('/providers');

    await user.click(await findButton('Add account'));
    const dialog = await findDialog('Add a Kiro account');
    await user.click(within(dialog).getByLabelText('Token file (kiro-auth-token.json)'));
    await user.paste(JSON.stringify(idcToken));
    await user.click(getButton('Add account', dialog));

    expect(
      await within(dialog).findByText(
        'This sign-in needs its client registration (3f2a9c.json, with clientId and clientSecret).',
      ),
    ).toBeInTheDocument();
    expect(api.requests.some((request) => request.path === '/api/providers')).toBe(false);

    await user.click(
      within(dialog).getByLabelText('Client registration (Builder ID / IAM Identity Center only)'),
    );
    await user.paste(
      '{"clientId":"client-1","clientSecret":"secret-1","expiresAt":"2026-04-01T00:00:00Z"}',
    );
    await user.click(within(dialog).getByLabelText('Name'));
    await user.paste('Builder 1');
    await user.click(getButton('Add account', dialog));

    await waitFor(() =>
      expect(api.requests.some((request) => request.path === '/api/providers')).toBe(true),
    );
    expect(api.requests.find((request) => request.path === '/api/providers')?.body).toEqual({
      name: 'Builder 1',
      credentials: { ...idcToken, clientId: 'client-1', clientSecret: 'secret-1' },
    });
    expect(await screen.findByText('Account added.')).toBeInTheDocument();
    expect(await screen.findByText('Builder 1')).toBeInTheDocument();
  });

  it('refuses text that is not a token file, saying why', async () => {
    const { api, user } = renderAsAdmin('/providers');

    await user.click(await findButton('Add account'));
    const dialog = await findDialog('Add a Kiro account');
    const tokenField = within(dialog).getByLabelText('Token file (kiro-auth-token.json)');
    await user.click(tokenField);
    await user.paste('{"accessToken": "only-an-access-token"');
    await user.click(getButton('Add account', dialog));
    expect(await within(dialog).findByText('This is not valid JSON.')).toBeInTheDocument();

    await user.clear(tokenField);
    await user.paste('{"clientId":"c","clientSecret":"s"}');
    expect(
      await within(dialog).findByText(
        'This is a client registration, not a token file: put it in the field below.',
      ),
    ).toBeInTheDocument();
    expect(api.requests.some((request) => request.path === '/api/providers')).toBe(false);
  });

  it('imports several pasted tokens only when every one is valid', async () => {
    const { api, user } = renderAsAdmin('/providers');

    await user.click(await findButton('Import'));
    const dialog = await findDialog('Import accounts');
    await user.click(within(dialog).getByRole('radio', { name: 'Paste JSON' }));
    const area = await within(dialog).findByRole('textbox', { name: 'Paste JSON' });
    await user.click(area);
    await user.paste(
      JSON.stringify([{ refreshToken: 'r1', authMethod: 'social' }, { accessToken: 'only' }]),
    );

    expect(
      await within(dialog).findByText('1 entry has a problem: fix or remove it to import.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: /Import 1 account/ })).toBeDisabled();

    await user.clear(area);
    await user.paste(
      JSON.stringify([{ refreshToken: 'r1', authMethod: 'social' }, { refreshToken: 'r2' }]),
    );
    await user.click(await within(dialog).findByRole('button', { name: /Import 2 accounts/ }));
    expect(await screen.findByText('2 accounts imported.')).toBeInTheDocument();
    expect(api.requests.find((request) => request.path === '/api/providers/import')?.body).toEqual({
      tokens: [{ refreshToken: 'r1', authMethod: 'social' }, { refreshToken: 'r2' }],
    });
  });
});
