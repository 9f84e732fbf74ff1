import { describe, expect, it } from 'vitest';

import { parseCli } from './cli-options';

describe('parseCli', () => {
  it('applies defaults', () => {
    expect(parseCli([])).toEqual({
      port: 8787,
      host: '127.0.0.1',
      accounts: 1,
      authMethods: ['social'],
      plan: 'PRO',
      strictHeaders: true,
    });
  });

  it('reads every option', () => {
    expect(
      parseCli([
        '--port=0',
        '--host',
        '0.0.0.0',
        '--accounts',
        '3',
        '--auth-method',
        'social, idc',
        '--plan',
        'FREE',
        '--first-token-delay-ms',
        '250',
        '--tokens-per-second',
        '80',
        '--token-lifetime',
        '120',
        '--seed',
        '7',
        '--no-strict-headers',
      ]),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      accounts: 3,
      authMethods: ['social', 'idc'],
      plan: 'FREE',
      firstTokenDelayMs: 250,
      tokensPerSecond: 80,
      tokenLifetime: 120,
      seed: 7,
      strictHeaders: false,
    });
  });

  it('asks for help, and refuses unknown options and bad values', () => {
    expect(parseCli(['-h'])).toBe('help');
    expect(() => parseCli(['--plan', 'GOLD'])).toThrow();
    expect(() => parseCli(['--auth-method', 'social,saml'])).toThrow();
    expect(() => parseCli(['--port', '70000'])).toThrow();
    expect(() => parseCli(['--colour'])).toThrow();
  });
});
