import { InvalidRequestError } from '@octoproxy/converters';

import type { Turn, UserTurn } from './conversation-turns';

export interface ImageBounds {
  /** Only the newest this many user turns keep their images. Default 5. */
  maxImageTurns?: number;
  /** At most this many images per request, newest first. Default 10 (Kiro's limit). */
  maxImages?: number;
}

export const defaultMaxImageTurns = 5;
export const defaultMaxImages = 10;
/** Kiro's per-image limit (decoded bytes). */
export const maxImageBytes = 10 * 1024 * 1024;

/** What a base64 string decodes to, in bytes. */
export function decodedBase64Bytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

/**
 * Old screenshots make every later turn huge and Kiro caps images per request: keep the images of
 * the newest turns, and replace older ones with a short note so the model knows one was there.
 */
export function boundImages(turns: readonly Turn[], bounds: ImageBounds = {}): void {
  const maxTurns = bounds.maxImageTurns ?? defaultMaxImageTurns;
  const maxImages = bounds.maxImages ?? defaultMaxImages;
  let turnsWithImages = 0;
  let kept = 0;
  for (let index = turns.length - 1; index >= 0; index--) {
    const turn = turns[index];
    if (turn?.role !== 'user' || turn.images.length === 0) continue;
    turnsWithImages++;
    const room = turnsWithImages <= maxTurns ? Math.max(0, maxImages - kept) : 0;
    dropImagesBeyond(turn, room);
    kept += turn.images.length;
  }
}

function dropImagesBeyond(turn: UserTurn, room: number): void {
  const dropped = turn.images.length - room;
  if (dropped <= 0) return;
  turn.images = turn.images.slice(dropped);
  turn.texts.push(
    dropped === 1
      ? '[An earlier image was omitted from this message]'
      : `[${dropped} earlier images were omitted from this message]`,
  );
}

/** Kiro refuses an image over 10 MiB as a malformed request: say so clearly before sending it. */
export function assertImageSizes(turns: readonly Turn[]): void {
  for (const turn of turns) {
    if (turn.role !== 'user') continue;
    for (const image of turn.images) {
      const bytes = decodedBase64Bytes(image.source.bytes);
      if (bytes <= maxImageBytes) continue;
      throw new InvalidRequestError({
        code: 'image_too_large',
        param: 'messages',
        message: `An image has ${bytes} bytes; the upstream takes at most ${maxImageBytes} (10 MiB) per image.`,
      });
    }
  }
}
