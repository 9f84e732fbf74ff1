import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createFakeAdminApi } from '../../../test/fake-admin-api';
import {
  createFakeOnboardingApi,
  type FakeOnboardingOptions,
} from '../../../test/fake-account-onboarding-api';
import { fakeApiServer } from '../../../test/fake-api-server';
import { findDialog } from '../../../test/find-dialog';
import { getButton } from '../../../test/find-button';
import { renderWithApp } from '../../../test/render-with-app';
import { AddAccountModal } from './add-account-modal';

let opened: string[];
beforeEach(() => {
  opened = [];
  vi.spyOn(window, 'open').mockImplementation((url) => {
    opened.push(String(url));
    return null;
  });
});
afterEach(() => vi.restoreAllMocks());

async function openChoice(
  choice: string,
  options: FakeOnboardingOptions & { language?: 'en' | 'zh'; title?: string } = {},
) {
  const api = createFakeOnboardingApi(options);
  fakeApiServer.use(...createFakeAdminApi({ loggedInAs: 'user-admin' }).handlers, ...api.handlers);
  const onClose = vi.fn();
  const { user } = renderWithApp(<AddAccountModal open onClose={onClose} />, {
    language: options.language ?? 'en',
  });
  const dialog = await findDialog(options.title ?? 'Add a Kiro account');
  await user.click(getButton(choice, dialog));
  return { api, user, dialog, onClose };
}

describe('signing in with Google or GitHub', () => {
  it('opens Kiro’s page and finishes with the address pasted back when the server cannot', async () => {
    const { api, user, dialog } = await openChoice('Google');
    expect(
      await within(dialog).findByText(
        'This server cannot finish the sign-in by itself: the server runs in a container, not on your computer',
      ),
    ).toBeInTheDocument();
    await user.click(getButton('Sign in with Google', dialog));

    expect(
      await within(dialog).findByText(/lands on a page that does not load/),
    ).toBeInTheDocument();
    expect(api.bodiesTo('/sign-in')).toEqual([
      { method: 'social', provider: 'Google', callbackMode: 'paste' },
    ]);
    const session = api.latest();
    expect(opened).toEqual([session.authUrl]);
    expect(within(dialog).getByText('Open the Google sign-in page').closest('a')).toHaveAttribute(
      'href',
      session.authUrl,
    );

    const field = within(dialog).getByLabelText('The address the browser landed on');
    await user.click(field);
    await user.paste('kiro://kiro.kiroAgent/authenticate-success?code=abc');
    await user.click(getButton('Finish sign-in', dialog));
    expect(
      await within(dialog).findByText('Paste the whole address, including code= and state=.'),
    ).toBeInTheDocument();
    expect(api.bodiesTo(`/sign-in/${session.id}/callback`)).toEqual([]);

    await user.clear(field);
    await user.paste('kiro://kiro.kiroAgent/authenticate-success?code=abc&state=someone-else');
    await user.click(getButton('Finish sign-in', dialog));
    expect(
      await within(dialog).findByText('The state in this address is not this sign-in’s.'),
    ).toBeInTheDocument();

    const landed = `kiro://kiro.kiroAgent/authenticate-success?code=abc&state=state-${session.id}`;
    await user.clear(field);
    await user.paste(landed);
    await user.click(getButton('Finish sign-in', dialog));
    expect(await within(dialog).findByText('Account added')).toBeInTheDocument();
    expect(api.bodiesTo(`/sign-in/${session.id}/callback`)).toContainEqual({ url: landed });
    expect(within(dialog).getAllByText('dev@example.com').length).toBeGreaterThan(0);
    expect(within(dialog).getByText('PRO')).toBeInTheDocument();
  });

  it('lets this server finish by itself when it can, and follows the session until it has', async () => {
    const { api, user, dialog } = await openChoice('GitHub', {
      capabilities: { loopbackCallback: true, reason: 'runs on this computer' },
    });
    const loopback = await within(dialog).findByLabelText('This server finishes it by itself');
    expect(loopback).toBeChecked();
    await user.click(within(dialog).getByLabelText('Name'));
    await user.paste('  Work GitHub ');
    await user.click(getButton('Sign in with GitHub', dialog));

    expect(
      await within(dialog).findByText(/will finish the sign-in by itself/),
    ).toBeInTheDocument();
    expect(api.bodiesTo('/sign-in')).toEqual([
      { method: 'social', provider: 'Github', callbackMode: 'loopback', name: 'Work GitHub' },
    ]);
    const { id } = api.latest();
    api.update(id, {
      status: 'completed',
      account: { id: 'acc-9', name: 'Work GitHub', email: 'octo@example.com', plan: 'PRO_PLUS' },
    });
    expect(await within(dialog).findByText('Account added')).toBeInTheDocument();
    expect(within(dialog).getByText('octo@example.com')).toBeInTheDocument();
    expect(within(dialog).getByText('PRO_PLUS')).toBeInTheDocument();
  });
});

