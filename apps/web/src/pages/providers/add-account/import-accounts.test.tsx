import { within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { ImportResult, LocalTokenFile } from '../../../api/api-types';
import { createFakeAdminApi, fakeProvider } from '../../../test/fake-admin-api';
import {
  createFakeOnboardingApi,
  type FakeOnboardingOptions,
} from '../../../test/fake-account-onboarding-api';
import { fakeApiServer } from '../../../test/fake-api-server';
import { findDialog } from '../../../test/find-dialog';
import { getButton } from '../../../test/find-button';
import { renderWithApp } from '../../../test/render-with-app';
import { AddAccountModal } from './add-account-modal';

const result = (overrides: Partial<ImportResult>): ImportResult => ({
  source: 'kiro-auth-token.json',
  status: 'created',
  accountId: 'acc-7',
  name: 'dev@example.com',
  duplicateOf: null,
  error: null,
  warnings: [],
  ...overrides,
});

async function openChoice(choice: string, options: FakeOnboardingOptions = {}) {
  const api = createFakeOnboardingApi(options);
  fakeApiServer.use(
    ...createFakeAdminApi({ loggedInAs: 'user-admin', providers: [fakeProvider()] }).handlers,
    ...api.handlers,
  );
  const onClose = vi.fn();
  const { user } = renderWithApp(<AddAccountModal open onClose={onClose} />);
  const dialog = await findDialog('Add a Kiro account');
  await user.click(getButton(choice, dialog));
  return { api, user, dialog, onClose };
}

function fileInput(dialog: HTMLElement): HTMLInputElement {
  const input = dialog.querySelector<HTMLInputElement>('input[type=file]');
  if (input === null) throw new Error('no file input');
  return input;
}

describe('importing token files', () => {
  it('sends every dropped file as read, with the duplicate policy, and shows each account', async () => {
    const { api, user, dialog, onClose } = await openChoice('Import token files', {
      importResults: () => [
        result({ source: 'kiro-auth-token.json', warnings: ['The access token has expired.'] }),
        result({
          source: 'team.json #1',
          status: 'updated',
          accountId: 'acc-1',
          name: 'Team Pro 1',
        }),
        result({
          source: 'team.json #2',
          status: 'duplicate',
          accountId: null,
          name: null,
          duplicateOf: 'acc-1',
        }),
        result({
          source: 'team.json #3',
          status: 'invalid',
          accountId: null,
          name: null,
          error: 'No refreshToken in this entry.',
        }),
      ],
    });
    const token = '{"refreshToken":"aor-1","authMethod":"social"}';
    const team = '[{"refreshToken":"aor-2"},{"refreshToken":"aor-3"},{"accessToken":"x"}]';
    await user.upload(fileInput(dialog), [
      new File([token], 'kiro-auth-token.json', { type: 'application/json' }),
      new File([team], 'team.json', { type: 'application/json' }),
    ]);
    expect(await within(dialog).findByText('team.json')).toBeInTheDocument();
    await user.click(within(dialog).getByLabelText('Update their sign-in'));
    await user.click(getButton('Import 2 files', dialog));

    expect(
      await within(dialog).findByText('1 added, 1 updated, 1 already there, 1 not imported.'),
    ).toBeInTheDocument();
    expect(api.bodiesTo('/providers/import-files')).toEqual([
      {
        files: [
          { name: 'kiro-auth-token.json', content: token },
          { name: 'team.json', content: team },
        ],
        onDuplicate: 'update',
      },
    ]);
    expect(within(dialog).getByText('The access token has expired.')).toBeInTheDocument();
    expect(within(dialog).getByText('Same account as Team Pro 1')).toBeInTheDocument();
    expect(within(dialog).getByText('No refreshToken in this entry.')).toBeInTheDocument();
    expect(within(dialog).getByText('Not imported')).toBeInTheDocument();

    await user.click(getButton('Done', dialog));
    expect(onClose).toHaveBeenCalled();
  });

  it('imports pasted text as a file, skipping accounts already there by default', async () => {
    const { api, user, dialog } = await openChoice('Import token files', {
      importResults: () => [result({ source: 'pasted.json' })],
    });
    expect(getButton('Import 0 files', dialog)).toBeDisabled();
    await user.click(within(dialog).getByLabelText('Or paste a file’s content'));
    await user.paste('{"refreshToken":"aor-1"}');
    await user.click(getButton('Import 1 file', dialog));
    expect(await within(dialog).findByText('Added')).toBeInTheDocument();
    expect(api.bodiesTo('/providers/import-files')).toEqual([
      {
        files: [{ name: 'pasted.json', content: '{"refreshToken":"aor-1"}' }],
        onDuplicate: 'skip',
      },
    ]);
  });
});

describe('importing from the server’s machine', () => {
  const files: LocalTokenFile[] = [
    {
      path: '/home/kiro/.aws/sso/cache/kiro-auth-token.json',
      kind: 'kiro-token',
      authMethod: 'social',
      provider: 'Google',
      region: 'us-east-1',
      expiresAt: '2026-12-06T23:00:00.000Z',
      usable: true,
      problem: null,
    },
    {
      path: '/home/kiro/.local/share/kiro-cli/data.sqlite3',
      kind: 'kiro-cli-token',
      authMethod: 'IdC',
      provider: 'Enterprise',
      region: 'eu-west-1',
      expiresAt: null,
      usable: false,
      problem: 'The client registration is missing.',
    },
  ];

  it('lists what it found without secrets and imports the usable files picked', async () => {
    const { api, user, dialog } = await openChoice('Import from this machine', {
      localTokens: { available: true, reason: null, files },
      importResults: () => [result({ source: files[0]?.path ?? '' })],
    });
    expect(
      await within(dialog).findByText('The client registration is missing.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText(files[1]?.path ?? '')).toBeDisabled();
    expect(within(dialog).getByLabelText(files[0]?.path ?? '')).toBeChecked();
    await user.click(getButton('Import 1 selected', dialog));
    expect(await within(dialog).findByText('Added')).toBeInTheDocument();
    expect(api.bodiesTo('/providers/local-tokens/import')).toEqual([
      { paths: [files[0]?.path], onDuplicate: 'skip' },
    ]);
  });

  it('says why the server cannot look', async () => {
    const { dialog } = await openChoice('Import from this machine', {
      localTokens: { available: false, reason: 'OCTOPROXY_LOCAL_TOKENS is off', files: [] },
    });
    expect(
      await within(dialog).findByText(
        'The server cannot look for token files: OCTOPROXY_LOCAL_TOKENS is off',
      ),
    ).toBeInTheDocument();
  });
});

describe('importing an export bundle', () => {
  it('refuses other files, shows a wrong passphrase, then the results', async () => {
    const { api, user, dialog } = await openChoice('Import an export bundle', {
      bundlePassphrase: 'correct horse battery',
      importResults: () => [result({ source: 'bundle #1' }), result({ source: 'bundle #2' })],
    });
    await user.upload(fileInput(dialog), new File(['{"refreshToken":"x"}'], 'token.json'));
    expect(
      await within(dialog).findByText('This is not an OctoProxy export file.'),
    ).toBeInTheDocument();

    const bundle = { format: 'octoproxy-accounts', version: 1, kdf: {}, cipher: {}, data: 'x' };
    await user.upload(fileInput(dialog), new File([JSON.stringify(bundle)], 'accounts.json'));
    expect(await within(dialog).findByText('Chosen: accounts.json')).toBeInTheDocument();
    const passphrase = within(dialog).getByLabelText('Passphrase');
    await user.click(passphrase);
    await user.paste('wrong passphrase!');
    await user.click(getButton('Import', dialog));
    expect(
      await within(dialog).findByText('Wrong passphrase, or the file was changed.'),
    ).toBeInTheDocument();

    await user.clear(passphrase);
    await user.paste('correct horse battery');
    await user.click(getButton('Import', dialog));
    expect(
      await within(dialog).findByText('2 added, 0 updated, 0 already there, 0 not imported.'),
    ).toBeInTheDocument();
    expect(api.bodiesTo('/providers/import-bundle').at(-1)).toEqual({
      bundle,
      passphrase: 'correct horse battery',
      onDuplicate: 'skip',
    });
  });
});
