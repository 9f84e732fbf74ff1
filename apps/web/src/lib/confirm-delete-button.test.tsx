import { render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';

import { createI18n } from '../i18n/i18n';
import { setupUser } from '../test/setup-user';
import { ConfirmDeleteButton } from './confirm-delete-button';

function renderButton(props: { onConfirm: () => void; disabledReason?: string }) {
  render(
    <I18nextProvider i18n={createI18n({ language: 'en' })}>
      <ConfirmDeleteButton title="Delete this row?" description="It cannot be undone." {...props} />
    </I18nextProvider>,
  );
  return screen.getByRole('button', { name: 'Delete' });
}

describe('ConfirmDeleteButton', () => {
  it('asks first and deletes only once confirmed', async () => {
    const onConfirm = vi.fn();
    const user = setupUser();
    const button = renderButton({ onConfirm });

    await user.click(button);
    expect(await screen.findByText('It cannot be undone.')).toBeInTheDocument();
    expect(onConfirm).not.toHaveBeenCalled();

    const confirm = screen.getAllByRole('button', { name: 'Delete' }).find((b) => b !== button);
    if (confirm === undefined) throw new Error('The confirmation has no Delete button.');
    await user.click(confirm);
    await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1));
  });

  it('is greyed out and never asks when deleting is not allowed', async () => {
    const onConfirm = vi.fn();
    const user = setupUser();
    const button = renderButton({ onConfirm, disabledReason: 'You cannot delete yourself.' });

    expect(button).toBeDisabled();
    await user.click(button);
    expect(screen.queryByText('Delete this row?')).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
