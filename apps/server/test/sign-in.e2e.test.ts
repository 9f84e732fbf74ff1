import { afterAll, afterEach, describe, expect, it } from 'vitest';

import {
  settled,
  signInFixture,
  startSignInServer,
  type SignInServer,
} from './helpers/sign-in-server';

const fixture = await signInFixture({
  deviceFlow: { pollsBeforeApproval: 1_000_000, intervalSeconds: 1, enforceInterval: true },
});
const open: SignInServer[] = [];
afterEach(async () => {
  for (const server of open.splice(0)) await server.close();
  fixture.sim.reset();
});
afterAll(() => fixture.close());

async function server(): Promise<SignInServer> {
  const started = await startSignInServer(fixture.sim, fixture.dataDir);
  open.push(started);
  return started;
}

describe('Builder ID device code', () => {
  it('shows the user code, polls at the service pace, and adds the approved account by its e-mail', async () => {
    const { admin } = await server();
    const started = await admin('POST', '/api/sign-in', { method: 'builder-id' });
    expect(started.status).toBe(201);
    const session = started.body.session;
    expect(session).toMatchObject({
      method: 'builder-id',
      flow: 'device-code',
      status: 'pending',
      ssoRegion: 'us-east-1',
      pollIntervalSeconds: 1,
    });
    expect(session.userCode).toMatch(/^[A-Z0-9-]+$/);
    expect(session.verificationUriComplete).toContain(session.userCode);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(fixture.sim.requests.count('oidcToken')).toBeGreaterThanOrEqual(1);
    fixture.sim.approveDeviceAuthorization(session.userCode, {
      email: 'builder@example.com',
      plan: 'PRO',
    });
    const done = await settled(admin, session.id);
    expect(done.body.session).toMatchObject({
      status: 'completed',
      account: { name: 'builder@example.com', email: 'builder@example.com', plan: 'KIRO PRO' },
    });
    const providers = await admin('GET', '/api/providers');
    expect(providers.body.providers).toHaveLength(1);
    expect(providers.body.providers[0]).toMatchObject({
      name: 'builder@example.com',
      authMethod: 'builder-id',
      region: 'us-east-1',
      ssoRegion: 'us-east-1',
    });
    expect(providers.body.providers[0].entitlements).toContain('claude-sonnet-4.5');
    const tokenPolls = fixture.sim.requests.entries('oidcToken');
    expect(tokenPolls.some((entry) => entry.error?.detail === 'slow_down')).toBe(false);
  });
});
