import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { readFileText } from '../../../lib/read-file-text';
import { createFakeOnboardingApi } from '../../../test/fake-account-onboarding-api';
import { createFakeAdminApi, fakeProvider } from '../../../test/fake-admin-api';
import { fakeApiServer } from '../../../test/fake-api-server';
import { findDialog } from '../../../test/find-dialog';
import { findButton, getButton } from '../../../test/find-button';
import { renderApp } from '../../../test/render-app';
import { setupUser } from '../../../test/setup-user';

afterEach(() => vi.restoreAllMocks());

function renderAccountsPage() {
  const admin = createFakeAdminApi({
    loggedInAs: 'user-admin',
    providers: [
      fakeProvider({ id: 'acc-1', name: 'Team Pro 1' }),
      fakeProvider({ id: 'acc-2', name: 'Team Pro 2', email: 'two@example.com' }),
    ],
  });
  const api = createFakeOnboardingApi();
  fakeApiServer.use(...admin.handlers, ...api.handlers);
  const user = setupUser();
  renderApp('/providers');
  return { api, user };
}

describe('the accounts page', () => {
  it('adds accounts from one dialog with every way in it', async () => {
    const { user } = renderAccountsPage();
    await user.click(await findButton('Add account'));
    const dialog = await findDialog('Add a Kiro account');
    for (const choice of [
      'Google',
      'GitHub',
      'AWS Builder ID',
      'IAM Identity Center',
      'Kiro API key',
      'Microsoft Entra ID',
      'Import token files',
      'Import from this machine',
      'Import an export bundle',
    ]) {
      expect(getButton(choice, dialog)).toBeInTheDocument();
    }
  });

  it('exports the chosen accounts encrypted with a checked passphrase, as a downloaded file', async () => {
    let saved: Blob | undefined;
    const downloads: string[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:octoproxy-export';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(this.download);
    });
    const { api, user } = renderAccountsPage();
    await screen.findByText('Team Pro 2');
    await user.click(await findButton('Export'));
    const dialog = await findDialog('Export accounts');
    expect(within(dialog).getByLabelText('All accounts (2)')).toBeChecked();

    await user.click(within(dialog).getByLabelText('Chosen accounts'));
    await user.click(within(dialog).getByLabelText('Passphrase'));
    await user.paste('too short');
    await user.click(within(dialog).getByLabelText('Repeat the passphrase'));
    await user.paste('something else');
    await user.click(getButton('Export and download', dialog));
    expect(await within(dialog).findByText('Use at least 12 characters.')).toBeInTheDocument();
    expect(await within(dialog).findByText('The passphrases differ.')).toBeInTheDocument();
    expect(await within(dialog).findByText('Choose at least one account.')).toBeInTheDocument();
    expect(api.bodiesTo('/providers/export')).toEqual([]);

    await user.click(within(dialog).getByLabelText('Choose accounts'));
    await user.click(
      await screen.findByText('Team Pro 2', { selector: '.ant-select-item-option-content' }),
    );
    await user.clear(within(dialog).getByLabelText('Passphrase'));
    await user.click(within(dialog).getByLabelText('Passphrase'));
    await user.paste('correct horse battery');
    await user.clear(within(dialog).getByLabelText('Repeat the passphrase'));
    await user.click(within(dialog).getByLabelText('Repeat the passphrase'));
    await user.paste('correct horse battery');
    await user.click(getButton('Export and download', dialog));

    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]).toMatch(/^octoproxy-accounts-\d{4}-\d{2}-\d{2}\.json$/);
    expect(api.bodiesTo('/providers/export')).toEqual([
      { passphrase: 'correct horse battery', ids: ['acc-2'] },
    ]);
    if (saved === undefined) throw new Error('nothing was saved');
    expect(JSON.parse(await readFileText(saved))).toMatchObject({
      format: 'octoproxy-accounts',
      version: 1,
      data: 'ciphertext',
    });
    expect(await screen.findByText(/Keep the passphrase/)).toBeInTheDocument();
  });
});
