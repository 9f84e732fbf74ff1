import type { AnthropicMessagesRequest } from '@octoproxy/converters';

import { ByteBudget } from './byte-budget';
import type { FetchedImage } from './fetch-image';
import { imageFetchError, imagesTooLargeError, tooManyImagesError } from './image-fetch-error';

interface UrlImageBlock {
  type: 'image';
  source: { type: 'url'; url: string };
}

function isUrlImage(block: unknown): block is UrlImageBlock {
  if (typeof block !== 'object' || block === null) return false;
  const candidate = block as { type?: unknown; source?: { type?: unknown; url?: unknown } };
  return (
    candidate.type === 'image' &&
    candidate.source?.type === 'url' &&
    typeof candidate.source.url === 'string'
  );
}

/** Every URL image block, including those inside tool results (Claude Code's Read tool puts them there). */
function collectUrlImages(request: AnthropicMessagesRequest): UrlImageBlock[] {
  const found: UrlImageBlock[] = [];
  const visit = (blocks: unknown): void => {
    if (!Array.isArray(blocks)) return;
    for (const block of blocks) {
      if (isUrlImage(block)) found.push(block);
      else if ((block as { type?: unknown }).type === 'tool_result') {
        visit((block as { content?: unknown }).content);
      }
    }
  };
  for (const message of request.messages) visit(message.content);
  return found;
}

const dataUrlPattern = /^data:(image\/[a-z0-9.+-]+);base64,(.*)$/is;

export interface InlineImagesOptions {
  enabled: boolean;
  /** Downloads one image, drawing its bytes from the request's budget. */
  fetch: (url: string, requestBudget: ByteBudget) => Promise<FetchedImage>;
  /** Image URLs one request may download (checked before any download starts). */
  maxImages: number;
  /** Bytes the request's downloads may add up to. */
  maxTotalBytes: number;
  /** Downloads at once per request. */
  concurrency?: number;
}

/**
 * Replaces URL image sources with inline base64 data in place, because the upstream accepts inline
 * images only. `data:` URLs are decoded without any network access.
 */
export async function inlineImages(
  request: AnthropicMessagesRequest,
  options: InlineImagesOptions,
): Promise<number> {
  const blocks = collectUrlImages(request);
  const remote = blocks.filter((block) => !block.source.url.startsWith('data:'));
  if (remote.length > 0 && !options.enabled) {
    throw imageFetchError(
      remote[0]?.source.url ?? '',
      'image URLs are disabled on this server; send the image as base64',
    );
  }
  if (remote.length > options.maxImages) {
    throw tooManyImagesError(remote.length, options.maxImages);
  }
  const budget = new ByteBudget(() => options.maxTotalBytes, imagesTooLargeError);
  const queue = [...blocks];
  const worker = async (): Promise<void> => {
    for (let block = queue.shift(); block !== undefined; block = queue.shift()) {
      const source = block.source as unknown as Record<string, unknown>;
      const match = dataUrlPattern.exec(block.source.url);
      const image = match
        ? { mediaType: match[1] ?? '', base64: match[2] ?? '' }
        : await options.fetch(block.source.url, budget);
      for (const key of Object.keys(source)) delete source[key];
      Object.assign(source, { type: 'base64', media_type: image.mediaType, data: image.base64 });
    }
  };
  const workers = Math.min(options.concurrency ?? 4, queue.length);
  await Promise.all(Array.from({ length: workers }, worker));
  return blocks.length;
}
