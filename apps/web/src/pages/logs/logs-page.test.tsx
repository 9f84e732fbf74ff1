import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { RequestLog } from '../../api/api-types';
import { fakeProvider } from '../../test/fake-admin-api';
import { fakeNow } from '../../test/fake-fixtures';
import { renderAsAdmin } from '../../test/render-as-admin';

function log(overrides: Partial<RequestLog>): RequestLog {
  return {
    id: 1,
    createdAt: fakeNow,
    requestId: 'req_1',
    apiKeyId: null,
    userId: null,
    accountId: null,
    route: '/v1/messages',
    modelRequested: 'claude-sonnet-4-6',
    modelSent: 'claude-sonnet-4.6',
    stream: true,
    status: 200,
    errorClass: null,
    errorCode: null,
    errorMessage: null,
    inputTokens: 10,
    outputTokens: 5,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    credits: null,
    latencyMs: 900,
    firstByteMs: 400,
    attemptCount: 0,
    attempts: [],
    adaptations: [],
    clientIp: null,
    userAgent: null,
    ...overrides,
  };
}

describe('request log', () => {
  it('names every account a request tried, how each attempt ended, and links to the account', async () => {
    const { api, user } = renderAsAdmin('/logs');
    api.state.providers = [
      fakeProvider({ id: 'acc-broken', name: 'Broken region' }),
      fakeProvider({ id: 'acc-good', name: 'Good one' }),
    ];
    const dnsError =
      "The account's API region us-east-2 has no Kiro API host: q.us-east-2.amazonaws.com does not resolve.";
    api.state.logs = [
      log({
        id: 2,
        accountId: 'acc-good',
        attemptCount: 2,
        attempts: [
          {
            accountId: 'acc-broken',
            accountName: 'Broken region',
            outcome: 'misconfigured',
            reason: 'unknown_host',
            message: dnsError,
            durationMs: 12,
          },
          {
            accountId: 'acc-good',
            accountName: 'Good one',
            outcome: 'success',
            reason: null,
            message: null,
            durationMs: 380,
          },
        ],
      }),
    ];

    const served = await screen.findByRole('link', { name: 'Good one' });
    expect(served).toHaveAttribute('href', '/providers?account=acc-good');
    const row = served.closest('tr') as HTMLElement;
    expect(within(row).getByText('2')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: /expand/i }));

    const attempts = await screen.findByRole('table', { name: 'Attempts' });
    const rows = within(attempts).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('link', { name: 'Broken region' })).toHaveAttribute(
      'href',
      '/providers?account=acc-broken',
    );
    expect(rows[0]).toHaveTextContent('misconfigured');
    expect(rows[0]).toHaveTextContent('unknown_host');
    expect(rows[0]).toHaveTextContent(dnsError);
    expect(rows[1]).toHaveTextContent('success');
  });

  it('shows what the client was told when a request failed', async () => {
    const { api, user } = renderAsAdmin('/logs');
    api.state.logs = [
      log({
        id: 1,
        status: 529,
        errorClass: 'overloaded',
        errorCode: 'no_eligible_account',
        errorMessage: 'No account can take model claude-sonnet-4.6 right now (1 unhealthy).',
        attemptCount: 0,
      }),
    ];
    const failed = (await screen.findByText('529')).closest('tr') as HTMLElement;
    await user.click(within(failed).getByRole('button', { name: /expand/i }));
    expect(
      await screen.findByText(
        'No account can take model claude-sonnet-4.6 right now (1 unhealthy).',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('No upstream attempt was made.')).toBeInTheDocument();
  });

  it('lists what the gateway changed in a request, and says when it changed nothing', async () => {
    const { api, user } = renderAsAdmin('/logs');
    api.state.logs = [
      log({
        id: 3,
        adaptations: [
          { kind: 'tool_dropped', detail: 'web_search (server tool)' },
          { kind: 'image_dropped', detail: 'the 2 oldest images over the limit of 20' },
        ],
      }),
      log({ id: 4, requestId: 'req_4', status: 201 }),
    ];
    const adapted = (await screen.findByText('200')).closest('tr') as HTMLElement;
    await user.click(within(adapted).getByRole('button', { name: /expand/i }));
    const list = await screen.findByRole('list', { name: 'Request adapted' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'tool_dropped web_search (server tool)',
      'image_dropped the 2 oldest images over the limit of 20',
    ]);
    const plain = screen.getByText('201').closest('tr') as HTMLElement;
    await user.click(within(plain).getByRole('button', { name: /expand/i }));
    expect(await screen.findByText('Sent as the client asked')).toBeInTheDocument();
  });
});
