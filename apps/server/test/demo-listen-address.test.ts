import { describe, expect, it } from 'vitest';

import { readEnv } from '../src/env';
import { startDemo } from '../src/runtime/demo/start-demo';

describe('demo mode', () => {
  it('listens on loopback only unless told otherwise: its admin password is printed', async () => {
    const demo = await startDemo({
      env: readEnv({ OCTOPROXY_CONFIG: 'no-such-config.json', LOG_LEVEL: 'silent' }),
      webDistDir: undefined,
      port: 0,
      print: () => undefined,
    });
    try {
      expect(demo.url).toBe(`http://127.0.0.1:${demo.port}`);
    } finally {
      await demo.close();
    }
  });

  it('binds where HOST says', async () => {
    const demo = await startDemo({
      env: readEnv({
        OCTOPROXY_CONFIG: 'no-such-config.json',
        HOST: '0.0.0.0',
        LOG_LEVEL: 'silent',
      }),
      webDistDir: undefined,
      port: 0,
      print: () => undefined,
    });
    try {
      expect(demo.url).toBe(`http://localhost:${demo.port}`);
    } finally {
      await demo.close();
    }
  });
});
