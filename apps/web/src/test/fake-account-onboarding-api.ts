import { http, HttpResponse, type HttpHandler } from 'msw';

import type {
  ImportResult,
  LocalTokens,
  SignInCapabilities,
  SignInInput,
  SignInSession,
} from '../api/api-types';
import { fakeNow } from './fake-fixtures';

/**
 * The sign-in, import and export routes of the admin API, in memory, for component tests. Sessions
 * change only when a test says so (`update`), the way Kiro would move them on the server; every
 * request is recorded.
 */
export interface FakeOnboardingApi {
  handlers: HttpHandler[];
  requests: { method: string; path: string; body: unknown }[];
  sessions: Map<string, SignInSession>;
  /** The latest session started. */
  latest: () => SignInSession;
  update: (id: string, patch: Partial<SignInSession>) => void;
  bodiesTo: (path: string) => unknown[];
}

export interface FakeOnboardingOptions {
  capabilities?: SignInCapabilities;
  localTokens?: LocalTokens;
  /** What an import answers, from its request body. */
  importResults?: (path: string, body: unknown) => ImportResult[];
  bundlePassphrase?: string;
}

function error(status: number, code: string, message: string) {
  return HttpResponse.json({ error: { message, code } }, { status });
}

/** A fresh session as the server would create it for `input`. */
export function newSession(id: string, input: SignInInput): SignInSession {
  const base: SignInSession = {
    id,
    method: input.method,
    provider: input.method === 'social' ? input.provider : null,
    flow: 'device-code',
    status: 'pending',
    error: null,
    authUrl: null,
    callbackMode: null,
    redirectUri: null,
    userCode: null,
    verificationUri: null,
    verificationUriComplete: null,
    pollIntervalSeconds: null,
    ssoRegion: null,
    apiRegion: null,
    startUrl: null,
    expiresAt: Date.now() + 600_000,
    duplicateOf: null,
    account: null,
    createdAt: fakeNow,
    updatedAt: fakeNow,
  };
  if (input.method === 'social' || (input.method === 'idc' && input.flow === 'auth-code')) {
    const loopback = input.method === 'idc' || input.callbackMode === 'loopback';
    const redirectUri = loopback
      ? 'http://127.0.0.1:49153/oauth/callback'
      : 'kiro://kiro.kiroAgent/authenticate-success';
    return {
      ...base,
      flow: input.method === 'social' ? 'pkce' : 'auth-code',
      callbackMode: loopback ? 'loopback' : 'paste',
      redirectUri,
      authUrl: `https://prod.us-east-1.auth.desktop.kiro.dev/login?idp=Google&state=state-${id}&redirect_uri=${encodeURIComponent(redirectUri)}`,
      ...(input.method === 'idc' ? { ssoRegion: input.ssoRegion, startUrl: input.startUrl } : {}),
    };
  }
  const ssoRegion = input.method === 'idc' ? input.ssoRegion : 'us-east-1';
  return {
    ...base,
    userCode: 'WDKB-QXRT',
    verificationUri: `https://device.sso.${ssoRegion}.amazonaws.com/`,
    verificationUriComplete: `https://device.sso.${ssoRegion}.amazonaws.com/?user_code=WDKB-QXRT`,
    pollIntervalSeconds: 5,
    ssoRegion,
    ...(input.method === 'idc' ? { startUrl: input.startUrl } : {}),
  };
}

