import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { fakeProvider } from '../../test/fake-admin-api';
import { fakeNow } from '../../test/fake-fixtures';
import { renderAsAdmin } from '../../test/render-as-admin';

const minute = 60_000;

function rowOf(name: string): HTMLElement {
  const row = screen.getByText(name).closest('tr');
  if (row === null) throw new Error(`no row for ${name}`);
  return row;
}

describe('accounts table: state the admin can trust', () => {
  it('shows why an account is out, its last error and when, and who needs a new sign-in', async () => {
    const { api } = renderAsAdmin('/providers');
    api.state.providers = [
      fakeProvider({
        id: 'acc-dns',
        name: 'Wrong region',
        region: 'us-east-2',
        apiRegion: 'us-east-2',
        healthState: 'unhealthy',
        healthReason: 'unknown_host',
        errorCount: 2,
        lastError:
          "The account's API region us-east-2 has no Kiro API host: q.us-east-2.amazonaws.com does not resolve.",
        lastErrorAt: Date.now() - 5 * minute,
      }),
      fakeProvider({
        id: 'acc-revoked',
        name: 'Revoked',
        email: 'revoked@example.com',
        healthState: 'unhealthy',
        healthReason: 'refresh_revoked',
        needsSignIn: true,
      }),
    ];

    const wrong = await screen.findByText('Wrong region');
    const row = within(wrong.closest('tr') as HTMLElement);
    expect(row.getByText('Unhealthy')).toBeInTheDocument();
    expect(row.getByText('Its API region has no Kiro host')).toBeInTheDocument();
    expect(row.getByText('us-east-2')).toBeInTheDocument();
    expect(row.getByText(/us-east-2 has no Kiro API host/)).toBeInTheDocument();
    expect(row.getByText('5 minutes ago')).toBeInTheDocument();
    expect(within(rowOf('Revoked')).getByText('Needs sign-in')).toBeInTheDocument();
    expect(within(rowOf('Revoked')).queryByText('Unhealthy')).toBeNull();
  });

  it('shows every credit pool with its dates and Kiro’s plan name in the details', async () => {
    const { api, user } = renderAsAdmin('/providers');
    api.state.providers = [
      fakeProvider({
        name: 'Free with extras',
        plan: 'FREE',
        planTier: 'KIRO FREE',
        usage: {
          used: 60,
          limit: 800,
          pools: [
            {
              kind: 'base',
              name: 'KIRO FREE',
              used: 50,
              limit: 50,
              resetsAt: Date.UTC(2026, 1, 1),
              expiresAt: null,
              status: 'active',
            },
            {
              kind: 'free-trial',
              name: 'Free trial',
              used: 7.25,
              limit: 500,
              resetsAt: null,
              expiresAt: Date.UTC(2026, 0, 29),
              status: 'active',
            },
            {
              kind: 'bonus',
              name: 'Launch bonus',
              used: 3,
              limit: 250,
              resetsAt: null,
              expiresAt: Date.UTC(2026, 2, 1),
              status: 'active',
            },
            {
              kind: 'bonus',
              name: 'Old bonus',
              used: 50,
              limit: 50,
              resetsAt: null,
              expiresAt: fakeNow - 10 * 24 * 60 * minute,
              status: 'expired',
            },
          ],
        },
      }),
    ];

    const name = await screen.findByText('Free with extras');
    const row = within(name.closest('tr') as HTMLElement);
    expect(row.getByText('KIRO FREE')).toBeInTheDocument();
    await user.click(row.getByRole('button', { name: /expand/i }));
    const pools = await screen.findAllByTestId('credit-pool');
    expect(pools.map((pool) => pool.textContent)).toEqual([
      expect.stringMatching(/^Monthly\s*KIRO FREE\s*50 \/ 50.*resets 2026/),
      expect.stringMatching(/^Free trial\s*Free trial\s*7\.25 \/ 500.*expires 2026/),
      expect.stringMatching(/^Bonus\s*Launch bonus\s*3 \/ 250.*expires 2026/),
      expect.stringMatching(/^Bonus\s*Old bonus\s*50 \/ 50\s*expired\s*expired 2026/),
    ]);
  });

  it('opens the details of the account a request-log link names', async () => {
    const { api } = renderAsAdmin('/providers?account=acc-linked');
    api.state.providers = [
      fakeProvider({ id: 'acc-other', name: 'Other' }),
      fakeProvider({
        id: 'acc-linked',
        name: 'Linked',
        authMethod: 'idc',
        ssoRegion: 'us-east-2',
        startUrl: 'https://d-9067000000.awsapps.com/start',
      }),
    ];
    expect(await screen.findByText('https://d-9067000000.awsapps.com/start')).toBeInTheDocument();
    expect(screen.getAllByText('Start URL')).toHaveLength(1);
  });

  it('shows a state the server changed within seconds, without a click', async () => {
    const { api } = renderAsAdmin('/providers');
    api.state.providers = [fakeProvider({ name: 'Flaky' })];
    const name = await screen.findByText('Flaky');
    expect(within(name.closest('tr') as HTMLElement).getByText('Healthy')).toBeInTheDocument();

    // A request failed on the server just now.
    api.state.providers = [
      fakeProvider({
        name: 'Flaky',
        healthState: 'unhealthy',
        healthReason: 'unknown_host',
        errorCount: 1,
        lastError: 'q.us-east-2.amazonaws.com does not resolve.',
        lastErrorAt: Date.now(),
      }),
    ];
    const unhealthy = await screen.findByText('Unhealthy', undefined, { timeout: 4_000 });
    expect(unhealthy.closest('tr')).toHaveTextContent('does not resolve');
  });
});
