import { join } from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { databaseFileName } from '../src/runtime/open-core';
import { scriptedBackend, scriptedUpstream, textAnswer } from './helpers/scripted-upstream';
import { tempDir } from './helpers/temp-dir';
import { openTestApp } from './helpers/test-server';

const proxyUrl = 'http://octo:pr0xy-s3cret@proxy.example:8080';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(dataDir: string) {
  const app = await openTestApp({
    upstream: scriptedUpstream(scriptedBackend({ events: () => textAnswer('ok') })),
    dataDir,
  });
  return app;
}

/** What the database file itself holds, read around the server. */
function storedProxyUrls(dataDir: string): (string | null)[] {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true });
  try {
    const rows = db.prepare('select proxy_url from accounts').all() as {
      proxy_url: string | null;
    }[];
    return rows.map((row) => row.proxy_url);
  } finally {
    db.close();
  }
}

const newAccount = {
  name: 'proxied',
  authMethod: 'social' as const,
  region: 'us-east-1',
  encryptedCredentials: 'not-read-here',
};

describe('per-account proxy URL at rest', () => {
  it('is sealed in the database and plain to the server', async () => {
    const dir = await tempDir('proxy-url');
    cleanups.push(() => dir.remove());
    const app = await open(dir.path);
    cleanups.push(() => app.core.storage.close());
    const created = await app.core.storage.accounts.create({ ...newAccount, proxyUrl });
    expect(created.proxyUrl).toBe(proxyUrl);
    expect((await app.core.storage.accounts.get(created.id))?.proxyUrl).toBe(proxyUrl);
    const changed = 'socks5://octo:an0ther-s3cret@proxy.example:1080';
    await app.core.storage.accounts.update(created.id, { proxyUrl: changed });
    expect((await app.core.storage.accounts.listAll())[0]?.proxyUrl).toBe(changed);
    await app.core.storage.flush();
    const [stored] = storedProxyUrls(dir.path);
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain('s3cret');
    expect(stored).not.toContain('proxy.example');
  });

  it('seals a URL an earlier version stored in plain text when the server opens', async () => {
    const dir = await tempDir('proxy-url-old');
    cleanups.push(() => dir.remove());
    const first = await open(dir.path);
    const { id } = await first.core.storage.accounts.create(newAccount);
    await first.core.storage.close();
    const db = new Database(join(dir.path, databaseFileName));
    db.prepare('update accounts set proxy_url = ? where id = ?').run(proxyUrl, id);
    db.close();

    const second = await open(dir.path);
    cleanups.push(() => second.core.storage.close());
    expect((await second.core.storage.accounts.get(id))?.proxyUrl).toBe(proxyUrl);
    await second.core.storage.flush();
    expect(storedProxyUrls(dir.path)[0]).toMatch(/^v1\./);
  });
});
