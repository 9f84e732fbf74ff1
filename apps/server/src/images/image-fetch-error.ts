import { InvalidRequestError, OctoProxyError } from '@octoproxy/converters';

/** An image URL could not be turned into inline data; the client must fix the URL or inline it. */
export function imageFetchError(url: URL | string, reason: string): InvalidRequestError {
  const host = typeof url === 'string' ? url.slice(0, 80) : url.host;
  return new InvalidRequestError({
    code: 'image_fetch_failed',
    message: `Could not use the image at ${host}: ${reason}`,
  });
}

/** The request names more image URLs than one request may download. */
export function tooManyImagesError(count: number, limit: number): InvalidRequestError {
  return new InvalidRequestError({
    code: 'too_many_images',
    message: `The request has ${count} image URLs; this server downloads at most ${limit} per request. Send the others as base64.`,
  });
}

/** The request's images add up to more than one request may download. */
export function imagesTooLargeError(limit: number): InvalidRequestError {
  return new InvalidRequestError({
    code: 'images_too_large',
    message: `The images of this request add up to more than ${limit} bytes.`,
  });
}

/** The server holds as many downloading image bytes as it allows; the client may retry. */
export function imageDownloadsBusyError(): OctoProxyError {
  return new OctoProxyError({
    kind: 'overloaded',
    fault: 'gateway',
    code: 'image_downloads_busy',
    message: 'The server is downloading too many images at once; retry shortly.',
  });
}
