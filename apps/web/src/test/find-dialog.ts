import { screen } from '@testing-library/react';

/**
 * The antd modal with this title. (In tests antd gives every dialog the same `aria-labelledby`
 * id, so `getByRole('dialog', { name })` cannot tell two dialogs apart.)
 */
export async function findDialog(title: string): Promise<HTMLElement> {
  const heading = await screen.findByText(title, { selector: '.ant-modal-title' });
  const dialog = heading.closest<HTMLElement>('[role="dialog"]');
  if (dialog === null) throw new Error(`The title "${title}" is not inside a dialog.`);
  return dialog;
}
