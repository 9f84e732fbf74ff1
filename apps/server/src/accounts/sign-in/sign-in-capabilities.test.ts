import { describe, expect, it } from 'vitest';

import { signInCapabilities } from './sign-in-capabilities';

describe('signInCapabilities', () => {
  it('offers the loopback callback only to a server that listens on loopback', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]']) {
      expect(signInCapabilities(host).loopbackCallback).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'gateway.example.com']) {
      const answer = signInCapabilities(host);
      expect(answer.loopbackCallback).toBe(false);
      expect(answer.reason).toMatch(/paste/);
    }
  });

  it('lets the admin decide with OCTOPROXY_SIGN_IN_CALLBACK', () => {
    expect(signInCapabilities('0.0.0.0', 'loopback').loopbackCallback).toBe(true);
    expect(signInCapabilities('127.0.0.1', 'paste').loopbackCallback).toBe(false);
  });
});
