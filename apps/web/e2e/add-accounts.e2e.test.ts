import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startKiroSimulator, type KiroSimulator } from '@octoproxy/kiro-simulator';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openAsAdmin } from './admin-page';
import { launchChromium } from './launch-chromium';
import { startGateway, type RunningGateway } from './start-gateway';

/**
 * Every way of adding an account, in Chromium, against the real server whose Kiro is a simulator
 * this test drives: it approves device codes the way a person would on AWS's page, and plays the
 * browser that lands on Kiro's final sign-in address.
 */
let sim: KiroSimulator;
let browser: Awaited<ReturnType<typeof launchChromium>>;
const gateways: RunningGateway[] = [];

async function gatewayOnSimulator(env: Record<string, string> = {}): Promise<RunningGateway> {
  const gateway = await startGateway({
    env: {
      OCTOPROXY_KIRO_API_URL: sim.apiUrl,
      OCTOPROXY_KIRO_AUTH_URL: sim.authUrl,
      OCTOPROXY_KIRO_OIDC_URL: sim.oidcUrl,
      ...env,
    },
  });
  gateways.push(gateway);
  return gateway;
}

beforeAll(async () => {
  browser = await launchChromium();
  // Device codes wait for the test's approval (never approved by polling alone).
  sim = await startKiroSimulator({
    deviceFlow: { pollsBeforeApproval: 1_000_000, intervalSeconds: 1 },
  });
  // The page opens AWS's and Kiro's sign-in pages in new tabs; here those tabs must not sign in
  // (opening the simulator's device page approves the code).
  await browser.context.route(/\/(device\?|login\?idp=)/, (route) => route.abort());
});
afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  await browser?.close();
  await sim?.close();
});

/** The Add account dialog, at the choice named `choice`. */
async function chooseAddAccount(page: Page, choice: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Add account' }).first().click();
  const dialog = page.getByRole('dialog').filter({ hasText: 'Import an export bundle' });
  await dialog.getByRole('button', { name: new RegExp(choice) }).click();
  return page.getByRole('dialog');
}

/** After "Done", the accounts table lists the account by this name. */
async function expectAccountRow(page: Page, name: string, dialog: Locator) {
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('row').filter({ hasText: name }).first().waitFor();
}

async function userCodeShown(dialog: Locator): Promise<string> {
  const code = dialog.getByLabel('Your code');
  await code.waitFor();
  const text = (await code.textContent())?.trim() ?? '';
  expect(text).toMatch(/^[A-Z0-9]{4}-?[A-Z0-9]{4}$/);
  return text;
}

