import { InvalidRequestError } from '@octoproxy/converters';

/** An image URL could not be turned into inline data; the client must fix the URL or inline it. */
export function imageFetchError(url: URL | string, reason: string): InvalidRequestError {
  const host = typeof url === 'string' ? url.slice(0, 80) : url.host;
  return new InvalidRequestError({
    code: 'image_fetch_failed',
    message: `Could not use the image at ${host}: ${reason}`,
  });
}
