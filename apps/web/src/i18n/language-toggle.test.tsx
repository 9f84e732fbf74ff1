import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { createFakeAdminApi } from '../test/fake-admin-api';
import { fakeApiServer } from '../test/fake-api-server';
import { renderApp } from '../test/render-app';
import { setupUser } from '../test/setup-user';
import { languageStorageKey } from './i18n';

describe('language', () => {
  it('follows the browser at first, switches with the header toggle and remembers the choice', async () => {
    fakeApiServer.use(...createFakeAdminApi().handlers);
    const user = setupUser();
    const first = renderApp('/login', { language: 'detect' });

    // jsdom's navigator says en-US and nothing is stored yet.
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Switch language' }));

    expect(await screen.findByRole('button', { name: '登 录' })).toBeInTheDocument();
    expect(screen.getByLabelText('用户名')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(window.localStorage.getItem(languageStorageKey)).toBe('zh');

    first.unmount();
    renderApp('/login', { language: 'detect' });
    expect(await screen.findByRole('button', { name: '登 录' })).toBeInTheDocument();
  });
});
