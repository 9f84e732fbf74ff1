import { describe, expect, it } from 'vitest';

import { addressBucket } from './address-bucket';

describe('addressBucket', () => {
  it('puts every address of one IPv6 /64 in one bucket, whatever the spelling', () => {
    const bucket = addressBucket('2001:db8:1:2::1');
    expect(addressBucket('2001:0db8:0001:0002:ffff:ffff:ffff:fffe')).toBe(bucket);
    expect(addressBucket('[2001:DB8:1:2:abcd::9]')).toBe(bucket);
    expect(addressBucket('2001:db8:1:2::1%eth0')).toBe(bucket);
    expect(addressBucket('2001:db8:1:3::1')).not.toBe(bucket);
  });

  it('keeps IPv4 addresses apart and reads IPv4-mapped IPv6 as IPv4', () => {
    expect(addressBucket('10.0.0.1')).not.toBe(addressBucket('10.0.0.2'));
    expect(addressBucket('::ffff:10.0.0.1')).toBe(addressBucket('10.0.0.1'));
  });

  it('handles the compressed forms at either end', () => {
    expect(addressBucket('::1')).toBe('ip6:0:0:0:0::/64');
    expect(addressBucket('fe80::')).toBe('ip6:fe80:0:0:0::/64');
    expect(addressBucket('64:ff9b::192.0.2.1')).toBe('ip6:64:ff9b:0:0::/64');
  });
});
