import type { Turn, UserTurn } from './conversation-turns';

export interface ImageBounds {
  /** Only the newest this many user turns keep their images. Default 5. */
  maxImageTurns?: number;
  /** At most this many images per request, newest first. Default 10 (Kiro's limit). */
  maxImages?: number;
}

export const defaultMaxImageTurns = 5;
export const defaultMaxImages = 10;

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