describe('adding Kiro accounts from the dashboard', () => {
  let gateway: RunningGateway;
  let page: Page;
  let home: string;
  beforeAll(async () => {
    // The server's home folder holds a Kiro IDE login, as on a developer's machine.
    home = await mkdtemp(path.join(tmpdir(), 'octoproxy-e2e-home-'));
    const ideLogin = sim.addAccount({ authMethod: 'social', email: 'ide@example.com' });
    await mkdir(path.join(home, '.aws/sso/cache'), { recursive: true });
    await writeFile(
      path.join(home, '.aws/sso/cache/kiro-auth-token.json'),
      JSON.stringify(ideLogin.tokenFile),
    );
    gateway = await gatewayOnSimulator({ HOME: home, USERPROFILE: home });
    page = await openAsAdmin(browser.context, gateway, '/providers');
    await page.getByRole('heading', { name: 'Accounts' }).waitFor();
  });
  afterAll(() => rm(home, { recursive: true, force: true }));

  it('fits a 390 px wide phone: every choice and a sign-in form without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const dialog = await chooseAddAccount(page, 'IAM Identity Center');
      await dialog.getByLabel('Start URL').waitFor();
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        dialog: document.querySelector('.ant-modal-container')?.getBoundingClientRect().right ?? 0,
      }));
      expect(widths.page).toBeLessThanOrEqual(390);
      expect(widths.dialog).toBeLessThanOrEqual(390);
      await dialog.getByRole('button', { name: 'Back' }).click();
      for (const choice of ['Google', 'Kiro API key', 'Import an export bundle']) {
        await dialog.getByRole('button', { name: new RegExp(choice) }).waitFor();
      }
      await dialog.getByRole('button', { name: 'Close' }).click();
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('AWS Builder ID: shows the code until it is approved, then the account by its e-mail', async () => {
    const dialog = await chooseAddAccount(page, 'AWS Builder ID');
    await dialog.getByRole('button', { name: 'Get a sign-in code' }).click();
    const userCode = await userCodeShown(dialog);
    await dialog.getByText('Kiro is asked every 1 s.', { exact: false }).waitFor();
    await dialog.getByText('us-east-1').first().waitFor();
    // Still waiting: nothing approves the code but the person at AWS's page.
    await page.waitForTimeout(2500);
    expect(await dialog.getByLabel('Your code').count()).toBe(1);

    sim.approveDeviceAuthorization(userCode, { email: 'builder@example.com', plan: 'PRO' });
    await dialog.getByText('Account added').waitFor({ timeout: 30_000 });
    await dialog.getByText('builder@example.com').first().waitFor();
    await expectAccountRow(page, 'builder@example.com', dialog);
  });

  it('Google: finishes with the address the browser landed on, pasted back', async () => {
    const before = new Set(sim.accounts().map((account) => account.id));
    const dialog = await chooseAddAccount(page, 'Google');
    await dialog.getByLabel('I paste the final address here').check();
    await dialog.getByRole('button', { name: 'Sign in with Google' }).click();
    const link = dialog.getByRole('link', { name: 'Open the Google sign-in page' });
    const authUrl = await link.getAttribute('href');
    if (authUrl === null) throw new Error('no sign-in link');

    // The browser at Kiro's page: it signs in and is sent to kiro://…, which does not load.
    const redirect = await fetch(authUrl, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const landed = redirect.headers.get('location') ?? '';
    expect(landed).toMatch(/^kiro:\/\/kiro\.kiroAgent\/authenticate-success\?.*code=.*state=/);
    await dialog.getByLabel('The address the browser landed on').fill(landed);
    await dialog.getByRole('button', { name: 'Finish sign-in' }).click();

    await dialog.getByText('Account added').waitFor({ timeout: 30_000 });
    const email = sim.accounts().find((account) => !before.has(account.id))?.email;
    expect(email).toMatch(/@example\.com$/);
    await expectAccountRow(page, email ?? '', dialog);
  });

  it('IAM Identity Center in eu-west-1: device code, both regions shown', async () => {
    const dialog = await chooseAddAccount(page, 'IAM Identity Center');
    await dialog.getByLabel('Start URL').fill('https://acme.awsapps.com/start');
    await dialog.getByLabel('SSO region').click();
    await page.keyboard.type('eu-west-1');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Start sign-in' }).click();
    const userCode = await userCodeShown(dialog);
    await dialog.getByText('eu-west-1').first().waitFor();

    sim.approveDeviceAuthorization(userCode, { email: 'dev@acme.example', plan: 'POWER' });
    await dialog.getByText('Account added').waitFor({ timeout: 30_000 });
    await dialog.getByText('SSO region').waitFor();
    await dialog.getByText('eu-west-1').first().waitFor();
    await dialog.getByText('API region').waitFor();
    await dialog.getByText('eu-central-1').first().waitFor();
    await expectAccountRow(page, 'dev@acme.example', dialog);
  });

  it('imports two token files at once and reports each entry', async () => {
    const first = sim.addAccount({ authMethod: 'social', email: 'first@example.com' });
    const second = sim.addAccount({ authMethod: 'social', email: 'second@example.com' });
    const dialog = await chooseAddAccount(page, 'Import token files');
    await dialog.locator('input[type=file]').setInputFiles([
      {
        name: 'first.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(first.tokenFile)),
      },
      {
        name: 'second.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(second.tokenFile)),
      },
      {
        name: 'notes.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"hello":"world"}'),
      },
    ]);
    await dialog.getByRole('button', { name: 'Import 3 files' }).click();

    await dialog.getByText('2 added, 0 updated, 0 already there, 1 not imported.').waitFor({
      timeout: 60_000,
    });
    const rows = dialog.getByRole('row');
    await rows.filter({ hasText: 'first.json' }).filter({ hasText: 'Added' }).waitFor();
    await rows.filter({ hasText: 'second.json' }).filter({ hasText: 'Added' }).waitFor();
    const invalid = rows.filter({ hasText: 'notes.json' });
    await invalid.filter({ hasText: 'Not imported' }).waitFor();
    expect((await invalid.textContent())?.length ?? 0).toBeGreaterThan(
      'notes.jsonNot imported'.length,
    );
    await expectAccountRow(page, 'second@example.com', dialog);
  });

  it('imports the Kiro IDE login found on the server’s machine', async () => {
    const dialog = await chooseAddAccount(page, 'Import from this machine');
    const row = dialog.getByRole('row').filter({ hasText: 'kiro-auth-token.json' });
    await row.filter({ hasText: 'Usable' }).waitFor();
    expect(await row.textContent()).not.toContain('aor');
    await dialog.getByRole('button', { name: 'Import 1 selected' }).click();
    await dialog.getByText('1 added', { exact: false }).waitFor({ timeout: 60_000 });
    await expectAccountRow(page, 'ide@example.com', dialog);
  });
});

