import { describe, expect, it } from 'vitest';

import { isAwsRegion, isStartUrl, ssoRegions } from './sso-regions';

describe('IAM Identity Center form checks', () => {
  it('accepts every listed region and newer well-formed ones, nothing else', () => {
    for (const region of ssoRegions) expect(isAwsRegion(region)).toBe(true);
    expect(isAwsRegion('ap-southeast-9')).toBe(true);
    expect(isAwsRegion('us-gov-east-1')).toBe(true);
    for (const bad of ['', 'us-east', 'US-EAST-1', 'eu-west-1 ', 'eu_west_1', 'frankfurt']) {
      expect(isAwsRegion(bad)).toBe(false);
    }
  });

  it('wants an https start URL with a real host', () => {
    expect(isStartUrl('https://acme.awsapps.com/start')).toBe(true);
    expect(isStartUrl('  https://d-1234567890.awsapps.com/start/#/  ')).toBe(true);
    expect(isStartUrl('http://acme.awsapps.com/start')).toBe(false);
    expect(isStartUrl('acme.awsapps.com/start')).toBe(false);
    expect(isStartUrl('https://localhost/start')).toBe(false);
  });
});
