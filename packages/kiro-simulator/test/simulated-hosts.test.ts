import { request } from 'node:http';

import { afterAll, describe, expect, it } from 'vitest';

import { startKiroSimulator, type KiroSimulator } from '../src/index';
import { decodeResponse, textOf } from './helpers/decode-event-stream';
import { chatBody, kiroHeaders } from './helpers/kiro-request';

const sim: KiroSimulator = await startKiroSimulator();
afterAll(() => sim.close());

/** One POST to an upstream host name, resolved through the simulator's resolver. */
function postTo(
  url: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; response: Response }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers,
        lookup: sim.lookup,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const status = incoming.statusCode ?? 0;
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (typeof value === 'string') responseHeaders.set(name, value);
          }
          resolve({
            status,
            response: new Response(Buffer.concat(chunks), { status, headers: responseHeaders }),
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(JSON.stringify(body));
  });
}

describe('the upstream host names and their resolver', () => {
  it('serves the API under q.{region}.amazonaws.com where that host exists', async () => {
    const account = sim.addAccount({ authMethod: 'idc', region: 'eu-central-1' });
    const url = `${sim.hostUrls.api.replace('{region}', 'eu-central-1')}/generateAssistantResponse`;
    const { status, response } = await postTo(
      url,
      chatBody(account, 'hello from Frankfurt'),
      kiroHeaders(account.credentials.accessToken),
    );
    expect(status).toBe(200);
    expect(textOf(await decodeResponse(response))).toBe('hello from Frankfurt');
    expect(sim.requests.last()).toMatchObject({ service: 'api', region: 'eu-central-1' });
  });

  it('fails DNS resolution (ENOTFOUND) for a region without an API host', async () => {
    const account = sim.addAccount({ authMethod: 'social' });
    const before = sim.requests.entries().length;
    const url = `${sim.hostUrls.api.replace('{region}', 'us-east-2')}/generateAssistantResponse`;
    await expect(
      postTo(url, chatBody(account, 'hi'), kiroHeaders(account.credentials.accessToken)),
    ).rejects.toMatchObject({ code: 'ENOTFOUND', hostname: 'q.us-east-2.amazonaws.com' });
    expect(sim.requests.entries()).toHaveLength(before);
  });

  it('resolves only the hosts that exist upstream, and leaves other names to the system', async () => {
    const resolve = (hostname: string) =>
      new Promise<string>((done, fail) => {
        sim.lookup(hostname, {}, (error, address) => {
          if (error) fail(error);
          else done(typeof address === 'string' ? address : (address[0]?.address ?? ''));
        });
      });
    await expect(resolve('q.us-east-1.amazonaws.com')).resolves.toBe('127.0.0.1');
    await expect(resolve('prod.us-east-1.auth.desktop.kiro.dev')).resolves.toBe('127.0.0.1');
    await expect(resolve('oidc.ap-northeast-2.amazonaws.com')).resolves.toBe('127.0.0.1');
    await expect(resolve('prod.eu-central-1.auth.desktop.kiro.dev')).rejects.toMatchObject({
      code: 'ENOTFOUND',
    });
    await expect(resolve('q.us-west-2.amazonaws.com')).rejects.toMatchObject({
      code: 'ENOTFOUND',
    });
    await expect(resolve('localhost')).resolves.toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