describe('moving accounts to another gateway', () => {
  it('exports them encrypted, then imports the bundle with the passphrase', async () => {
    const from = await gatewayOnSimulator();
    const account = sim.addAccount({ authMethod: 'social', email: 'moved@example.com' });
    const fromPage = await openAsAdmin(browser.context, from, '/providers');
    const dialog = await chooseAddAccount(fromPage, 'Import token files');
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'kiro-auth-token.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(account.tokenFile)),
    });
    await dialog.getByRole('button', { name: 'Import 1 file' }).click();
    await dialog.getByText('1 added', { exact: false }).waitFor({ timeout: 60_000 });
    await expectAccountRow(fromPage, 'moved@example.com', dialog);

    await fromPage.getByRole('button', { name: 'Export' }).click();
    const exporting = fromPage.getByRole('dialog').filter({ hasText: 'Export accounts' });
    await exporting.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple');
    await exporting.getByLabel('Repeat the passphrase').fill('correct horse battery staple');
    const [download] = await Promise.all([
      fromPage.waitForEvent('download'),
      exporting.getByRole('button', { name: 'Export and download' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^octoproxy-accounts-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = await download.path();
    const bundle = JSON.parse(await readFile(saved, 'utf8')) as Record<string, unknown>;
    expect(bundle).toMatchObject({ format: 'octoproxy-accounts', version: 1 });
    expect(JSON.stringify(bundle)).not.toContain(account.credentials.refreshToken);

    const to = await gatewayOnSimulator();
    const toPage = await openAsAdmin(browser.context, to, '/providers');
    const importing = await chooseAddAccount(toPage, 'Import an export bundle');
    await importing.locator('input[type=file]').setInputFiles(saved);
    await importing.getByText('Chosen:', { exact: false }).waitFor();
    await importing.getByLabel('Passphrase').fill('not the passphrase');
    await importing.getByRole('button', { name: 'Import', exact: true }).click();
    await importing
      .getByRole('alert')
      .filter({ hasText: /passphrase/i })
      .waitFor();

    await importing.getByLabel('Passphrase').fill('correct horse battery staple');
    await importing.getByRole('button', { name: 'Import', exact: true }).click();
    await importing.getByText('1 added', { exact: false }).waitFor({ timeout: 60_000 });
    await expectAccountRow(toPage, 'moved@example.com', importing);
  });
});