describe('signing in by device code', () => {
  it('shows the code and the link once, the pace, then the account Builder ID created', async () => {
    const { api, user, dialog } = await openChoice('AWS Builder ID');
    await user.click(getButton('Get a sign-in code', dialog));

    expect(await within(dialog).findByLabelText('Your code')).toHaveTextContent('WDKB-QXRT');
    const session = api.latest();
    expect(api.bodiesTo('/sign-in')).toEqual([{ method: 'builder-id' }]);
    expect(within(dialog).getByText('Open the sign-in page').closest('a')).toHaveAttribute(
      'href',
      session.verificationUriComplete,
    );
    expect(within(dialog).getByText(/Kiro is asked every 5 s\./)).toBeInTheDocument();
    expect(within(dialog).getByText('us-east-1')).toBeInTheDocument();

    api.update(session.id, { pollIntervalSeconds: 10 });
    expect(await within(dialog).findByText(/Kiro is asked every 10 s\./)).toBeInTheDocument();
    expect(opened).toEqual([session.verificationUriComplete]);

    api.update(session.id, {
      status: 'completed',
      apiRegion: 'us-east-1',
      account: {
        id: 'acc-2',
        name: 'builder@example.com',
        email: 'builder@example.com',
        plan: 'FREE',
      },
    });
    expect(await within(dialog).findByText('Account added')).toBeInTheDocument();
    expect(within(dialog).getByText('FREE')).toBeInTheDocument();
    expect(within(dialog).getAllByText('builder@example.com').length).toBeGreaterThan(0);
  });

  it.each([
    ['expired', null, 'The sign-in expired before it was approved.'],
    ['denied', null, 'The sign-in was refused.'],
    ['failed', 'Kiro answered 403: AccessDeniedException', 'The sign-in failed.'],
  ] as const)('says when the sign-in ended %s, and starts over', async (status, reason, text) => {
    const { api, user, dialog } = await openChoice('AWS Builder ID');
    await user.click(getButton('Get a sign-in code', dialog));
    await within(dialog).findByLabelText('Your code');
    api.update(api.latest().id, { status, error: reason });

    expect(await within(dialog).findByText(text)).toBeInTheDocument();
    if (reason !== null) expect(within(dialog).getByText(reason)).toBeInTheDocument();
    await user.click(getButton('Try again', dialog));
    expect(await within(dialog).findByText('Get a sign-in code')).toBeInTheDocument();
  });

  it('cancels on request, and cancels a waiting sign-in when the dialog goes away', async () => {
    const { api, user, dialog } = await openChoice('AWS Builder ID');
    await user.click(getButton('Get a sign-in code', dialog));
    await within(dialog).findByLabelText('Your code');
    await user.click(getButton('Cancel sign-in', dialog));
    expect(await within(dialog).findByText('The sign-in was cancelled.')).toBeInTheDocument();
    expect(api.bodiesTo('/sign-in/sign-in-1/cancel')).toHaveLength(1);

    await user.click(getButton('Try again', dialog));
    await user.click(await within(dialog).findByText('Get a sign-in code'));
    await within(dialog).findByLabelText('Your code');
    await user.click(within(dialog).getByLabelText('Back'));
    await waitFor(() => expect(api.bodiesTo('/sign-in/sign-in-2/cancel')).toHaveLength(1));
  });

  it('takes an IAM Identity Center start URL and region, and shows both regions', async () => {
    const { api, user, dialog } = await openChoice('IAM Identity Center');
    await user.click(getButton('Start sign-in', dialog));
    expect(await within(dialog).findByText('Enter an https:// address.')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose an AWS region, e.g. eu-west-1.')).toBeInTheDocument();

    await user.click(within(dialog).getByLabelText('Start URL'));
    await user.paste('https://acme.awsapps.com/start');
    await user.click(within(dialog).getByLabelText('SSO region'));
    await user.keyboard('eu-west-1');
    await user.click(
      await screen.findByText('eu-west-1', { selector: '.ant-select-item-option-content' }),
    );
    await user.click(getButton('Start sign-in', dialog));

    await within(dialog).findByLabelText('Your code');
    expect(api.bodiesTo('/sign-in')).toEqual([
      {
        method: 'idc',
        startUrl: 'https://acme.awsapps.com/start',
        ssoRegion: 'eu-west-1',
        flow: 'device-code',
      },
    ]);
    expect(within(dialog).getByText('eu-west-1')).toBeInTheDocument();
    api.update(api.latest().id, {
      status: 'completed',
      apiRegion: 'eu-central-1',
      account: { id: 'acc-3', name: 'dev@acme.com', email: 'dev@acme.com', plan: 'POWER' },
    });
    expect(await within(dialog).findByText('Account added')).toBeInTheDocument();
    expect(within(dialog).getByText('SSO region')).toBeInTheDocument();
    expect(within(dialog).getByText('eu-west-1')).toBeInTheDocument();
    expect(within(dialog).getByText('API region')).toBeInTheDocument();
    expect(within(dialog).getByText('eu-central-1')).toBeInTheDocument();
  });
});

describe('IAM Identity Center by browser redirect', () => {
  it('opens the organisation’s page and waits for the server to finish, in Chinese too', async () => {
    const { api, user, dialog } = await openChoice('IAM Identity Center', {
      language: 'zh',
      title: '添加 Kiro 账户',
    });
    await user.click(within(dialog).getByLabelText('起始 URL'));
    await user.paste('https://d-9067.awsapps.com/start');
    await user.click(within(dialog).getByLabelText('SSO 区域'));
    await user.keyboard('us-east-2');
    await user.click(
      await screen.findByText('us-east-2', { selector: '.ant-select-item-option-content' }),
    );
    await user.click(within(dialog).getByLabelText('浏览器跳转（授权码）'));
    await user.click(getButton('开始登录', dialog));

    expect(await within(dialog).findByText(/本服务器会自动完成登录/)).toBeInTheDocument();
    expect(api.bodiesTo('/sign-in')).toEqual([
      {
        method: 'idc',
        startUrl: 'https://d-9067.awsapps.com/start',
        ssoRegion: 'us-east-2',
        flow: 'auth-code',
      },
    ]);
    const session = api.latest();
    expect(opened).toEqual([session.authUrl]);
    expect(within(dialog).getByText('us-east-2')).toBeInTheDocument();
    api.update(session.id, {
      status: 'completed',
      apiRegion: 'us-east-1',
      account: { id: 'acc-4', name: 'ops@acme.com', email: 'ops@acme.com', plan: 'PRO' },
    });
    expect(await within(dialog).findByText('账户已添加')).toBeInTheDocument();
    expect(within(dialog).getByText('API 区域')).toBeInTheDocument();
  });
});

describe('a sign-in of an account that is already stored', () => {
  it.each([
    ['Update existing account Team Pro 1', 'update', 'Account updated'],
    ['Add as new', 'create', 'Account added'],
    ['Discard', 'discard', 'The sign-in was discarded; nothing was saved.'],
  ] as const)('“%s” sends %s', async (button, action, outcome) => {
    const { api, user, dialog } = await openChoice('AWS Builder ID');
    await user.click(getButton('Get a sign-in code', dialog));
    await within(dialog).findByLabelText('Your code');
    const { id } = api.latest();
    api.update(id, {
      status: 'awaiting-decision',
      duplicateOf: { id: 'acc-1', name: 'Team Pro 1' },
    });

    expect(
      await within(dialog).findByText('This is an account you already have: Team Pro 1'),
    ).toBeInTheDocument();
    await user.click(getButton(button, dialog));
    expect(await within(dialog).findByText(outcome)).toBeInTheDocument();
    expect(api.bodiesTo(`/sign-in/${id}/resolve`)).toEqual([{ action }]);
  });
});
