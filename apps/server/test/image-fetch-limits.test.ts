import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { AddressPolicy } from '../src/images/address-policy';
import { ByteBudget } from '../src/images/byte-budget';
import { fetchImage } from '../src/images/fetch-image';
import { imageDownloadsBusyError, imagesTooLargeError } from '../src/images/image-fetch-error';
import { openAppWithApiKey, type TestApp } from './helpers/app-with-api-key';
import { scriptedBackend, scriptedUpstream, textAnswer } from './helpers/scripted-upstream';

const pngHeader = Buffer.from('89504e470d0a1a0a', 'hex');
const mebibyte = 1024 * 1024;

/**
 * A loopback image server: `/big-N.png` is a PNG of N KiB, sent in 64 KiB writes; `/held-N.png`
 * holds its last byte back until {@link releaseHeld}, so its downloads overlap for certain.
 */
let server: Server;
let base: string;
let requestsSeen = 0;
const held: (() => void)[] = [];
const releaseHeld = () => {
  for (const release of held.splice(0)) release();
};
beforeAll(async () => {
  server = createServer((request, response) => {
    requestsSeen += 1;
    const [, kind, size] = /^\/(big|held)-(\d+)\.png/.exec(request.url ?? '') ?? [];
    const body = Buffer.alloc(Number(size ?? 0) * 1024, 7);
    pngHeader.copy(body);
    response.writeHead(200, { 'content-type': 'image/png', 'content-length': body.length });
    const end = kind === 'held' ? body.length - 1 : body.length;
    let offset = 0;
    const pump = () => {
      while (offset < end) {
        const chunk = body.subarray(offset, Math.min(end, offset + 64 * 1024));
        offset += chunk.length;
        if (!response.write(chunk)) return void response.once('drain', pump);
      }
      if (kind === 'held') held.push(() => response.end(body.subarray(end)));
      else response.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const opened: TestApp[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
  requestsSeen = 0;
  releaseHeld();
});

async function start() {
  const { app, apiKey } = await openAppWithApiKey({
    upstream: scriptedUpstream(scriptedBackend({ events: () => textAnswer('ok') })),
    config: {
      imageFetchAllowList: ['127.0.0.1'],
      imageFetchMaxBytes: 2 * mebibyte,
      imageFetchMaxPerRequest: 3,
      imageFetchMaxTotalBytes: 3 * mebibyte,
    },
  });
  opened.push(app);
  const withImages = (urls: string[]) =>
    app.app.request('/v1/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({
        model: 'claude-sonnet-4-5',
        max_tokens: 10,
        messages: [
          {
            role: 'user',
            content: [
              ...urls.map((url) => ({ type: 'image', source: { type: 'url', url } })),
              { type: 'text', text: 'what is this?' },
            ],
          },
        ],
      }),
    });
  return { withImages };
}

describe('image URL limits', () => {
  it('refuses more image URLs than a request may download, before downloading any', async () => {
    const { withImages } = await start();
    const response = await withImages(Array.from({ length: 4 }, () => `${base}/big-1.png`));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { type: 'invalid_request_error', message: expect.stringContaining('at most 3') },
    });
    expect(requestsSeen).toBe(0);
  });

  it('stops when the images of one request add up to more than the total cap', async () => {
    const { withImages } = await start();
    // Four such requests at once: each is cut at its own cap with a clear 400.
    const responses = await Promise.all(
      Array.from({ length: 4 }, async () =>
        withImages([`${base}/big-1500.png`, `${base}/big-1500.png`, `${base}/big-1500.png`]),
      ),
    );
    for (const response of responses) {
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { message: expect.stringContaining(`more than ${3 * mebibyte} bytes`) },
      });
    }
  });

  it('still serves images within the caps', async () => {
    const { withImages } = await start();
    const response = await withImages([`${base}/big-900.png`, `${base}/big-900.png`]);
    expect(response.status).toBe(200);
  });
});

describe('image download budgets', () => {
  const options = (budgets: { requestBudget?: ByteBudget; inFlight?: ByteBudget }) => ({
    policy: new AddressPolicy(['127.0.0.1']),
    maxBytes: 4 * mebibyte,
    timeoutMs: 10_000,
    ...budgets,
  });

  it('never holds more downloading bytes server-wide than the in-flight cap, and gives them back', async () => {
    const inFlight = new ByteBudget(() => mebibyte, imageDownloadsBusyError);
    let refusedSoFar = 0;
    const downloads = Array.from({ length: 6 }, () =>
      fetchImage(`${base}/held-700.png`, options({ inFlight })).catch((error: unknown) => {
        refusedSoFar += 1;
        throw error;
      }),
    );
    const settled = Promise.allSettled(downloads);
    // No download can finish before the release, so only one 700 KiB download fits in 1 MiB.
    while (refusedSoFar < 5) await new Promise((resolve) => setTimeout(resolve, 10));
    releaseHeld();
    const results = await settled;
    const refused = results.filter((result) => result.status === 'rejected');
    expect(refused).toHaveLength(5);
    for (const result of refused) {
      expect(result.reason).toMatchObject({ kind: 'overloaded', code: 'image_downloads_busy' });
    }
    expect(inFlight.peak).toBeLessThanOrEqual(mebibyte);
    expect(inFlight.inUse).toBe(0);
    // Once the downloads are over, the budget is whole again.
    await expect(fetchImage(`${base}/big-700.png`, options({ inFlight }))).resolves.toMatchObject({
      mediaType: 'image/png',
    });
  });

  it('counts every image of a request against its total and keeps them counted', async () => {
    const requestBudget = new ByteBudget(() => mebibyte, imagesTooLargeError);
    await fetchImage(`${base}/big-600.png`, options({ requestBudget }));
    expect(requestBudget.inUse).toBe(600 * 1024);
    await expect(
      fetchImage(`${base}/big-600.png`, options({ requestBudget })),
    ).rejects.toMatchObject({ code: 'images_too_large' });
    expect(requestBudget.peak).toBeLessThanOrEqual(mebibyte);
  });
});
