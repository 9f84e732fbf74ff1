import { expect } from 'vitest';

import type { openTestApp } from './test-server';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
/** A parsed response body the assertions walk freely (Node's `Response.json()` says `unknown`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions check the shape
export type Json = any;

/** JSON calls to the admin API, with a session token when given. */
export function adminClient(app: TestApp, token?: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await app.app.request(path, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as Json,
      headers: response.headers,
    };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body ?? {}),
    put: (path: string, body: unknown) => call('PUT', path, body),
    delete: (path: string) => call('DELETE', path),
  };
}

export type AdminClient = ReturnType<typeof adminClient>;

/** Logs in (expecting success); the client carries the new session. */
export async function loginAs(app: TestApp, username: string, password: string) {
  const result = await adminClient(app).post('/api/login', { username, password });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return { api: adminClient(app, result.body.token as string), body: result.body };
}
