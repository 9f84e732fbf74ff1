import { afterEach, describe, expect, it } from 'vitest';

import { KiroNetworkError, KiroTimeoutError } from '../errors/kiro-errors';
import { DispatcherPool } from './dispatcher-pool';
import { httpCall, readText } from './http-call';
import {
  startScriptedKeepAliveServer,
  type ScriptedAnswer,
  type ScriptedKeepAliveServer,
  type SeenRequest,
} from './testing/scripted-keep-alive-server';

let server: ScriptedKeepAliveServer | undefined;
let pool: DispatcherPool | undefined;

afterEach(async () => {
  await pool?.close();
  await server?.close();
  pool = undefined;
  server = undefined;
});

/** One pooled connection unless told otherwise, so that consecutive requests reuse it. */
async function start(
  script: (request: SeenRequest, index: number) => ScriptedAnswer,
  connectionsPerOrigin = 1,
): Promise<ScriptedKeepAliveServer> {
  server = await startScriptedKeepAliveServer(script);
  pool = new DispatcherPool({ connectionsPerOrigin });
  return server;
}

/** A POST through the pool's direct dispatcher, its body read to the end. */
async function post(
  body: string,
  options: { signal?: AbortSignal; headersTimeoutMs?: number } = {},
): Promise<string> {
  const call = {
    url: `${server!.url}/generateAssistantResponse`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body,
    dispatcher: pool!.for(undefined),
    signal: options.signal,
    headersTimeoutMs: options.headersTimeoutMs ?? 10_000,
    bodyTimeoutMs: 0,
  };
  const response = await httpCall(call);
  return readText(response, call);
}

const where = (seen: readonly SeenRequest[]) =>
  seen.map(({ connection, onConnection, body }) => ({ connection, onConnection, body }));

describe('stale keep-alive connections', () => {
  it('sends a request once more, on a new connection, when a reused idle connection drops it before any byte', async () => {
    const seen = (
      await start(({ onConnection }, index) =>
        index === 0 || onConnection === 0
          ? { type: 'ok', text: `answer ${index}` }
          : { type: 'close' },
      )
    ).seen;
    expect(await post('first')).toBe('answer 0');
    expect(await post('second')).toBe('answer 2');
    expect(where(seen)).toEqual([
      { connection: 0, onConnection: 0, body: 'first' },
      { connection: 0, onConnection: 1, body: 'second' },
      { connection: 1, onConnection: 0, body: 'second' },
    ]);
  });

  it('retries on a new connection, never on another pooled one the server also closed', async () => {
    // Two concurrent requests open two connections; then the server drops every reused one.
    const { seen, request } = await start(
      ({ onConnection }) => (onConnection === 0 ? { type: 'ok' } : { type: 'close' }),
      2,
    );
    await Promise.all([post('a'), post('b')]);
    expect(new Set(seen.map(({ connection }) => connection))).toEqual(new Set([0, 1]));
    expect(await post('c')).toBe('ok');
    expect((await request(3)).connection).toBe(2);
    expect(seen.slice(2).map(({ onConnection, body }) => ({ onConnection, body }))).toEqual([
      { onConnection: 1, body: 'c' },
      { onConnection: 0, body: 'c' },
    ]);
  });

  it('does not retry when a new connection is reset before the response (the server may have acted)', async () => {
    const { seen } = await start(() => ({ type: 'close' }));
    await expect(post('only')).rejects.toBeInstanceOf(KiroNetworkError);
    expect(await post('next').catch(() => 'failed')).toBe('failed');
    expect(seen.map(({ body }) => body)).toEqual(['only', 'next']);
  });

  it.each<[string, ScriptedAnswer]>([
    ['after the response headers', { type: 'headers-then-close' }],
    ['after response bytes', { type: 'headers-then-close', body: 'par' }],
    ['after part of the status line', { type: 'partial-status-then-close' }],
  ])('never retries a reused connection that failed %s', async (_case, failure) => {
    const { seen } = await start((_request, index) => (index === 1 ? failure : { type: 'ok' }));
    await post('first');
    await expect(post('second')).rejects.toBeInstanceOf(KiroNetworkError);
    await post('third');
    expect(seen.map(({ body }) => body)).toEqual(['first', 'second', 'third']);
  });

  it('retries only once', async () => {
    const { seen } = await start((_request, index) =>
      index === 0 ? { type: 'ok' } : { type: 'close' },
    );
    await post('first');
    await expect(post('second')).rejects.toBeInstanceOf(KiroNetworkError);
    expect(where(seen)).toEqual([
      { connection: 0, onConnection: 0, body: 'first' },
      { connection: 0, onConnection: 1, body: 'second' },
      { connection: 1, onConnection: 0, body: 'second' },
    ]);
  });

  it('does not retry when the caller’s headers timeout runs out on a reused connection', async () => {
    const { seen } = await start((_request, index) =>
      index === 1 ? { type: 'hold' } : { type: 'ok' },
    );
    await post('first');
    await expect(post('second', { headersTimeoutMs: 50 })).rejects.toBeInstanceOf(KiroTimeoutError);
    await post('third');
    expect(seen.map(({ body }) => body)).toEqual(['first', 'second', 'third']);
  });

  it('does not retry a request the caller aborted', async () => {
    const { seen, request } = await start((_request, index) =>
      index === 1 ? { type: 'hold' } : { type: 'ok' },
    );
    await post('first');
    const controller = new AbortController();
    const pending = post('second', { signal: controller.signal });
    const held = await request(1);
    controller.abort(new Error('client went away'));
    await expect(pending).rejects.toThrow('client went away');
    await held.clientClosed;
    await post('third');
    expect(seen.map(({ body }) => body)).toEqual(['first', 'second', 'third']);
  });

  it('aborting during the retry closes the new connection at once', async () => {
    const { seen, request } = await start((_request, index) =>
      index === 0 ? { type: 'ok' } : index === 1 ? { type: 'close' } : { type: 'hold' },
    );
    await post('first');
    const controller = new AbortController();
    const pending = post('second', { signal: controller.signal });
    const retry = await request(2);
    expect(retry).toMatchObject({ connection: 1, onConnection: 0, body: 'second' });
    controller.abort(new Error('client went away'));
    await expect(pending).rejects.toThrow('client went away');
    await retry.clientClosed;
    expect(seen).toHaveLength(3);
  });
});
