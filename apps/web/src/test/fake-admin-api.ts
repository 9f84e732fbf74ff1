import { http, HttpResponse, type HttpHandler } from 'msw';

import type {
  ApiKey,
  ConfigState,
  Provider,
  RequestLog,
  ServerConfig,
  Stats,
  User,
} from '../api/api-types';
import { defaultFakeConfig, fakeProvider, fakeUser, fakeNow as now } from './fake-fixtures';

export { defaultFakeConfig, fakeProvider, fakeUser };

/**
 * An in-memory admin API with the server's shapes (typed by the generated schema), for component
 * tests. It keeps just enough state to behave like the server: one session, users, keys, providers
 * and the config; every request is recorded for assertions.
 */
export interface FakeAdminApi {
  handlers: HttpHandler[];
  requests: { method: string; path: string; body: unknown }[];
  state: FakeState;
}

interface FakeState {
  users: (User & { password: string })[];
  sessionUserId: string | undefined;
  apiKeys: ApiKey[];
  providers: Provider[];
  /** The request log, newest first. */
  logs: RequestLog[];
  config: ServerConfig;
}

function error(status: number, code: string, message: string, headers?: Record<string, string>) {
  return HttpResponse.json(
    { error: { message, code } },
    { status, ...(headers ? { headers } : {}) },
  );
}

function publicUser(user: User & { password: string }): User {
  const { password: _password, ...rest } = user;
  return rest;
}

