import { describe, expect, it } from 'vitest';

import { regionsOf } from './account-service';

describe('regionsOf', () => {
  it("takes an IdC token file's region as the SSO region, not the API region", () => {
    expect(
      regionsOf({ credentials: { refreshToken: 'r', region: 'ap-northeast-2' } }, 'idc'),
    ).toEqual({ apiRegion: 'us-east-1', ssoRegion: 'ap-northeast-2' });
    expect(regionsOf({ credentials: { refreshToken: 'r', region: 'eu-west-1' } }, 'idc')).toEqual({
      apiRegion: 'eu-central-1',
      ssoRegion: 'eu-west-1',
    });
  });

  it("prefers the profile ARN's region, then an explicit one", () => {
    const credentials = {
      refreshToken: 'r',
      region: 'us-east-2',
      profileArn: 'arn:aws:codewhisperer:eu-central-1:1:profile/A',
    };
    expect(regionsOf({ credentials }, 'idc')).toEqual({
      apiRegion: 'eu-central-1',
      ssoRegion: 'us-east-2',
    });
    expect(regionsOf({ credentials, region: 'us-east-1' }, 'builder-id').apiRegion).toBe(
      'us-east-1',
    );
  });

  it("keeps a social token file's region as the API region", () => {
    expect(
      regionsOf({ credentials: { refreshToken: 'r', region: 'us-east-1' } }, 'social'),
    ).toEqual({
      apiRegion: 'us-east-1',
      ssoRegion: null,
    });
  });
});
