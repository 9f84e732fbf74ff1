import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';

import { Agent, request } from 'undici';

import type { AddressPolicy } from './address-policy';
import type { ByteBudget } from './byte-budget';
import { imageFetchError } from './image-fetch-error';
import { sniffImageType, type ImageMediaType } from './sniff-image-type';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface FetchImageOptions {
  policy: AddressPolicy;
  maxBytes: number;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** DNS resolution; replaceable so tests can map names to loopback. */
  resolve?: Resolver | undefined;
  /** What every downloaded byte also counts against: the request's total, kept after the download. */
  requestBudget?: ByteBudget | undefined;
  /** The whole server's bytes being downloaded, given back when this download ends. */
  inFlight?: ByteBudget | undefined;
}

export interface FetchedImage {
  mediaType: ImageMediaType;
  base64: string;
}

const maxRedirects = 3;

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Resolves once and checks every address, so a name cannot point anywhere the policy forbids. */
async function pinAddress(url: URL, options: FetchImageOptions): Promise<ResolvedAddress> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const family = isIP(hostname);
  const addresses =
    family === 0
      ? await (options.resolve ?? systemResolver)(hostname).catch(() => {
          throw imageFetchError(url, 'the host name does not resolve');
        })
      : [{ address: hostname, family }];
  const first = addresses[0];
  if (first === undefined) throw imageFetchError(url, 'the host name does not resolve');
  if (options.policy.isHostAllowListed(hostname)) return first;
  if (!addresses.every((entry) => options.policy.allows(entry.address))) {
    throw imageFetchError(url, 'the address is not publicly routable');
  }
  return first;
}

/** An agent that connects to the pinned address whatever the name resolves to by then. */
function pinnedAgent(pinned: ResolvedAddress): Agent {
  const lookup: LookupFunction = (_hostname, options, callback) => {
    const all = (options as { all?: boolean }).all === true;
    if (all) (callback as (error: null, addresses: ResolvedAddress[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  return new Agent({ connect: { lookup }, connections: 1, pipelining: 0 });
}

/**
 * Reads the body into one buffer (sized from `content-length` when given, so no chunk list and copy),
 * stopping at the per-image cap and whenever a budget runs out.
 */
async function readLimited(
  body: AsyncIterable<Uint8Array>,
  url: URL,
  options: { maxBytes: number; declared: number | undefined; onChunk: (bytes: number) => void },
): Promise<Buffer> {
  let buffer = Buffer.allocUnsafe(Math.min(options.declared ?? 64 * 1024, options.maxBytes));
  let size = 0;
  for await (const chunk of body) {
    if (size + chunk.byteLength > options.maxBytes) {
      throw imageFetchError(url, `larger than ${options.maxBytes} bytes`);
    }
    options.onChunk(chunk.byteLength);
    if (size + chunk.byteLength > buffer.length) {
      const grown = Buffer.allocUnsafe(
        Math.min(options.maxBytes, Math.max(buffer.length * 2, size + chunk.byteLength)),
      );
      buffer.copy(grown, 0, 0, size);
      buffer = grown;
    }
    buffer.set(chunk, size);
    size += chunk.byteLength;
  }
  return buffer.subarray(0, size);
}

/**
 * Downloads an http(s) image behind an SSRF guard: only http and https, DNS resolved once and every
 * address checked, the connection pinned to the checked address, redirects re-checked hop by hop,
 * a size cap and a deadline, and the type taken from the bytes.
 */
export async function fetchImage(
  rawUrl: string,
  options: FetchImageOptions,
): Promise<FetchedImage> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw imageFetchError(rawUrl, 'not a valid URL');
  }
  let inFlightTaken = 0;
  for (let hop = 0; hop <= maxRedirects; hop += 1) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw imageFetchError(url, 'only http and https URLs are fetched');
    }
    const agent = pinnedAgent(await pinAddress(url, options));
    try {
      const response = await request(url, {
        dispatcher: agent,
        signal,
        headers: { accept: 'image/*', 'user-agent': 'OctoProxy image fetcher' },
      }).catch(() => {
        throw imageFetchError(url, deadline.aborted ? 'timed out' : 'the connection failed');
      });
      const { statusCode, headers, body } = response;
      if (statusCode >= 300 && statusCode < 400 && typeof headers.location === 'string') {
        await body.dump();
        url = new URL(headers.location, url);
        continue;
      }
      if (statusCode !== 200) {
        await body.dump();
        throw imageFetchError(url, `the server answered ${statusCode}`);
      }
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        await body.dump();
        throw imageFetchError(url, `larger than ${options.maxBytes} bytes`);
      }
      const bytes = await readLimited(body, url, {
        maxBytes: options.maxBytes,
        declared: Number.isFinite(declared) ? declared : undefined,
        onChunk: (size) => {
          options.requestBudget?.take(size);
          options.inFlight?.take(size);
          inFlightTaken += size;
        },
      }).catch((error: unknown) => {
        if (deadline.aborted) throw imageFetchError(url, 'timed out');
        throw error;
      });
      const mediaType = sniffImageType(bytes);
      if (mediaType === undefined) {
        throw imageFetchError(url, 'not a JPEG, PNG, GIF or WebP image');
      }
      return { mediaType, base64: bytes.toString('base64') };
    } finally {
      options.inFlight?.give(inFlightTaken);
      inFlightTaken = 0;
      void agent.close();
    }
  }
  throw imageFetchError(url, `more than ${maxRedirects} redirects`);
}
