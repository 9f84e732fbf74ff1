import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, it } from 'vitest';

import { launchChromium } from './launch-chromium';
import { startGateway, type RunningGateway } from './start-gateway';

/**
 * Not a test: screenshots of every page in both languages and both themes, against the demo server
 * with some traffic, for reviewing the look (`pnpm --filter @octoproxy/web screenshots`).
 */
const outDir = process.env.SCREENSHOTS_DIR ?? path.join(tmpdir(), 'octoproxy-screenshots');
const pages = ['dashboard', 'providers', 'api-keys', 'logs', 'users', 'settings', 'integration'];

let gateway: RunningGateway;
beforeAll(async () => {
  gateway = await startGateway({ demo: true });
  const login = await fetch(`${gateway.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'octoproxy-demo' }),
  });
  const { token } = (await login.json()) as { token: string };
  const admin = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created = await fetch(`${gateway.url}/api/api-keys`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ name: 'Laptop – Claude Code', dailyLimit: 500 }),
  });
  const { apiKey } = (await created.json()) as { apiKey: { key: string } };
  await fetch(`${gateway.url}/api/api-keys`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({
      name: 'CI',
      rateLimitPerMinute: 60,
      allowedModels: ['claude-sonnet-4.5'],
    }),
  });
  for (const [index, text] of ['hello', 'sim: words 40', 'sim: think about it', 'hi'].entries()) {
    await fetch(`${gateway.url}/v1/messages`, {
      method: 'POST',
      headers: {
        'x-api-key': apiKey.key,
        'content-type': 'application/json',
        'anthropic-version': '2023-06-01',
      },
      body: JSON.stringify({
        model: index === 3 ? 'no-such-model' : 'claude-sonnet-4.5',
        max_tokens: 200,
        stream: index % 2 === 0,
        messages: [{ role: 'user', content: text }],
      }),
    }).then((response) => response.text());
  }
  await fetch(`${gateway.url}/api/users`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ username: 'alice', password: 'alice-password-1', role: 'user' }),
  });
  await mkdir(outDir, { recursive: true });
}, 120_000);
afterAll(async () => gateway?.stop());

it('a user who is not an admin', async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${gateway.url}/login`);
    await page.locator('#username').fill('alice');
    await page.locator('#password').fill('alice-password-1');
    await page.locator('button[type=submit]').click();
    await page.waitForURL('**/dashboard');
    await page.waitForTimeout(1500);
    await page.screenshot({
      path: path.join(outDir, 'user-dashboard-en-light.png'),
      fullPage: true,
    });
    await page.goto(`${gateway.url}/settings`);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(outDir, 'user-settings-en-light.png') });
  } finally {
    await browser.close();
  }
}, 120_000);

for (const language of ['en', 'zh'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    it(`${language} ${theme}`, async () => {
      const browser = await launchChromium({ locale: language === 'zh' ? 'zh-CN' : 'en-US' });
      try {
        const page = await browser.context.newPage();
        await page.goto(`${gateway.url}/login`);
        await page.evaluate(
          ([lang, mode]) => {
            localStorage.setItem('octoproxy.language', lang);
            localStorage.setItem('octoproxy.theme', mode);
          },
          [language, theme] as const,
        );
        await page.reload();
        await page.waitForTimeout(800);
        await page.screenshot({ path: path.join(outDir, `login-${language}-${theme}.png`) });
        await page.locator('#username').fill('admin');
        await page.locator('#password').fill('octoproxy-demo');
        await page.locator('button[type=submit]').click();
        await page.waitForURL('**/dashboard');
        for (const name of pages) {
          await page.goto(`${gateway.url}/${name}`);
          await page.waitForLoadState('networkidle');
          await page.waitForTimeout(1200);
          await page.screenshot({
            path: path.join(outDir, `${name}-${language}-${theme}.png`),
            fullPage: true,
          });
        }
        await page.goto(`${gateway.url}/providers`);
        await page.locator('button.ant-btn-primary').first().click();
        await page.waitForTimeout(800);
        await page.screenshot({ path: path.join(outDir, `add-account-${language}-${theme}.png`) });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(`${gateway.url}/dashboard`);
        await page.waitForTimeout(1500);
        await page.screenshot({
          path: path.join(outDir, `mobile-${language}-${theme}.png`),
          fullPage: true,
        });
      } finally {
        await browser.close();
      }
    }, 180_000);
  }
}