export function createFakeOnboardingApi(options: FakeOnboardingOptions = {}): FakeOnboardingApi {
  const sessions = new Map<string, SignInSession>();
  const requests: FakeOnboardingApi['requests'] = [];
  const record = async (request: Request) => {
    const text = request.method === 'GET' ? '' : await request.clone().text();
    const body = text === '' ? undefined : (JSON.parse(text) as unknown);
    requests.push({ method: request.method, path: new URL(request.url).pathname, body });
    return body;
  };
  const found = (id: string) => sessions.get(id);
  const reply = (session: SignInSession) => HttpResponse.json({ session });
  const importFrom = (path: string) =>
    http.post(`*/api${path}`, async ({ request }) => {
      const body = await record(request);
      return HttpResponse.json({ results: options.importResults?.(path, body) ?? [] });
    });

  const handlers = [
    http.get('*/api/sign-in/capabilities', () =>
      HttpResponse.json(
        options.capabilities ?? {
          loopbackCallback: false,
          reason: 'the server runs in a container, not on your computer',
        },
      ),
    ),
    http.post('*/api/sign-in', async ({ request }) => {
      const input = (await record(request)) as SignInInput;
      const session = newSession(`sign-in-${sessions.size + 1}`, input);
      sessions.set(session.id, session);
      return HttpResponse.json({ session }, { status: 201 });
    }),
    http.get('*/api/sign-in/:id', ({ params }) => {
      const session = found(String(params.id));
      return session === undefined ? error(404, 'not_found', 'No such sign-in.') : reply(session);
    }),
    http.post('*/api/sign-in/:id/callback', async ({ request, params }) => {
      const body = (await record(request)) as { url: string };
      const session = found(String(params.id));
      if (session === undefined) return error(404, 'not_found', 'No such sign-in.');
      const url = new URL(body.url);
      if (url.searchParams.get('state') !== `state-${session.id}`) {
        return error(400, 'invalid_request', 'The state in this address is not this sign-in’s.');
      }
      const next: SignInSession = {
        ...session,
        status: 'completed',
        account: { id: 'acc-new', name: 'dev@example.com', email: 'dev@example.com', plan: 'PRO' },
      };
      sessions.set(next.id, next);
      return reply(next);
    }),
    http.post('*/api/sign-in/:id/cancel', async ({ request, params }) => {
      await record(request);
      const session = found(String(params.id));
      if (session === undefined) return error(404, 'not_found', 'No such sign-in.');
      const next: SignInSession = { ...session, status: 'cancelled' };
      sessions.set(next.id, next);
      return reply(next);
    }),
    http.post('*/api/sign-in/:id/resolve', async ({ request, params }) => {
      const { action } = (await record(request)) as { action: 'update' | 'create' | 'discard' };
      const session = found(String(params.id));
      if (session === undefined) return error(404, 'not_found', 'No such sign-in.');
      if (session.status !== 'awaiting-decision') {
        return error(409, 'conflict', 'This sign-in is not waiting for a decision.');
      }
      const account =
        action === 'update' && session.duplicateOf !== null
          ? { ...session.duplicateOf, email: 'dev@example.com', plan: 'PRO' }
          : { id: 'acc-new', name: 'dev@example.com (2)', email: 'dev@example.com', plan: 'PRO' };
      const next: SignInSession =
        action === 'discard'
          ? { ...session, status: 'cancelled' }
          : { ...session, status: 'completed', account };
      sessions.set(next.id, next);
      return reply(next);
    }),
    importFrom('/providers/import-files'),
    http.get('*/api/providers/local-tokens', () =>
      HttpResponse.json(options.localTokens ?? { available: true, reason: null, files: [] }),
    ),
    importFrom('/providers/local-tokens/import'),
    http.post('*/api/providers/import-bundle', async ({ request }) => {
      const body = (await record(request)) as { passphrase: string };
      if (body.passphrase !== (options.bundlePassphrase ?? 'a long passphrase')) {
        return error(400, 'invalid_request', 'Wrong passphrase, or the file was changed.');
      }
      return HttpResponse.json({
        results: options.importResults?.('/providers/import-bundle', body) ?? [],
      });
    }),
    http.post('*/api/providers/export', async ({ request }) => {
      await record(request);
      return HttpResponse.json({
        format: 'octoproxy-accounts',
        version: 1,
        kdf: { name: 'scrypt' },
        cipher: { name: 'aes-256-gcm' },
        data: 'ciphertext',
      });
    }),
  ];

  return {
    handlers,
    requests,
    sessions,
    latest: () => {
      const last = [...sessions.values()].pop();
      if (last === undefined) throw new Error('No sign-in was started.');
      return last;
    },
    update: (id, patch) => {
      const session = sessions.get(id);
      if (session === undefined) throw new Error(`No sign-in ${id}.`);
      sessions.set(id, { ...session, ...patch, updatedAt: session.updatedAt + 1 });
    },
    bodiesTo: (path) =>
      requests.filter((request) => request.path === `/api${path}`).map((request) => request.body),
  };
}
