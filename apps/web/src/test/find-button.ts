import { screen, within } from '@testing-library/react';

/**
 * The button showing `text`. Cheaper than `getByRole('button', { name })` on big antd pages, where
 * computing every accessible name calls jsdom's slow getComputedStyle for pseudo-elements.
 */
export function getButton(text: string, container?: HTMLElement): HTMLButtonElement {
  const scope = container === undefined ? screen : within(container);
  const label = scope.getByText(text, { selector: 'button, button *' });
  const button = label.closest('button');
  if (button === null) throw new Error(`"${text}" is not inside a button.`);
  return button;
}

/** The first button showing `text`, waiting for it to appear. */
export async function findButton(text: string): Promise<HTMLButtonElement> {
  const [label] = await screen.findAllByText(text, { selector: 'button, button *' });
  const button = label?.closest('button');
  if (button == null) throw new Error(`"${text}" is not inside a button.`);
  return button;
}
