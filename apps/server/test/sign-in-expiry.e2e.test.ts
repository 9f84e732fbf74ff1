import { afterAll, describe, expect, it } from 'vitest';

import { settled, signInFixture, startSignInServer } from './helpers/sign-in-server';

const fixture = await signInFixture({
  deviceFlow: { pollsBeforeApproval: 1_000_000, intervalSeconds: 1, expiresInSeconds: 2 },
});
afterAll(() => fixture.close());

describe('an unapproved device code', () => {
  it('ends as expired, and polling stops', async () => {
    const running = await startSignInServer(fixture.sim, await fixture.newDataDir());
    try {
      const { session } = (await running.admin('POST', '/api/sign-in', { method: 'builder-id' }))
        .body;
      expect(session.expiresAt - session.createdAt).toBeLessThanOrEqual(2_500);
      const done = await settled(running.admin, session.id);
      expect(done.body.session).toMatchObject({ status: 'expired', account: null });
      const polls = fixture.sim.requests.count('oidcToken');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(fixture.sim.requests.count('oidcToken')).toBe(polls);
      expect((await running.admin('GET', '/api/providers')).body.providers).toEqual([]);
    } finally {
      await running.close();
    }
  });
});
