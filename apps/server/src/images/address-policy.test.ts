import { describe, expect, it } from 'vitest';

import { AddressPolicy } from './address-policy';

describe('AddressPolicy', () => {
  const strict = new AddressPolicy([]);

  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00:ec2::254',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(strict.allows(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])('allows %s', (address) => {
    expect(strict.allows(address)).toBe(true);
  });

  it('lets the allow-list open ranges, single addresses and host names', () => {
    const policy = new AddressPolicy(['10.1.0.0/16', '127.0.0.1', 'cdn.intranet']);
    expect(policy.allows('10.1.200.3')).toBe(true);
    expect(policy.allows('10.2.0.1')).toBe(false);
    expect(policy.allows('127.0.0.1')).toBe(true);
    expect(policy.allows('::ffff:127.0.0.1')).toBe(true);
    expect(policy.isHostAllowListed('CDN.intranet')).toBe(true);
    expect(policy.isHostAllowListed('cdn.internet')).toBe(false);
  });
});
