import type { BrowserContext, Page } from 'playwright-core';

import type { RunningGateway } from './start-gateway';

export const adminPassword = 'a much better passphrase';

/**
 * Chooses the bootstrap admin's password through the API (the forced change has its own test in
 * smoke.e2e.test.ts), then logs in in the browser and opens `path`.
 */
export async function openAsAdmin(
  context: BrowserContext,
  gateway: RunningGateway,
  path: string,
): Promise<Page> {
  const json = { 'content-type': 'application/json' };
  const login = await fetch(`${gateway.url}/api/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username: 'admin', password: 'admin123' }),
  });
  if (login.ok) {
    const { token } = (await login.json()) as { token: string };
    const changed = await fetch(`${gateway.url}/api/me/password`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${token}` },
      body: JSON.stringify({ currentPassword: 'admin123', newPassword: adminPassword }),
    });
    if (!changed.ok) throw new Error(`password change: ${changed.status} ${await changed.text()}`);
  }
  const page = await context.newPage();
  await page.goto(`${gateway.url}/login`);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(adminPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.goto(`${gateway.url}${path}`);
  return page;
}
