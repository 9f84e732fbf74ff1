import { describe, expect, it } from 'vitest';

import { EnvError, readEnv } from './env';

describe('readEnv', () => {
  it('applies defaults when nothing is set', () => {
    const env = readEnv({});
    expect(env).toMatchObject({
      port: undefined,
      dataDir: 'data',
      configPath: 'configs/config.json',
      kiroApiUrl: undefined,
    });
  });

  it('reads every variable', () => {
    const env = readEnv({
      PORT: '8080',
      HOST: '127.0.0.1',
      OCTOPROXY_DATA_DIR: '/var/lib/octoproxy',
      OCTOPROXY_CONFIG: '/etc/octoproxy.json',
      OCTOPROXY_SECRET_KEY: 'k',
      OCTOPROXY_ADMIN_PASSWORD: 'pw',
      LOG_LEVEL: 'debug',
      OCTOPROXY_KIRO_API_URL: 'http://127.0.0.1:9000',
    });
    expect(env).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/octoproxy',
      configPath: '/etc/octoproxy.json',
      secretKey: 'k',
      adminPassword: 'pw',
      logLevel: 'debug',
      kiroApiUrl: 'http://127.0.0.1:9000',
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => readEnv({ PORT: 'eighty' })).toThrow(EnvError);
    expect(() => readEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => readEnv({ OCTOPROXY_KIRO_API_URL: 'ftp://x' })).toThrow(/OCTOPROXY_KIRO_API_URL/);
  });
});