export function createFakeAdminApi(
  options: {
    users?: (User & { password: string })[];
    loggedInAs?: string;
    providers?: Provider[];
  } = {},
): FakeAdminApi {
  const state: FakeState = {
    users: options.users ?? [fakeUser()],
    sessionUserId: options.loggedInAs,
    apiKeys: [],
    providers: options.providers ?? [],
    logs: [],
    config: { ...defaultFakeConfig },
  };
  const requests: FakeAdminApi['requests'] = [];
  const record = async (request: Request) => {
    const text = request.method === 'GET' ? '' : await request.clone().text();
    requests.push({
      method: request.method,
      path: new URL(request.url).pathname,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    });
  };
  const current = () => state.users.find((user) => user.id === state.sessionUserId);
  /** The server's session and password-change gates, in its order. */
  const gate = () => {
    const user = current();
    if (user === undefined) return error(401, 'missing_session', 'Log in first.');
    if (user.mustChangePassword) {
      return error(
        403,
        'password_change_required',
        'Change your password before doing anything else.',
      );
    }
    return undefined;
  };
  const configState = (): ConfigState => ({
    config: state.config,
    defaults: defaultFakeConfig,
    overriddenByEnv: [],
    restartOnlyKeys: ['port', 'host', 'trustedOrigins'],
  });

  const handlers = [
    http.post('*/api/login', async ({ request }) => {
      await record(request);
      const body = (await request.json()) as { username: string; password: string };
      const user = state.users.find((entry) => entry.username === body.username);
      if (user?.password !== body.password) {
        return error(401, 'invalid_credentials', 'Invalid username or password.');
      }
      state.sessionUserId = user.id;
      return HttpResponse.json({
        token: 'session-token',
        expiresAt: now + 86_400_000,
        user: publicUser(user),
        mustChangePassword: user.mustChangePassword,
      });
    }),
    http.post('*/api/logout', async ({ request }) => {
      await record(request);
      state.sessionUserId = undefined;
      return HttpResponse.json({ ok: true });
    }),
    http.get('*/api/me', () => {
      const user = current();
      return user === undefined
        ? error(401, 'missing_session', 'Log in first.')
        : HttpResponse.json({ user: publicUser(user) });
    }),
    http.post('*/api/me/password', async ({ request }) => {
      await record(request);
      const user = current();
      if (user === undefined) return error(401, 'missing_session', 'Log in first.');
      const body = (await request.json()) as { currentPassword: string; newPassword: string };
      if (body.currentPassword !== user.password) {
        return error(401, 'invalid_credentials', 'The current password is wrong.');
      }
      if (body.newPassword.length < 8 || body.newPassword === 'admin123') {
        return error(400, 'weak_password', 'This password is too common; choose another.');
      }
      user.password = body.newPassword;
      user.mustChangePassword = false;
      return HttpResponse.json({
        token: 'session-token-2',
        expiresAt: now + 86_400_000,
        user: publicUser(user),
        mustChangePassword: false,
      });
    }),
    http.get(
      '*/api/api-keys/policy',
      () =>
        gate() ??
        HttpResponse.json({
          policy: { maxKeys: 3, dailyLimit: 200, rateLimitPerMinute: null, allowedModels: null },
        }),
    ),
    http.get(
      '*/api/api-keys',
      () => gate() ?? HttpResponse.json({ apiKeys: state.apiKeys, total: state.apiKeys.length }),
    ),
    http.post('*/api/api-keys', async ({ request }) => {
      await record(request);
      const refused = gate();
      if (refused) return refused;
      const body = (await request.json()) as { name?: string; dailyLimit?: number | null };
      const key = `sk-octo-${'x'.repeat(36)}Zq9k`;
      const apiKey: ApiKey = {
        id: `key-${state.apiKeys.length + 1}`,
        name: body.name ?? 'API key',
        keyPrefix: 'sk-octo-…Zq9k',
        userId: state.sessionUserId ?? null,
        dailyLimit: body.dailyLimit ?? null,
        rateLimitPerMinute: null,
        allowedModels: null,
        expiresAt: null,
        isActive: true,
        requestsToday: 0,
        totalRequests: 0,
        totalInputTokens: 0,
        totalOutputTokens: 0,
        lastUsedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      state.apiKeys.push(apiKey);
      return HttpResponse.json({ apiKey: { ...apiKey, key } }, { status: 201 });
    }),
    http.get(
      '*/api/users',
      () =>
        gate() ??
        HttpResponse.json({ users: state.users.map(publicUser), total: state.users.length }),
    ),
    http.get('*/api/providers', () => gate() ?? HttpResponse.json({ providers: state.providers })),
    http.post('*/api/providers', async ({ request }) => {
      await record(request);
      const refused = gate();
      if (refused) return refused;
      const body = (await request.json()) as { name?: string };
      const provider = fakeProvider({
        id: `acc-${state.providers.length + 1}`,
        name: body.name ?? 'Kiro account',
      });
      state.providers.push(provider);
      return HttpResponse.json({ provider }, { status: 201 });
    }),
    http.get('*/api/stats', () => {
      const refused = gate();
      if (refused) return refused;
      const user = current();
      const stats: Stats = {
        apiKeys: {
          total: state.apiKeys.length,
          active: state.apiKeys.length,
          requestsToday: 0,
          totalRequests: 0,
        },
        series: [],
        ...(user?.role === 'admin'
          ? {
              users: { total: state.users.length, admins: 1, users: 0, active: 1 },
              providers: {
                total: state.providers.length,
                healthy: state.providers.length,
                recovering: 0,
                unhealthy: 0,
                disabled: 0,
                quarantined: 0,
                totalUses: 0,
              },
            }
          : {}),
      };
      return HttpResponse.json(stats);
    }),
    http.get('*/api/usage', () => gate() ?? HttpResponse.json({ usage: [], providers: [] })),
    http.get(
      '*/api/models',
      () =>
        gate() ??
        HttpResponse.json({
          models: ['claude-haiku-4.5', 'claude-opus-4.5', 'claude-sonnet-4.5'].map((id) => ({
            id,
            displayName: id,
            contextWindow: 200_000,
            maxOutputTokens: 64_000,
          })),
        }),
    ),
    http.get('*/api/logs', ({ request }) => {
      const url = new URL(request.url);
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      return (
        gate() ??
        HttpResponse.json({
          logs: state.logs.slice(offset, offset + limit),
          total: state.logs.length,
          limit,
          offset,
        })
      );
    }),
    http.get('*/api/config', () => gate() ?? HttpResponse.json(configState())),
    http.put('*/api/config', async ({ request }) => {
      await record(request);
      const refused = gate();
      if (refused) return refused;
      const patch = (await request.json()) as Partial<ServerConfig>;
      state.config = { ...state.config, ...patch };
      return HttpResponse.json({ ...configState(), restartRequired: [] });
    }),
  ];
  return { handlers, requests, state };
}
