/** How often panic routing served an attempt: a pool in panic mode is running on ejected accounts. */
export interface PanicStats {
  /** Attempts routed to an ejected account because no other account could take them. */
  routed: number;
  /** When the last one was (epoch ms), or null. */
  lastAt: number | null;
}

export class PanicCounter {
  private routed = 0;
  private lastAt: number | null = null;

  record(now: number): void {
    this.routed += 1;
    this.lastAt = now;
  }

  stats(): PanicStats {
    return { routed: this.routed, lastAt: this.lastAt };
  }
}
