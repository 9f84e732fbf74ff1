import { afterEach, describe, expect, it } from 'vitest';

import { launchChromium } from './launch-chromium';
import { startGateway, type RunningGateway } from './start-gateway';

describe('admin UI against the real server', () => {
  let gateway: RunningGateway | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  afterEach(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  it('logs in, changes the default password, creates an API key and shows the dashboard', async () => {
    // Inside the test, so a missing Chromium or build is a failed test, not a skipped one.
    browser = await launchChromium();
    gateway = await startGateway();
    const page = await browser.context.newPage();
    const problems: string[] = [];
    let loggedIn = false;
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // The browser logs the expected 401 of the session probe made before logging in.
      const expected = /status of 401/.test(message.text()) && problems.length === 0 && !loggedIn;
      if (message.type() === 'error' && !expected)
        problems.push(`console error: ${message.text()}`);
    });

    // A deep link: the server's history fallback serves the SPA, which sends us to log in.
    await page.goto(`${gateway.url}/api-keys`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('admin123');
    await page.getByRole('button', { name: 'Log in' }).click();
    loggedIn = true;

    // The bootstrap admin must choose a password before anything else.
    await page.getByText('Choose a new password').waitFor();
    await page.getByLabel('Current password').fill('admin123');
    await page.getByLabel('New password', { exact: true }).fill('a much better passphrase');
    await page.getByLabel('Repeat the new password').fill('a much better passphrase');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // Back at the page asked for, now allowed.
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/api-keys');
    await page.getByRole('button', { name: 'Create API key' }).first().click();
    const form = page.getByRole('dialog').filter({ hasText: 'Daily request limit' });
    await form.getByLabel('Name').fill('e2e key');
    await form.getByRole('button', { name: 'Create' }).click();

    const shown = page.getByRole('dialog').filter({ hasText: 'will never be shown again' });
    const key = await shown.getByLabel('The new API key').inputValue();
    expect(key).toMatch(/^sk-octo-/);
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(key);

    // The key works against the real proxy API.
    const models = await fetch(`${gateway.url}/v1/models`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(models.status).toBe(200);

    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await page.getByText('Active API keys').waitFor();
    await page.getByText('Requests and errors').waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard');

    // A reload keeps the session (HttpOnly cookie) and the deep link.
    await page.reload();
    await page.getByText('Active API keys').waitFor();
    expect(problems).toEqual([]);
  });
});
