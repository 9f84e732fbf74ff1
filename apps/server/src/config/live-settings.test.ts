import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { defaultConfig } from './config-schema';
import { envConfigLayer, LiveSettings, MemorySettingsStore } from './live-settings';
import { loadConfigFile } from './load-config-file';
import { ConfigError, parseConfigPatch } from './parse-config-patch';

async function configFile(content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'octoproxy-config-'));
  const path = join(dir, 'config.json');
  await writeFile(path, content);
  return path;
}

describe('config file', () => {
  it('treats a missing file as all defaults', async () => {
    const loaded = await loadConfigFile('/nonexistent/octoproxy/config.json');
    expect(loaded).toEqual({ patch: {}, ignoredKeys: [], found: false });
  });

  it('accepts the original keys and ignores retired and unknown ones', async () => {
    const path = await configFile(
      JSON.stringify({
        port: 9091,
        adminPassword: 'admin123',
        requestBaseDelay: 1000,
        providerStrategy: 'round_robin',
      }),
    );
    const loaded = await loadConfigFile(path);
    expect(loaded.patch).toEqual({ port: 9091, providerStrategy: 'round_robin' });
    expect(loaded.ignoredKeys).toEqual(['adminPassword', 'requestBaseDelay']);
  });

  it('names the bad key and the file', async () => {
    const path = await configFile(JSON.stringify({ healthCheckIntervalMinutes: 'ten' }));
    await expect(loadConfigFile(path)).rejects.toThrow(ConfigError);
    await expect(loadConfigFile(path)).rejects.toThrow(
      new RegExp(`${path}.*"healthCheckIntervalMinutes"`),
    );
  });

  it('reports a file that is not JSON', async () => {
    const path = await configFile('{ port: 1 ');
    await expect(loadConfigFile(path)).rejects.toThrow(/not valid JSON/);
  });

  it('rejects unknown keys from the admin API', () => {
    expect(() =>
      parseConfigPatch({ retrys: 2 }, { source: 'the request body', unknownKeys: 'reject' }),
    ).toThrow(/"retrys": unknown setting/);
  });
});

describe('LiveSettings', () => {
  it('layers env over stored settings over the file over defaults', async () => {
    const store = new MemorySettingsStore();
    await store.save({ retries: 5, port: 7000, keepaliveIntervalSeconds: 3 });
    const settings = await LiveSettings.open({
      file: { retries: 1, maxErrorCount: 9, port: 6000 },
      env: envConfigLayer({ port: 8000, host: undefined, logLevel: undefined }),
      store,
    });
    expect(settings.current).toMatchObject({
      port: 8000,
      retries: 5,
      maxErrorCount: 9,
      keepaliveIntervalSeconds: 3,
      host: defaultConfig.host,
    });
    expect(settings.overriddenByEnv).toEqual(['port']);
  });

  it('applies and persists updates live and tells listeners what changed', async () => {
    const store = new MemorySettingsStore();
    const settings = await LiveSettings.open({ file: {}, env: { host: '127.0.0.1' }, store });
    const seen: string[][] = [];
    settings.onChange((_config, changed) => seen.push(changed));
    const result = await settings.update({ providerStrategy: 'weighted', port: 1234, host: 'x' });
    expect(settings.current.providerStrategy).toBe('weighted');
    expect(settings.current.host).toBe('127.0.0.1');
    expect(result.restartRequired).toEqual(['port']);
    expect(result.overriddenByEnv).toEqual(['host']);
    expect(seen).toEqual([['port', 'providerStrategy']]);
    expect(await store.load()).toEqual({ providerStrategy: 'weighted', port: 1234, host: 'x' });
  });

  it('keeps the old values when an update is invalid', async () => {
    const settings = await LiveSettings.open({
      file: {},
      env: {},
      store: new MemorySettingsStore(),
    });
    await expect(settings.update({ retries: -1 })).rejects.toThrow(/"retries"/);
    expect(settings.current.retries).toBe(defaultConfig.retries);
  });
});

describe('configs/config.example.json', () => {
  it('lists every setting with a valid value', async () => {
    const path = new URL('../../../../configs/config.example.json', import.meta.url).pathname;
    const loaded = await loadConfigFile(path);
    expect(loaded.ignoredKeys).toEqual([]);
    expect(Object.keys(loaded.patch).sort()).toEqual(Object.keys(defaultConfig).sort());
  });
});
